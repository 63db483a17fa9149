package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code docker compose}, {@code docker-compose}, {@code podman compose}: a project of services. Bringing it down
 * removes containers and networks (recreated by {@code up}); only {@code -v}/{@code --volumes} loses data. The command
 * of {@code run} is judged as {@code docker run}'s is ({@link ContainerCommands}), that of {@code exec} as
 * {@code docker exec}'s (unwrapped by the analyzer).
 */
final class DockerCompose {

    private static final Set<String> GLOBAL_VALUED = Set.of("-f", "--file", "-p", "--project-name",
            "--project-directory", "--profile", "--env-file", "--ansi", "--parallel", "--progress", "-H", "--host",
            "-c", "--context");
    private static final Set<String> READS = Set.of("ps", "logs", "ls", "top", "images", "version",
            "port", "events", "stats", "wait", "alpha");
    private static final Set<String> UPDATES = Set.of("up", "start", "stop", "restart", "pause", "unpause", "kill",
            "build", "pull", "create", "scale", "watch", "cp", "attach", "publish");

    /**
     * A service of a compose file or project named for production or staging ({@code -f docker-compose.prod.yml},
     * {@code --env-file .env.production}) is wired to that environment's servers: what its command does to a database or
     * service it reaches, with no server of its own named, happens there, not in the tool's development default.
     */
    private static List<Operation> placed(List<Operation> ops, List<String> names) {
        // (mounted host paths and the daemon's own objects stay where they are)
        java.util.Optional<String> tier = names.stream().filter(n -> !n.isEmpty())
                .map(n -> DeploymentWords.tierWordIn(n.substring(n.lastIndexOf('/') + 1))).flatMap(java.util.Optional::stream).findFirst();
        if (tier.isEmpty()) {
            return ops;
        }
        return ops.stream().map(op -> op.resource().locator("host").isEmpty() && !HERE.contains(op.system())
                ? op.toBuilder().locator("environment", tier.get())
                        .note(op.note() + "; the compose configuration is " + tier.get() + "'s").build() : op).toList();
    }

    private static final Set<String> HERE = Set.of("filesystem", "process", "os", "package", "shell", "docker");

    /** config's flags that print names or hashes only, never the interpolated model. */
    private static final Set<String> CONFIG_LISTS = Set.of("--services", "--volumes", "--images", "--profiles", "--networks",
            "--hash", "-q", "--quiet");

    private DockerCompose() {
    }

    static List<Operation> recognize(Daemon daemon, Nested nested, List<Arg> args) {
        return inNamedDirectory(daemon, args, commands(daemon, nested, args));
    }

    /**
     * A project directory named for production or staging ({@code /srv/budibase-prod}, {@code ~/deploy/app-staging}) on
     * this machine's daemon is that environment's deployment, as an IaC working directory is: what the project's
     * commands do on the daemon happens there. The directory is {@code --project-directory}, else the first
     * {@code -f} file's, else the working directory; a workspace with no such name ({@code ~/src/app}) stays local.
     */
    private static List<Operation> inNamedDirectory(Daemon daemon, List<Arg> args, List<Operation> ops) {
        if (daemon.inv().remote()) {
            return ops;
        }
        String directory = "";
        String firstFile = "";
        for (int i = 0; i < args.size() && args.get(i).value().startsWith("-"); i++) {
            String w = args.get(i).value();
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1)
                    : GLOBAL_VALUED.contains(w) && i + 1 < args.size() ? args.get(++i).value() : "";
            if (name.equals("--project-directory")) {
                directory = value;
            } else if ((name.equals("-f") || name.equals("--file")) && firstFile.isEmpty() && !value.equals("-")) {
                firstFile = value;
            }
        }
        Workspace ws = daemon.inv().workspace();
        String dir = !directory.isEmpty() ? ws.resolve(directory)
                : !firstFile.isEmpty() && firstFile.contains("/") ? ws.resolve(firstFile.substring(0, firstFile.lastIndexOf('/')))
                : ws.dir();
        if (DeploymentWords.tierWordIn(Regex.replaceFirst(dir, "^/(?:home|Users)/[^/]+", "")).isEmpty()) {
            return ops;
        }
        return ops.stream().map(op -> op.system().equals("docker") && op.environment() == Tier.LOCAL
                ? op.toBuilder().environment(Tier.UNKNOWN, "").locator("directory", dir)
                        .note(op.note() + (op.note().isEmpty() ? "" : "; ") + "the compose project's directory " + dir
                                + " is named for an environment: this machine runs that deployment").build()
                : op).toList();
    }

    private static List<Operation> commands(Daemon daemon, Nested nested, List<Arg> args) {
        String project = "";
        String envFile = "";
        List<String> files = new ArrayList<>(List.of(daemon.inv().env().getOrDefault("COMPOSE_FILE", "").split(":")));
        int i = 0;
        Daemon current = daemon;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String w = args.get(i).value();
            if (Set.of("--version", "-v", "--help", "-h").contains(w)) {
                return List.of();
            }
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            String value = w.contains("=") ? w.substring(w.indexOf('=') + 1)
                    : GLOBAL_VALUED.contains(w) && i + 1 < args.size() ? args.get(++i).value() : "";
            switch (name) {
                case "-p", "--project-name" -> project = value;
                case "--env-file" -> envFile = value;
                case "-f", "--file" -> files.add(value);
                case "-H", "--host" -> current = Daemon.of(current.inv(), value, "");
                case "-c", "--context" -> current = Daemon.of(current.inv(), "", value);
                default -> { }
            }
            i++;
        }
        if (i >= args.size()) {
            return List.of();
        }
        Daemon d = current;
        String sub = args.get(i).value();
        List<Arg> rest = args.subList(i + 1, args.size());
        if (rest.stream().anyMatch(a -> a.value().equals("--help"))) {
            return List.of();
        }
        ParsedArgs p = ParsedArgs.parse(rest, Set.of("--rmi", "-t", "--timeout", "-e", "--env", "-u", "--user", "-w",
                "--workdir", "--scale", "--wait-timeout", "--pull", "--name", "--entrypoint", "-l", "--label", "-p",
                "--publish", "-v", "--volume"));
        if (sub.equals("config") || sub.equals("convert")) {
            return List.of(config(d, project, envFile, rest));
        }
        if (READS.contains(sub)) {
            return List.of(d.op(Verb.READ, "compose-project", project).build());
        }
        if (UPDATES.contains(sub)) {
            return List.of(d.op(sub.equals("create") || sub.equals("build") || sub.equals("pull") ? Verb.CREATE : Verb.UPDATE,
                    "compose-project", project).build());
        }
        List<Operation> ops = new ArrayList<>();
        switch (sub) {
            case "run", "exec" -> {
                String service = p.positional(0).orElse("");
                ops.add(d.op(Verb.EXECUTE, "service", service).note("runs a command in service " + service).build());
                if (sub.equals("run")) {
                    List<String> escapes = DockerRun.parse(rest).escapes(d.inv());
                    if (!escapes.isEmpty()) {
                        ops.add(d.op(Verb.ESCALATE, "host", service).reversible(false)
                                .note("the container gets the host: " + String.join(", ", escapes)).build());
                    }
                    // what it runs reaches as far as docker run's command does (exec's command is unwrapped by the analyzer)
                    files.addAll(List.of(envFile, project));
                    ops.addAll(placed(ContainerCommands.inService(d, nested, rest), files));
                }
            }
            case "down" -> {
                ops.add(d.op(Verb.UPDATE, "compose-project", project)
                        .note("stops and removes the project's containers and networks; up recreates them").build());
                volumes(d, p, ops, "-v", "--volumes");
                p.value("--rmi").ifPresent(r -> ops.add(d.op(Verb.DELETE, "image", r.equals("all") ? "" : r)
                        .scope(Scope.MANY).note("removes the project's images; a build or pull brings them back").build()));
            }
            case "rm" -> {
                ops.add(d.op(Verb.DELETE, "container", p.positional(0).orElse(project)).scope(p.positionals().size() == 1 ? Scope.ONE : Scope.MANY)
                        .note("removes stopped service containers").build());
                volumes(d, p, ops, "-v", "--volumes");
            }
            case "push" -> {
                ops.add(Operation.builder("docker", Verb.UPDATE).resource("image", project)
                        .evidence(d.inv().evidence()).scope(Scope.MANY).note("publishes the project's images to their registries").build());
            }
            default -> ops.add(d.op(Verb.UNKNOWN, "compose-project", sub).confidence(Confidence.INFERRED)
                    .note("'" + sub + "' is not a known compose command").build());
        }
        return ops;
    }

    /**
     * config prints the model with the env file's values interpolated: the secrets of .env (or of --env-file) in clear.
     * The env file's name places it ({@code .env.production}); its listing flags print names only.
     */
    private static Operation config(Daemon d, String project, String envFile, List<Arg> rest) {
        if (rest.stream().anyMatch(a -> CONFIG_LISTS.contains(a.value()))) {
            return d.op(Verb.READ, "compose-project", project).build();
        }
        String file = envFile.isEmpty() ? ".env" : envFile;
        Operation.Builder b = d.op(Verb.CREDENTIAL, "compose-config", project).locator("env-file", file)
                .note("prints the compose model with " + file + "'s secrets interpolated");
        if (DeploymentWords.forProduction(file)) {
            // the values are production's, whichever daemon renders them
            b.locator("environment", "production").environment(Tier.UNKNOWN, "");
        }
        return b.build();
    }

    private static void volumes(Daemon d, ParsedArgs p, List<Operation> ops, String... flags) {
        if (p.has(flags)) {
            ops.add(d.op(Verb.DELETE, "compose-volumes", "").scope(Scope.MANY).stateful(true).reversible(false)
                    .note("deletes the project's volumes and the data in them").build());
        }
    }
}
