package dev.interlock.environment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.interlock.model.Kubeconfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the machine Interlock runs on says about where commands go when they do not say it themselves: the
 * environment variables of the hook process and the kubeconfig's {@code current-context}. Read once at start-up
 * ({@link #detect()}), never at decision time.
 *
 * @param env          environment variables that steer CLIs ({@code AWS_PROFILE}, {@code KUBECONFIG}, …)
 * @param kubeContext  the kubeconfig's current-context, when there is one
 * @param noKubernetes true when it is known that kubectl has no cluster to talk to here (no kubeconfig, not in a pod)
 */
public record AmbientContext(Map<String, String> env, Optional<String> kubeContext, boolean noKubernetes) {

    /** Nothing known: kubectl without flags goes to an unknown cluster. The safe default for embedders. */
    public static final AmbientContext UNKNOWN = new AmbientContext(Map.of(), Optional.empty(), false);

    /** A workstation with no kubeconfig and no steering variables (what tests and the demo assume). */
    public static final AmbientContext BARE_WORKSTATION = new AmbientContext(Map.of(), Optional.empty(), true);

    private static final Pattern CURRENT_CONTEXT = Pattern.compile("(?m)^current-context:\\s*[\"']?([^\"'\\s#]+)");

    public AmbientContext {
        env = Map.copyOf(env);
    }

    /** Reads this process's environment and kubeconfig. I/O happens here, once. */
    public static AmbientContext detect() {
        return detect(System.getenv());
    }

    /**
     * What a process with environment {@code env} on this machine would see: the kubeconfig and gcloud files its
     * {@code KUBECONFIG}, {@code HOME} and {@code CLOUDSDK_CONFIG} point at. A decider serving another process of the
     * same user (the local decider) reads that process's files, never its own environment's.
     */
    public static AmbientContext detect(Map<String, String> env) {
        Map<String, String> steering = new HashMap<>(EnvironmentVariables.steering(env));
        String kubeconfig = env.getOrDefault("KUBECONFIG", "");
        Path config = kubeconfig.isBlank()
                ? home(env).resolve(".kube").resolve("config")
                : Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]);
        Optional<String> context = Optional.empty();
        boolean exists = Files.isRegularFile(config);
        if (exists) {
            try {
                Matcher m = CURRENT_CONTEXT.matcher(Files.readString(config));
                context = m.find() ? Optional.of(m.group(1)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                context = Optional.empty();
            }
        }
        boolean inPod = env.containsKey("KUBERNETES_SERVICE_HOST");
        if (!steering.containsKey("CLOUDSDK_CORE_PROJECT") && !steering.containsKey("GOOGLE_CLOUD_PROJECT")) {
            gcloudProject(env).ifPresent(p -> steering.put("CLOUDSDK_CORE_PROJECT", p));
        }
        return new AmbientContext(steering, context, !exists && kubeconfig.isBlank() && !inPod);
    }

    /** The home kubectl and gcloud use: {@code $HOME}, which may differ from the account's (sudo -E, containers, tests). */
    private static Path home(Map<String, String> env) {
        String home = env.getOrDefault("HOME", "");
        return Path.of(home.isBlank() ? System.getProperty("user.home") : home);
    }

    /** This machine's kubeconfig state, to carry in a request decided elsewhere. */
    public Kubeconfig kubeconfig() {
        return noKubernetes ? Kubeconfig.NONE : new Kubeconfig(kubeContext, false);
    }

    private static final Pattern GCLOUD_PROJECT = Pattern.compile("(?m)^\\s*project\\s*=\\s*(\\S+)");

    /** gcloud's active project: {@code active_config} names a configuration whose {@code [core]} sets {@code project}. */
    private static Optional<String> gcloudProject(Map<String, String> env) {
        String dir = env.getOrDefault("CLOUDSDK_CONFIG", "");
        Path config = dir.isBlank() ? home(env).resolve(".config").resolve("gcloud") : Path.of(dir);
        try {
            String active = env.getOrDefault("CLOUDSDK_ACTIVE_CONFIG_NAME", "");
            if (active.isBlank()) {
                Path pointer = config.resolve("active_config");
                active = Files.isRegularFile(pointer) ? Files.readString(pointer).strip() : "default";
            }
            Path file = config.resolve("configurations").resolve("config_" + active);
            if (!active.matches("[A-Za-z0-9_-]+") || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Matcher m = GCLOUD_PROJECT.matcher(Files.readString(file));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
