package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.registries.ImageReference;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker}, {@code podman}, {@code nerdctl} and compose. The local daemon is {@code local}: containers, images,
 * networks and build caches are regenerable, so removing them is cheap; volumes hold data. A daemon named by
 * {@code -H}, {@code --context}, {@code DOCKER_HOST} or {@code DOCKER_CONTEXT} is somewhere else and left to
 * environment resolution. Compose is in {@link DockerCompose}, the command table in {@link DockerTable}.
 */
public final class DockerRecognizer implements Recognizer {

    private static final Set<String> GLOBAL_VALUED = Set.of("-H", "--host", "-c", "--context", "--config", "-l",
            "--log-level", "--tlscacert", "--tlscert", "--tlskey", "--connection", "--url", "--identity", "--root",
            "--runroot", "--storage-driver", "--cgroup-manager", "--events-backend", "--module", "--tmpdir",
            "--conmon", "--runtime", "--ssh", "-n", "--namespace", "-a", "--address", "--snapshotter", "--data-root",
            "--cni-path", "--cni-netconfpath");
    /** Docker contexts and podman connections that are on this machine. */
    private static final java.util.regex.Pattern LOCAL_CONTEXTS = java.util.regex.Pattern.compile(
            "default|desktop-linux|desktop-windows|docker-desktop|rancher-desktop|orbstack|colima.*|lima.*|podman-machine-default.*");

    @Override
    public Set<String> programs() {
        return Set.of("docker", "podman", "nerdctl", "docker-compose", "podman-compose");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        boolean compose = inv.program().endsWith("-compose");
        int i = 0;
        String host = "";
        String context = "";
        while (!compose && i < args.size() && args.get(i).value().startsWith("-")) {
            String w = args.get(i).value();
            if (Set.of("--version", "-v", "--help", "-h").contains(w)) {
                return List.of();
            }
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1)
                    : GLOBAL_VALUED.contains(w) && i + 1 < args.size() ? args.get(++i).value() : "";
            switch (name) {
                case "-H", "--host", "--url", "-a", "--address" -> host = value;
                case "-c", "--context", "--connection" -> context = value;
                case "-r", "--remote" -> context = context.isEmpty() ? "remote" : context;
                default -> { }
            }
            i++;
        }
        Daemon daemon = Daemon.of(inv, host, context);
        List<Arg> rest = args.subList(Math.min(i, args.size()), args.size());
        if (compose) {
            return DockerCompose.recognize(daemon, nested, rest);
        }
        if (rest.isEmpty()) {
            return List.of();
        }
        if (!rest.getFirst().literal()) {
            return List.of(daemon.op(Verb.UNKNOWN, "", rest.getFirst().value()).confidence(Confidence.INFERRED)
                    .scope(dev.interlock.model.Scope.MANY).stateful(true).reversible(false)
                    .note("the " + inv.program() + " command comes from a variable").build());
        }
        String first = rest.getFirst().value();
        if (first.equals("compose")) {
            return DockerCompose.recognize(daemon, nested, rest.subList(1, rest.size()));
        }
        List<Operation> ops = new java.util.ArrayList<>(DockerTable.recognize(daemon, rest));
        boolean run = first.equals("run") || (first.equals("container") && rest.size() > 1 && rest.get(1).value().equals("run"));
        if (run) {
            ops.addAll(ContainerCommands.outside(daemon, nested, rest.subList(first.equals("run") ? 1 : 2, rest.size())));
        }
        return ops;
    }

    /**
     * Which daemon a command talks to, and how operations on it are built.
     *
     * @param remote true when a host or context names another machine
     */
    record Daemon(Invocation inv, String host, String context, boolean remote) {

        static Daemon of(Invocation inv, String hostFlag, String contextFlag) {
            Map<String, String> env = inv.env();
            String host = !hostFlag.isEmpty() ? hostFlag : env.getOrDefault("DOCKER_HOST", env.getOrDefault("CONTAINER_HOST", ""));
            String context = !contextFlag.isEmpty() ? contextFlag
                    : env.getOrDefault("DOCKER_CONTEXT", env.getOrDefault("CONTAINER_CONNECTION", ""));
            String hostName = hostName(host);
            boolean remote = !hostName.isEmpty() && !localHost(hostName)
                    || !context.isEmpty() && !LOCAL_CONTEXTS.matcher(context).matches();
            return new Daemon(inv, hostName, context, remote);
        }

        /** {@code ssh://deploy@prod-web-1:22} → {@code prod-web-1}; sockets → {@code localhost}. */
        static String hostName(String host) {
            return host.startsWith("/") ? "localhost" : Hosts.of(host);
        }

        /** This machine, or (from inside a container) the machine the container runs on. */
        private static boolean localHost(String h) {
            return Hosts.loopback(h) || h.equalsIgnoreCase("host.docker.internal");
        }

        Operation.Builder op(Verb verb, String type, String name) {
            Operation.Builder b = Operation.builder("docker", verb).resource(type, name).locator("host", remote ? host : "")
                    .locator("context", remote ? context : "").evidence(inv.evidence());
            if (!remote && !inv.remote()) {
                b.environment(Tier.LOCAL, "the local " + (inv.program().startsWith("podman") ? "podman" : "docker") + " daemon");
            }
            return b;
        }

        /** Pushing publishes to a registry: where the image goes decides the environment, not the daemon. */
        Operation.Builder registry(Verb verb, String image) {
            String registry = ImageReference.registryOf(image);
            Operation.Builder b = Operation.builder("docker", verb).resource("image", image).locator("host", registry)
                    .evidence(inv.evidence()).note("publishes the image to " + registry);
            if (localHost(Regex.replaceFirst(registry, ":\\d+$", ""))) {
                b.environment(Tier.LOCAL, "a registry on this machine");
            }
            return b;
        }

    }
}
