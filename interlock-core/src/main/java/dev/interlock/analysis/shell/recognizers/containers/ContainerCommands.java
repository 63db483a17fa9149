package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a command run in a new container does outside it. A container is an execution route, not a sandbox, for what
 * it is handed: a CLI image ({@code amazon/aws-cli}, {@code bitnami/kubectl}) is that CLI with the credentials and
 * variables it is given, and a bind mount puts host paths in reach ({@code -v /:/host … rm -rf /host/srv} deletes
 * {@code /srv}). The command is analyzed as if run where the daemon runs, with mounted paths translated back to the
 * host; what it does to the container's own files stays in the container.
 */
final class ContainerCommands {

    /** Images whose entrypoint is a CLI, by the last part of their name. */
    private static final Map<String, String> CLI_IMAGES = Map.ofEntries(
            Map.entry("aws-cli", "aws"), Map.entry("awscli", "aws"), Map.entry("kubectl", "kubectl"),
            Map.entry("k8s-kubectl", "kubectl"), Map.entry("helm", "helm"), Map.entry("terraform", "terraform"),
            Map.entry("opentofu", "tofu"), Map.entry("terragrunt", "terragrunt"), Map.entry("eksctl", "eksctl"),
            Map.entry("pulumi", "pulumi"), Map.entry("flux-cli", "flux"), Map.entry("argocd", "argocd"),
            Map.entry("velero", "velero"), Map.entry("vault", "vault"), Map.entry("gh", "gh"),
            // scanners shipped as images (instrumentisto/nmap, projectdiscovery/nuclei, …): judged by their targets
            Map.entry("nmap", "nmap"), Map.entry("masscan", "masscan"), Map.entry("nuclei", "nuclei"),
            Map.entry("naabu", "naabu"), Map.entry("sqlmap", "sqlmap"), Map.entry("nikto", "nikto"),
            Map.entry("wpscan", "wpscan"), Map.entry("hydra", "hydra"), Map.entry("ffuf", "ffuf"),
            Map.entry("gobuster", "gobuster"), Map.entry("feroxbuster", "feroxbuster"), Map.entry("dalfox", "dalfox"),
            // schema migration tools: judged like the CLI on the command line, by the database their URL names
            Map.entry("flyway", "flyway"), Map.entry("liquibase", "liquibase"), Map.entry("atlas", "atlas"),
            Map.entry("dbmate", "dbmate"));
    /** CLI images whose last name part is too common to trust alone ({@code myorg/migrate} is a project's own image). */
    private static final Map<String, String> CLI_IMAGES_BY_NAME = Map.of("migrate/migrate", "migrate");
    /** CLI images that probe networks: with the host's network they scan and sniff as the host, so that stays an escalation. */
    private static final Set<String> SCANNERS = Set.of("nmap", "masscan", "nuclei", "naabu", "sqlmap", "nikto", "wpscan",
            "hydra", "ffuf", "gobuster", "feroxbuster", "dalfox");
    /** Systems whose effects stay inside the container unless a path is mounted. */
    private static final Set<String> CONTAINED = Set.of("filesystem", "process", "os", "package", "shell");

    private ContainerCommands() {
    }

    /** The operations of {@code run}'s command outside the container; {@code args} follow {@code run}. */
    static List<Operation> outside(Daemon d, Nested nested, List<Arg> args) {
        return outside(d, nested, args, false);
    }

    /**
     * The same for {@code compose run SERVICE CMD}: the service's image is in the compose file, not in view, so only
     * an {@code --entrypoint} or the command given says what runs ({@code --entrypoint sh migrator -c 'psql …'}).
     */
    static List<Operation> inService(Daemon d, Nested nested, List<Arg> args) {
        return outside(d, nested, args, true);
    }

    private static List<Operation> outside(Daemon d, Nested nested, List<Arg> args, boolean service) {
        DockerRun run = DockerRun.parse(args);
        String image = run.target().value();
        if (image.isEmpty() || !run.target().literal()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>();
        List<String> entrypoint = run.values("--entrypoint");
        if (!entrypoint.isEmpty()) {
            argv.add(entrypoint.getLast());
        } else if (!service) {
            cli(image).ifPresent(argv::add);
        }
        Map<String, String> mounts = mounts(d.inv(), run);
        for (Arg a : run.command()) {
            if (!a.literal() && argv.isEmpty()) {
                return List.of(); // what runs is not known
            }
            // a variable among the arguments ("$INFLUX_TOKEN") leaves what the command does in view
            argv.add(a.literal() ? translate(a.value(), mounts) : a.value());
        }
        if (argv.isEmpty() || (argv.size() == 1 && CLI_IMAGES.containsValue(argv.getFirst()) && run.command().isEmpty())) {
            return List.of();
        }
        StringBuilder line = new StringBuilder();
        for (String e : run.values("-e", "--env")) {
            if (e.contains("=") && e.indexOf('=') > 0) {
                line.append(Arg.of(e.substring(0, e.indexOf('='))).value()).append('=')
                        .append(Arg.of(e.substring(e.indexOf('=') + 1)).shellText()).append(' ');
            }
        }
        boolean shell = Set.of("sh", "bash", "ash", "dash", "zsh").contains(argv.getFirst());
        for (String w : argv) {
            line.append(Arg.of(w).shellText()).append(' ');
        }
        Invocation where = d.remote() ? new Invocation(d.inv().program(), d.inv().args(), d.inv().env(), d.inv().workspace(),
                d.inv().evidence(), java.util.Optional.empty(), Map.of("host", d.host().isEmpty() ? d.context() : d.host()))
                : d.inv();
        List<Operation> out = new ArrayList<>();
        java.util.Optional<String> envFileTier = run.values("--env-file").stream()
                .map(f -> dev.interlock.analysis.shell.recognizers.DeploymentWords.tierWordIn(f.substring(f.lastIndexOf('/') + 1)))
                .flatMap(java.util.Optional::stream).findFirst();
        for (Operation found : nested.shell(line.toString().strip(), where)) {
            Operation op = withEnvFile(found, envFileTier);
            // a test run or script pointed at a remote database (-e DATABASE_URL=…) or named environment acts there, not in the container
            if (!CONTAINED.contains(op.system()) || underMount(op, mounts) || !op.resource().locator("host").isEmpty()
                    || op.verb() == dev.interlock.model.Verb.EXECUTE && !op.resource().locator("environment").isEmpty()) {
                out.add(op.toBuilder().evidence(d.inv().evidence())
                        .note((op.note().isEmpty() ? "" : op.note() + "; ") + "run in " + (service ? "service " + image + "'s container"
                                : "a container of " + image)).build());
            }
        }
        return shell && out.isEmpty() ? List.of() : out;
    }

    /**
     * {@code --env-file .env.production}: the command is handed that environment's settings and credentials, so a job it
     * runs acts there ({@code python -m jobs.refund --execute}), as with {@code -e DEPLOY_ENV=production}.
     */
    private static Operation withEnvFile(Operation op, java.util.Optional<String> tier) {
        if (tier.isEmpty() || op.verb() == dev.interlock.model.Verb.READ || op.system().equals("docker")
                || CONTAINED.contains(op.system()) && op.verb() != dev.interlock.model.Verb.EXECUTE
                || !op.resource().locator("host").isEmpty() || !op.resource().locator("environment").isEmpty()) {
            return op;
        }
        return op.toBuilder().locator("environment", tier.get()).environment(dev.interlock.model.Tier.UNKNOWN, "")
                .note((op.note().isEmpty() ? "" : op.note() + "; ") + "its env file is " + tier.get() + "'s").build();
    }

    /** The CLI an image's entrypoint is ({@code flyway/flyway:10} → flyway), by its name without registry, tag or digest. */
    static java.util.Optional<String> cli(String image) {
        String name = image;
        int at = name.indexOf('@');
        name = at >= 0 ? name.substring(0, at) : name;
        int colon = name.lastIndexOf(':');
        name = colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
        int slash = name.indexOf('/');
        if (slash > 0 && (name.substring(0, slash).contains(".") || name.substring(0, slash).contains(":")
                || name.startsWith("localhost/"))) {
            name = name.substring(slash + 1); // a registry: docker.io/migrate/migrate is migrate/migrate
        }
        String byName = CLI_IMAGES_BY_NAME.get(name);
        return java.util.Optional.ofNullable(byName != null ? byName : CLI_IMAGES.get(name.substring(name.lastIndexOf('/') + 1)));
    }

    /**
     * A client CLI run as the image's own entrypoint: with the host's network it only reaches servers on this machine,
     * as the same CLI run here would, and what it does there is judged as that CLI's command.
     */
    static boolean client(String image, DockerRun run) {
        return run.values("--entrypoint").isEmpty() && cli(image).filter(c -> !SCANNERS.contains(c)).isPresent();
    }

    /** Container path → host path, for bind mounts of host paths. */
    private static Map<String, String> mounts(Invocation inv, DockerRun run) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : run.values("-v", "--volume")) {
            String[] parts = v.split(":");
            if (parts.length >= 2 && isHostPath(parts[0])) {
                out.put(trim(parts[1]), inv.workspace().resolve(parts[0]));
            }
        }
        for (String m : run.values("--mount")) {
            String source = "";
            String target = "";
            for (String part : m.split(",")) {
                String[] kv = part.split("=", 2);
                if (kv.length == 2 && (kv[0].equals("source") || kv[0].equals("src"))) {
                    source = kv[1];
                } else if (kv.length == 2 && (kv[0].equals("target") || kv[0].equals("dst") || kv[0].equals("destination"))) {
                    target = kv[1];
                }
            }
            if (isHostPath(source) && !target.isEmpty()) {
                out.put(trim(target), inv.workspace().resolve(source));
            }
        }
        return out;
    }

    private static boolean isHostPath(String source) {
        return source.startsWith("/") || source.startsWith("~") || source.startsWith(".") || source.startsWith("$");
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** Mounted container paths in a word (or in a script given as one word) written as the host paths they are. */
    private static String translate(String word, Map<String, String> mounts) {
        String out = word;
        for (Map.Entry<String, String> m : mounts.entrySet()) {
            String target = m.getKey();
            String host = trim(m.getValue());
            if (target.equals("/")) {
                continue;
            }
            if (out.equals(target)) {
                return host;
            }
            String quoted = java.util.regex.Pattern.quote(target);
            out = java.util.regex.Pattern.compile("(?<![\\w./-])" + quoted + "(?=/)").matcher(out).replaceAll(
                    java.util.regex.Matcher.quoteReplacement(host.equals("/") ? "" : host));
            out = java.util.regex.Pattern.compile("(?<![\\w./-])" + quoted + "(?=$|[\\s;'\"|&)])").matcher(out).replaceAll(
                    java.util.regex.Matcher.quoteReplacement(host));
        }
        return out;
    }

    private static boolean underMount(Operation op, Map<String, String> mounts) {
        String path = op.resource().locator("path");
        if (path.isEmpty()) {
            return false;
        }
        for (String host : mounts.values()) {
            String h = trim(host);
            if (path.equals(h) || path.startsWith(h.equals("/") ? "/" : h + "/")) {
                return true;
            }
        }
        return false;
    }
}
