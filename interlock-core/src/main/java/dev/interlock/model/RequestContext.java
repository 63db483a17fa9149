package dev.interlock.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a request comes from: an explicit {@code environment} name, the working directory, the relevant
 * environment variables of the agent's process, and a {@code target} (for SQL, a connection string).
 */
public record RequestContext(Optional<String> environment, Optional<String> cwd, Map<String, String> env, Optional<String> target) {
    public static final RequestContext EMPTY = new RequestContext(Optional.empty(), Optional.empty(), Map.of(), Optional.empty());

    public RequestContext {
        environment = environment.filter(s -> !s.isBlank());
        cwd = cwd.filter(s -> !s.isBlank());
        env = env == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(env));
        target = target.filter(s -> !s.isBlank());
    }

    public RequestContext withEnvironment(String name) {
        return new RequestContext(Optional.ofNullable(name), cwd, env, target);
    }

    public RequestContext withCwd(String dir) {
        return new RequestContext(environment, Optional.ofNullable(dir), env, target);
    }
}
