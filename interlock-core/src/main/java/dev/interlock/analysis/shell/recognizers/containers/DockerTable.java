package dev.interlock.analysis.shell.recognizers.containers;

import dev.interlock.analysis.shell.recognizers.filesystem.FilesystemRecognizer;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.containers.DockerRecognizer.Daemon;
import dev.interlock.analysis.shell.recognizers.registries.ImageReference;
import dev.interlock.analysis.shell.recognizers.registries.RegistryTools;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The docker/podman/nerdctl command table: {@code noun verb} (the management form; {@code docker rm} is
 * {@code container rm}) → what it does. Containers, images, networks and build caches come back with a pull or a
 * build, so removing them is reversible; volumes, secrets and machines hold data.
 */
final class DockerTable {

    /** What a command does to its resource. */
    private record Spec(Verb verb, String type, boolean stateful, boolean reversible) {
    }

    private static final Set<String> NOUNS = Set.of("container", "image", "volume", "network", "system", "builder",
            "buildx", "context", "swarm", "service", "stack", "secret", "config", "node", "plugin", "trust", "manifest",
            "machine", "pod", "kube", "generate", "play", "scout", "farm", "artifact", "checkpoint");
    private static final Map<String, String> LEGACY = new HashMap<>();
    private static final Map<String, Spec> TABLE = new HashMap<>();

    static {
        for (String c : List.of("ps", "rm", "run", "exec", "create", "start", "stop", "restart", "kill", "pause",
                "unpause", "rename", "update", "wait", "attach", "logs", "top", "stats", "port", "diff", "export",
                "commit", "cp", "inspect", "prune", "exists", "healthcheck", "init", "mount", "unmount", "restore")) {
            LEGACY.put(c, "container " + c);
        }
        LEGACY.put("rmi", "image rm");
        LEGACY.put("images", "image ls");
        for (String c : List.of("build", "pull", "push", "tag", "save", "load", "import", "history", "search", "sign", "tree")) {
            LEGACY.put(c, "image " + c);
        }
        LEGACY.put("login", "registry login");
        LEGACY.put("logout", "registry logout");
        for (String c : List.of("version", "info", "events", "df")) {
            LEGACY.put(c, "system " + c);
        }
        read("container", "ls", "list", "ps", "logs", "top", "stats", "port", "diff", "export", "inspect", "wait", "exists");
        // a pull copies an image into this daemon's cache: nothing that runs changes until something runs it
        read("image", "ls", "list", "inspect", "history", "save", "search", "exists", "tree", "trust", "pull");
        read("volume", "ls", "list", "inspect", "exists", "export");
        read("network", "ls", "list", "inspect", "exists");
        read("system", "df", "info", "events", "version", "dial-stdio", "connection");
        read("context", "ls", "list", "show", "inspect", "export");
        read("buildx", "ls", "inspect", "du", "version", "history");
        read("builder", "ls", "inspect", "du");
        read("manifest", "inspect", "exists");
        read("node", "ls", "ps", "inspect");
        read("service", "ls", "ps", "logs", "inspect");
        read("stack", "ls", "ps", "services", "config");
        read("secret", "ls", "inspect", "exists");
        read("config", "ls", "inspect");
        read("plugin", "ls", "inspect");
        read("trust", "inspect");
        read("machine", "ls", "list", "inspect", "info");
        read("pod", "ps", "ls", "list", "inspect", "logs", "top", "stats", "exists");
        read("generate", "kube", "systemd", "spec");
        read("kube", "generate");
        read("scout", "cves", "quickview", "recommendations", "compare", "sbom", "policy");
        table(Verb.CREATE, "container", false, true, "container create", "container commit", "checkpoint create");
        read("checkpoint", "ls", "list");
        table(Verb.DELETE, "checkpoint", false, false, "checkpoint rm");
        table(Verb.UPDATE, "container", false, true, "container start", "container stop", "container restart",
                "container kill", "container pause", "container unpause", "container rename", "container update",
                "container init", "container mount", "container unmount", "container restore");
        table(Verb.EXECUTE, "container", false, true, "container run", "container exec", "container attach",
                "kube play", "play kube", "machine ssh", "container healthcheck");
        table(Verb.CREATE, "image", false, true, "image build", "image tag", "image load", "image import",
                "buildx build", "buildx bake", "builder build", "image sign", "manifest create", "manifest add", "manifest annotate");
        table(Verb.UPDATE, "builder", false, true, "buildx create", "buildx use", "buildx stop");
        table(Verb.UPDATE, "registry", false, true, "registry login", "registry logout");
        table(Verb.CREATE, "network", false, true, "network create");
        table(Verb.UPDATE, "network", false, true, "network connect", "network disconnect", "network reload");
        table(Verb.CREATE, "volume", false, true, "volume create", "volume import", "volume mount", "volume unmount");
        table(Verb.UPDATE, "context", false, true, "context create", "context use", "context update", "context import");
        table(Verb.UPDATE, "swarm", false, true, "swarm init", "swarm join", "swarm update", "swarm leave",
                "swarm unlock", "swarm join-token", "swarm unlock-key", "swarm ca");
        table(Verb.UPDATE, "service", false, true, "service create", "service update", "service scale",
                "service rollback", "stack deploy", "stack up");
        table(Verb.CREATE, "secret", false, true, "secret create", "config create");
        // podman: pulls newer images for containers labelled for it and restarts them
        table(Verb.UPDATE, "container", false, true, "auto-update");
        table(Verb.UPDATE, "plugin", false, true, "plugin install", "plugin enable", "plugin disable",
                "plugin upgrade", "plugin set", "plugin create", "plugin push");
        table(Verb.UPDATE, "pod", false, true, "pod create", "pod start", "pod stop", "pod restart", "pod kill",
                "pod pause", "pod unpause", "pod clone");
        table(Verb.UPDATE, "machine", false, true, "machine init", "machine start", "machine stop", "machine set",
                "machine os");
        // Regenerable: a pull or a build brings them back.
        table(Verb.DELETE, "container", false, true, "container rm", "container prune");
        table(Verb.DELETE, "image", false, true, "image rm", "image prune", "manifest rm");
        table(Verb.DELETE, "network", false, true, "network rm", "network prune");
        table(Verb.DELETE, "build-cache", false, true, "buildx prune", "builder prune");
        table(Verb.DELETE, "builder", false, true, "buildx rm");
        table(Verb.DELETE, "unused-objects", false, true, "system prune");
        table(Verb.DELETE, "context", false, true, "context rm");
        table(Verb.DELETE, "plugin", false, true, "plugin rm");
        table(Verb.DELETE, "pod", false, true, "pod rm", "pod prune");
        table(Verb.DELETE, "service", false, true, "service rm", "config rm");
        // Data: gone for good.
        table(Verb.DELETE, "volume", true, false, "volume rm", "volume prune");
        table(Verb.DELETE, "secret", true, false, "secret rm");
        table(Verb.DELETE, "machine", true, false, "machine rm");
        table(Verb.DELETE, "stack", true, false, "stack rm", "stack down");
        table(Verb.DELETE, "everything", true, false, "system reset", "machine reset");
    }

    private static final Set<String> VALUED = Set.of("--filter", "--format", "-t", "--tag", "--build-arg", "--target",
            "--platform", "--label", "--cache-from", "--cache-to", "--output", "-o", "--secret", "--ssh", "--progress",
            "--iidfile", "--builder", "--time", "-s", "--signal", "--until", "--since", "--tail", "-n", "--name",
            "--driver", "--subnet", "--gateway", "--opt", "-u", "--username", "--password", "--network", "--message",
            "-m", "--change", "-c", "--docker", "--description", "--type", "--memory", "--memory-swap",
            "--memory-reservation", "--cpus", "--cpu-shares", "--cpuset-cpus", "--restart", "--pids-limit", "-i",
            "--input", "--stop-timeout", "--scale",
            // service and stack options with values (docker service update --image r/api:4.2 shop_api names shop_api)
            "--image", "--replicas", "--env-add", "--env-rm", "--label-add", "--label-rm", "--constraint-add",
            "--constraint-rm", "--mount-add", "--mount-rm", "--publish-add", "--publish-rm", "--secret-add",
            "--secret-rm", "--config-add", "--config-rm", "--update-delay", "--update-parallelism", "--limit-cpu",
            "--limit-memory", "--compose-file", "--resolve-image");

    private DockerTable() {
    }

    private static void read(String noun, String... verbs) {
        for (String v : verbs) {
            TABLE.put(noun + " " + v, new Spec(Verb.READ, noun, false, true));
        }
    }

    private static void table(Verb verb, String type, boolean stateful, boolean reversible, String... keys) {
        for (String k : keys) {
            TABLE.put(k, new Spec(verb, type, stateful, reversible));
        }
    }

    static List<Operation> recognize(Daemon d, List<Arg> rest) {
        String first = rest.getFirst().value();
        String key;
        List<Arg> args;
        if (NOUNS.contains(first)) {
            String verb = rest.size() > 1 ? rest.get(1).value() : "ls";
            key = first + " " + (verb.equals("remove") ? "rm" : verb);
            args = rest.size() > 1 ? rest.subList(2, rest.size()) : List.of();
        } else {
            key = LEGACY.getOrDefault(first, first);
            args = rest.subList(1, rest.size());
        }
        if (args.stream().anyMatch(a -> a.value().equals("--help"))) {
            return List.of();
        }
        return switch (key) {
            case "container run", "container create", "container exec" -> DockerContainers.run(d, key, args);
            case "container cp" -> DockerContainers.copy(d, args);
            case "image push", "manifest push", "plugin push", "trust sign" -> push(d, args);
            case "buildx imagetools" -> RegistryTools.imagetools(d.inv(), args);
            case "registry login" -> login(d, args);
            case "trust revoke", "trust signer", "trust key" -> trust(d, key, args);
            default -> byTable(d, key, args);
        };
    }

    private static List<Operation> byTable(Daemon d, String key, List<Arg> args) {
        Spec spec = TABLE.get(key);
        if (spec == null) {
            return List.of(d.op(Verb.UNKNOWN, "", key).confidence(Confidence.INFERRED)
                    .note("'" + key + "' is not a known " + d.inv().program() + " command").build());
        }
        if (spec.verb() != Verb.READ && args.stream().anyMatch(a -> a.value().equals("--dry-run"))) {
            // podman auto-update --dry-run: only reports what it would do
            spec = new Spec(Verb.READ, spec.type(), false, true);
        }
        boolean build = key.endsWith(" build") || key.equals("buildx bake");
        Set<String> valued = new java.util.HashSet<>(VALUED);
        if (build || spec.verb() == Verb.READ && !key.endsWith(" logs")) {
            // -f is --file for builds and --filter for listings; --follow for logs and --force elsewhere.
            valued.addAll(Set.of("-f", "--file"));
        }
        ParsedArgs p = ParsedArgs.parse(args, valued);
        List<Arg> names = FilesystemRecognizer.operands(p);
        if (key.equals("container inspect") && p.value("-f", "--format").filter(f -> f.contains(".Env")).isPresent()) {
            // docker inspect -f '{{json .Config.Env}}' api: the container's environment, its secrets with it
            return List.of(d.op(Verb.CREDENTIAL, "container", names.isEmpty() ? "" : names.getFirst().value())
                    .note("prints the container's environment variables, secrets included").build());
        }
        if (key.equals("secret inspect") && p.has("--showsecret")) {
            return List.of(d.op(Verb.CREDENTIAL, "secret", names.isEmpty() ? "" : names.getFirst().value())
                    .note("--showsecret prints the secret's value").build());
        }
        List<Operation> ops = new ArrayList<>();
        boolean prune = key.endsWith(" prune") || key.equals("system reset");
        if (spec.verb() == Verb.DELETE && !prune && !names.isEmpty()) {
            for (Arg name : names) {
                ops.add(spec(d, spec, name.value()).scope(name.literal() ? Scope.ONE : Scope.MANY)
                        .confidence(name.literal() ? Confidence.EXACT : Confidence.INFERRED).build());
            }
        } else {
            Scope scope = key.equals("system reset") || key.equals("volume prune") && p.has("-a", "--all") ? Scope.ALL
                    : prune ? Scope.MANY : Scope.ONE;
            String name = build ? p.value("-t", "--tag").orElse("") : names.isEmpty() ? "" : names.getFirst().value();
            ops.add(spec(d, spec, name).scope(scope).note(prune ? pruneNote(key, p) : "").build());
        }
        if (p.has("-v", "--volumes") && (key.equals("container rm") || key.equals("system prune"))) {
            ops.add(d.op(Verb.DELETE, "volume", "").scope(Scope.MANY).stateful(true).reversible(false)
                    .note(key.equals("system prune") ? "--volumes also deletes unused volumes and their data"
                            : "-v also deletes the containers' anonymous volumes").build());
        }
        if (build && p.has("--push")) {
            for (String tag : p.flags().getOrDefault("-t", p.flags().getOrDefault("--tag", List.of()))) {
                ops.add(d.registry(Verb.UPDATE, tag).build());
            }
        }
        return ops;
    }

    private static Operation.Builder spec(Daemon d, Spec spec, String name) {
        return d.op(spec.verb(), spec.type(), name).stateful(spec.stateful()).reversible(spec.reversible());
    }

    private static String pruneNote(String key, ParsedArgs p) {
        return switch (key) {
            case "system prune" -> "removes stopped containers, unused networks, " + (p.has("-a", "--all") ? "unused images" : "dangling images") + " and build cache";
            case "volume prune" -> "deletes " + (p.has("-a", "--all") ? "every unused volume" : "unused anonymous volumes") + " and their data";
            case "system reset" -> "deletes every container, image, volume and network";
            case "builder prune", "buildx prune" -> "removes build cache";
            default -> "removes unused " + key.substring(0, key.indexOf(' ')) + "s";
        };
    }

    /**
     * {@code login}: a password given as a word ({@code -p}, {@code --password}) is in the process list and the shell's
     * history, and the login stores it on this machine: a credential of the registry, placed by its host. Logins that
     * take the password from stdin or a prompt keep the table's judgement (a piped credential is judged where it is read).
     */
    private static List<Operation> login(Daemon d, List<Arg> args) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("-u", "--username", "-p", "--password", "--authfile", "--cert-dir"));
        List<Arg> names = FilesystemRecognizer.operands(p);
        if (!p.has("-p", "--password")) {
            return byTable(d, "registry login", args);
        }
        String registry = names.isEmpty() ? "docker.io" : dev.interlock.environment.Hosts.of(names.getFirst().value());
        Operation.Builder b = Operation.builder("docker", Verb.CREDENTIAL).resource("registry", registry)
                .locator("host", registry).evidence(d.inv().evidence())
                .note("the registry password is given on the command line (process list, shell history) and stored on this machine");
        if (dev.interlock.environment.Hosts.loopback(registry)) {
            b.environment(dev.interlock.model.Tier.LOCAL, "a registry on this machine");
        }
        return List.of(b.build());
    }

    /**
     * Docker Content Trust: {@code trust revoke} deletes an image's signed trust data and {@code trust signer remove}
     * a signer's delegation, on the registry's notary (placed by the registry host), so that pulls enforcing trust no
     * longer find the signature; {@code trust signer add} gives a new key the right to sign there. {@code trust key rm}
     * deletes a signing key from this machine for good; {@code trust key generate|load} write a new one here.
     */
    private static List<Operation> trust(Daemon d, String key, List<Arg> args) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("--key", "--dir"));
        List<Arg> operands = FilesystemRecognizer.operands(p);
        String sub = key.equals("trust revoke") ? "revoke" : operands.isEmpty() ? "" : operands.getFirst().value();
        List<String> repositories = operands.stream().skip(key.equals("trust revoke") ? 0 : 2).map(Arg::value).toList();
        String name = operands.size() > 1 ? operands.get(1).value() : "";
        List<Operation> ops = new ArrayList<>();
        switch (key + " " + sub) {
            case "trust revoke revoke" -> repositories.forEach(r -> ops.add(d.registry(Verb.DELETE, r).resource("signatures", r)
                    .stateful(true).reversible(false).note("revokes the image's signed trust data on " + ImageReference.registryOf(r)).build()));
            case "trust signer remove", "trust signer rm" -> repositories.forEach(r -> ops.add(d.registry(Verb.DELETE, r)
                    .resource("signer", name + " on " + r).stateful(true).reversible(false)
                    .note("removes the signer " + name + " from the repository's trust data on " + ImageReference.registryOf(r)).build()));
            case "trust signer add" -> repositories.forEach(r -> ops.add(d.registry(Verb.GRANT, r).resource("signer", name + " on " + r)
                    .note("lets a new key sign " + r).build()));
            case "trust key rm", "trust key remove" -> ops.add(d.op(Verb.DELETE, "signing-key", name).stateful(true).reversible(false)
                    .note("deletes a content-trust signing key from this machine for good").build());
            case "trust key generate", "trust key load" -> ops.add(d.op(Verb.CREATE, "signing-key", name)
                    .note("writes a new content-trust signing key on this machine").build());
            default -> {
                return byTable(d, key + " " + sub, args);
            }
        }
        return ops.isEmpty() ? byTable(d, key + " " + sub, args) : ops;
    }

    /** {@code push}: publishes an image to its registry. */
    private static List<Operation> push(Daemon d, List<Arg> args) {
        ParsedArgs p = ParsedArgs.parse(args, Set.of("--platform", "--creds", "--authfile", "--format", "--digestfile",
                "--sign-by", "--sign-by-sigstore", "--compression-format", "--cert-dir", "--retry", "--retry-delay"));
        List<Arg> operands = FilesystemRecognizer.operands(p);
        if (operands.size() == 2) {
            // podman push SOURCE DESTINATION: the local image goes where the destination points, a transport
            // (docker://, oci-archive:, dir:) included, as buildah's and skopeo's destinations are read
            ImageReference to = ImageReference.of(operands.getLast().value());
            return List.of(to.place() == ImageReference.Place.REGISTRY ? d.registry(Verb.UPDATE, to.location()).build()
                    : RegistryTools.imageWritten(d.inv(), to, d.inv().program() + " push from " + operands.getFirst().value() + " writes"));
        }
        List<Operation> ops = new ArrayList<>();
        for (Arg image : operands) {
            ops.add(d.registry(Verb.UPDATE, image.value()).scope(p.has("-a", "--all-tags") ? Scope.MANY : Scope.ONE).build());
        }
        return ops;
    }
}
