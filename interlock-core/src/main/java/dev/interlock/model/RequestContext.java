package dev.interlock.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a request comes from: an explicit {@code environment} name, the working directory, the relevant
 * environment variables of the agent's process, a {@code target} (for SQL, a connection string), and the agent's
 * machine's kubeconfig state when its adapter read it.
 */
public record RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target,
                             Optional<Kubeconfig> kubeconfig) {
    public static final RequestContext EMPTY = new RequestContext(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target) {
        this(environment, cwd, env, target, Optional.empty());
    }

    public RequestContext {
        environment = environment.filter(s -> !s.isBlank());
        cwd = cwd.filter(s -> !s.isBlank());
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        target = target.filter(s -> !s.isBlank());
        kubeconfig = kubeconfig == null ? Optional.empty() : kubeconfig;
    }

    public RequestContext withEnvironment(String name) {
        return new RequestContext(Optional.ofNullable(name), cwd, env, target, kubeconfig);
    }

    public RequestContext withCwd(String dir) {
        return new RequestContext(environment, Optional.ofNullable(dir), env, target, kubeconfig);
    }

    public RequestContext withKubeconfig(Kubeconfig state) {
        return new RequestContext(environment, cwd, env, target, Optional.ofNullable(state));
    }
}
