package dev.interlock.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a request comes from: an explicit {@code environment} name, the working directory, the relevant
 * environment variables of the agent's process, a {@code target} (for SQL, a connection string), and the agent's
 * machine's kubeconfig state when its adapter read it, and {@code files}: the content of files the command names
 * that decide what it does (the manifests of {@code kubectl apply -f}), read by the adapter, keyed by absolute path.
 */
public record RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target,
                             Optional<Kubeconfig> kubeconfig, Map<String, String> files) {
    public static final RequestContext EMPTY = new RequestContext(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target) {
        this(environment, cwd, env, target, Optional.empty());
    }

    public RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target,
                          Optional<Kubeconfig> kubeconfig) {
        this(environment, cwd, env, target, kubeconfig, Map.of());
    }

    public RequestContext {
        environment = environment.filter(s -> !s.isBlank());
        cwd = cwd.filter(s -> !s.isBlank());
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        target = target.filter(s -> !s.isBlank());
        kubeconfig = kubeconfig == null ? Optional.empty() : kubeconfig;
        files = files == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public RequestContext withFiles(Map<String, String> contents) {
        return new RequestContext(environment, cwd, env, target, kubeconfig, contents);
    }

    public RequestContext withEnvironment(String name) {
        return new RequestContext(Optional.ofNullable(name), cwd, env, target, kubeconfig, files);
    }

    public RequestContext withCwd(String dir) {
        return new RequestContext(environment, Optional.ofNullable(dir), env, target, kubeconfig, files);
    }

    public RequestContext withKubeconfig(Kubeconfig state) {
        return new RequestContext(environment, cwd, env, target, Optional.ofNullable(state), files);
    }
}
