package dev.interlock.hooks;

import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Kubeconfig;
import java.util.Map;

/**
 * Who the agent acts for and what its machine says about where commands land — read where the agent runs and carried
 * in the request, so that a decider elsewhere never mistakes its own host's context for the agent's.
 *
 * @param principal  the human the agent works for: {@code INTERLOCK_PRINCIPAL}, else the login name
 * @param env        the variables that steer CLIs ({@code AWS_PROFILE}, {@code TF_WORKSPACE}, …) and {@code HOME}
 * @param kubeconfig the kubeconfig's current-context, or that there is none
 */
public record AgentSide(String principal, Map<String, String> env, Kubeconfig kubeconfig) {

    public AgentSide {
        principal = principal == null ? "" : principal;
        env = Map.copyOf(env);
    }

    /**
     * The variables a hook client sent as {@code X-Interlock-Env: NAME=value} headers (the server and the local decider
     * read the same headers); malformed ones are skipped.
     */
    public static Map<String, String> envHeaders(Iterable<String> headers) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        for (String h : headers) {
            int eq = h.indexOf('=');
            if (eq > 0) {
                env.put(h.substring(0, eq).strip(), h.substring(eq + 1).strip());
            }
        }
        return env;
    }

    /** Reads this process's environment and kubeconfig: the hook runs where the agent runs. */
    public static AgentSide detect() {
        return detect(System.getenv());
    }

    /** The same for a process whose environment is {@code env}, on this machine (the local decider's callers). */
    public static AgentSide detect(Map<String, String> env) {
        AmbientContext ambient = AmbientContext.detect(env);
        String principal = env.getOrDefault("INTERLOCK_PRINCIPAL", env.getOrDefault("USER", System.getProperty("user.name", "")));
        // HOME places ~ (and so ~/.claude/settings.json, ~/.aws/credentials) where the agent's shell would.
        Map<String, String> carried = new java.util.TreeMap<>(ambient.env());
        String home = env.getOrDefault("HOME", "");
        if (!home.isBlank()) {
            carried.put("HOME", home);
        }
        return new AgentSide(principal, carried, ambient.kubeconfig());
    }
}
