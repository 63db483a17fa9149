package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Salt, Chef and Puppet: configuration management that converges hosts to what their states, cookbooks and manifests
 * say. A run changes the hosts it reaches (what it changes is not in view); the dry runs ({@code test=True},
 * {@code chef-client --why-run}, {@code puppet agent --noop}) and the inventory and fact queries only look; pillar data
 * and decrypted data bags are secrets; removing a minion's key, a node or a certificate cuts a host off. Salt's
 * {@code cmd.run} is unwrapped before this recognizer (the command is analyzed on the minions).
 */
public final class ConfigManagementAgents implements Recognizer {

    /** One row of a tool's table: what a command does to the hosts or the server's records. */
    private record Row(Verb verb, String type, String note) {
        static Row read(String type) {
            return new Row(Verb.READ, type, "");
        }
    }

    private static final Row RUN = new Row(Verb.EXECUTE, "state", "converges the hosts to the states (the changes are not in view)");

    /** Salt execution modules and functions ({@code module.function} or {@code module.*}). */
    private static final Map<String, Row> SALT = Map.ofEntries(
            Map.entry("test.*", Row.read("minion")), Map.entry("grains.*", Row.read("grains")),
            Map.entry("status.*", Row.read("minion")), Map.entry("sys.*", Row.read("minion")),
            Map.entry("match.*", Row.read("minion")), Map.entry("disk.usage", Row.read("disk")),
            Map.entry("disk.inodeusage", Row.read("disk")), Map.entry("network.*", Row.read("network")),
            Map.entry("pkg.list_pkgs", Row.read("package")), Map.entry("pkg.version", Row.read("package")),
            Map.entry("pkg.list_upgrades", Row.read("package")), Map.entry("pkg.info_installed", Row.read("package")),
            Map.entry("service.status", Row.read("service")), Map.entry("service.get_all", Row.read("service")),
            Map.entry("service.available", Row.read("service")), Map.entry("service.enabled", Row.read("service")),
            Map.entry("state.show_sls", Row.read("state")), Map.entry("state.show_highstate", Row.read("state")),
            Map.entry("state.show_top", Row.read("state")), Map.entry("state.show_lowstate", Row.read("state")),
            Map.entry("saltutil.running", Row.read("job")), Map.entry("jobs.*", Row.read("job")),
            Map.entry("manage.*", Row.read("minion")), Map.entry("config.get", Row.read("config")),
            Map.entry("file.file_exists", Row.read("file")), Map.entry("file.stats", Row.read("file")),
            Map.entry("file.directory_exists", Row.read("file")), Map.entry("cp.list_master", Row.read("file")),
            Map.entry("pillar.items", new Row(Verb.CREDENTIAL, "pillar", "prints the minions' pillar data: passwords and keys in clear")),
            Map.entry("pillar.get", new Row(Verb.CREDENTIAL, "pillar", "prints pillar data: passwords and keys in clear")),
            Map.entry("pillar.item", new Row(Verb.CREDENTIAL, "pillar", "prints pillar data: passwords and keys in clear")),
            Map.entry("pillar.raw", new Row(Verb.CREDENTIAL, "pillar", "prints pillar data: passwords and keys in clear")),
            Map.entry("pillar.ls", Row.read("pillar")), Map.entry("pillar.obfuscate", Row.read("pillar")),
            Map.entry("pkg.remove", new Row(Verb.DELETE, "package", "removes packages from the minions")),
            Map.entry("pkg.purge", new Row(Verb.DELETE, "package", "purges packages and their configuration from the minions")),
            Map.entry("file.remove", new Row(Verb.DELETE, "file", "deletes the path on the minions")),
            Map.entry("user.delete", new Row(Verb.DELETE, "user", "deletes the account on the minions")),
            Map.entry("system.reboot", new Row(Verb.DELETE, "machine", "reboots the minions")),
            Map.entry("system.shutdown", new Row(Verb.DELETE, "machine", "shuts the minions down")),
            Map.entry("service.stop", new Row(Verb.UPDATE, "service", "stops the service on the minions")),
            Map.entry("service.restart", new Row(Verb.UPDATE, "service", "restarts the service on the minions")));
    /** salt-run runner functions ({@code runner.function} or {@code runner.*}); the rest run something on the minions. */
    private static final Map<String, Row> SALT_RUN = Map.ofEntries(
            Map.entry("jobs.*", Row.read("job")), Map.entry("manage.*", Row.read("minion")), Map.entry("fileserver.*", Row.read("file")),
            Map.entry("survey.*", Row.read("minion")), Map.entry("doc.*", Row.read("doc")),
            Map.entry("cache.grains", Row.read("grains")), Map.entry("cache.mine", Row.read("mine")),
            Map.entry("cache.pillar", new Row(Verb.CREDENTIAL, "pillar", "prints the minions' cached pillar data: passwords and keys in clear")),
            Map.entry("pillar.show_pillar", new Row(Verb.CREDENTIAL, "pillar", "prints pillar data: passwords and keys in clear")),
            Map.entry("pillar.show_top", Row.read("pillar")),
            Map.entry("cache.clear_all", new Row(Verb.UPDATE, "cache", "clears the master's cache of minion data")),
            Map.entry("cache.clear_grains", new Row(Verb.UPDATE, "cache", "clears the master's cache of minion data")),
            Map.entry("cache.clear_pillar", new Row(Verb.UPDATE, "cache", "clears the master's cache of minion data")),
            Map.entry("manage.bootstrap", new Row(Verb.EXECUTE, "minion", "installs and starts salt-minion on the hosts")),
            Map.entry("state.orchestrate", RUN), Map.entry("state.orch", RUN), Map.entry("state.sls", RUN));
    /** {@code saltenv=dev}, {@code pillarenv=prod}, or an environment grain in a target ({@code G@env:dev}). */
    private static final java.util.regex.Pattern SALT_ENVIRONMENT = Regex.pattern(
            "(?i)(?:saltenv|pillarenv)=([\\w.-]+)|(?:^|G@|\\s)(?:env|environment|tier):([\\w.-]+)");
    private static final Set<String> SALT_STATES = Set.of("state.apply", "state.sls", "state.highstate", "state.single",
            "state.sls_id", "state.top");

    /** {@code knife NOUN VERB}: what each verb does to the Chef server's record or the node. */
    private static final Set<String> KNIFE_READS = Set.of("list", "show", "status", "search", "check", "diff", "download",
            "deps", "versions", "fetch");
    private static final Set<String> KNIFE_CHANGES = Set.of("create", "edit", "upload", "from", "run_list", "bootstrap",
            "ssh", "rekey", "reregister", "set", "add", "update", "vault", "key", "tag");

    private static final Set<String> VALUED = Set.of("-c", "--config", "-E", "--environment", "-o", "--override-runlist",
            "-r", "--runlist", "-j", "--json-attributes", "-l", "--log_level", "--log-level", "-L", "--logfile", "-s",
            "--secret", "--secret-file", "--server-url", "-u", "--user", "-k", "--key", "--format", "-F", "--timeout",
            "--modulepath", "--certname", "--server", "--ca_server", "--logdest",
            "--out", "--output", "-b", "--batch-size", "--log-file", "-a", "--attribute", "-x", "--ssh-user", "-i",
            "--ssh-identity-file", "-P", "--ssh-password", "-S", "--saltenv", "--pillarenv", "--id");

    @Override
    public Set<String> programs() {
        return Set.of("salt", "salt-ssh", "salt-call", "salt-key", "salt-run", "chef-client", "chef-solo", "knife", "puppet");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        Optional<Operation.Builder> known = switch (inv.program()) {
            case "salt", "salt-ssh", "salt-call" -> salt(inv, p);
            case "salt-key" -> Optional.of(saltKey(inv, p));
            case "salt-run" -> Optional.of(saltRun(inv, p));
            case "chef-client", "chef-solo" -> Optional.of(p.has("-W", "--why-run") || p.has("-v", "--version", "-h", "--help")
                    ? op(inv, Row.read("node"), "").note("a why-run only reports what would change")
                    : op(inv, new Row(Verb.EXECUTE, "node", "converges this node to its run list (the changes are not in view)"), ""));
            case "knife" -> knife(inv, p);
            default -> puppet(inv, p);
        };
        if (known.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Operation.Builder b = known.get();
        p.value("-E", "--environment").ifPresent(e -> b.locator("environment", e));
        return List.of(b.build());
    }

    private static Optional<Operation.Builder> salt(Invocation inv, ParsedArgs p) {
        int at = inv.program().equals("salt-call") ? 0 : 1;
        Optional<String> function = p.positional(at);
        if (function.isEmpty()) {
            return Optional.empty();
        }
        String f = function.get();
        Row row = SALT.get(f);
        if (row == null && f.contains(".")) {
            row = SALT.get(f.substring(0, f.indexOf('.')) + ".*");
        }
        boolean dry = dryRun(p);
        if (row == null && SALT_STATES.contains(f)) {
            row = dry ? new Row(Verb.READ, "state", "test=True only reports what would change") : RUN;
        }
        if (row == null) {
            row = new Row(Verb.EXECUTE, "module", "runs " + f + " on the minions");
        }
        Operation.Builder b = op(inv, row, f);
        targetEnvironment(p).ifPresent(e -> b.locator("environment", e));
        if (at == 1) {
            String target = p.positional(0).orElse("*");
            b.locator("host", target).scope(Regex.matches(target, "\\*|.*[*?\\[].*") || p.has("-G", "--grain", "-N", "--nodegroup")
                    ? Scope.MANY : Scope.ONE);
        }
        return Optional.of(b);
    }

    /**
     * The environment a salt command names: {@code saltenv=}/{@code pillarenv=} (or {@code --saltenv}), or an
     * {@code env}/{@code environment} grain in the target ({@code -C 'G@env:dev'}, {@code -G 'environment:prod'}).
     */
    private static Optional<String> targetEnvironment(ParsedArgs p) {
        Optional<String> named = p.value("--saltenv", "--pillarenv");
        for (String w : p.words()) {
            java.util.regex.Matcher m = SALT_ENVIRONMENT.matcher(w);
            if (named.isEmpty() && m.find()) {
                named = Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
            }
        }
        return named;
    }

    /**
     * salt-run: the master's runner functions. Job and minion queries look, unless {@code manage.down removekeys=True}
     * also deletes the down minions' keys; orchestration runs states across minions ({@code test=True} only reports).
     */
    private static Operation.Builder saltRun(Invocation inv, ParsedArgs p) {
        String f = p.positional(0).orElse("");
        Row row = SALT_RUN.get(f);
        if (row == null && f.contains(".")) {
            row = SALT_RUN.get(f.substring(0, f.indexOf('.')) + ".*");
        }
        if (f.equals("manage.down") && p.words().stream().anyMatch(w -> Regex.matches(w, "(?i)removekeys=(true|1|yes)"))) {
            row = new Row(Verb.DELETE, "minion-key", "removes the keys of the minions that are down: the master stops managing them");
        } else if (row == RUN && dryRun(p)) {
            row = new Row(Verb.READ, "state", "test=True only reports what would change");
        }
        Operation.Builder b = op(inv, row == null ? RUN : row, f);
        return row != null && row.verb() == Verb.DELETE ? b.scope(Scope.MANY) : b;
    }

    private static boolean dryRun(ParsedArgs p) {
        return p.words().stream().anyMatch(w -> Regex.matches(w, "(?i)test=true"));
    }

    /** salt-key: listing and fingerprints look; accepting admits a host to the master; deleting cuts one off. */
    private static Operation.Builder saltKey(Invocation inv, ParsedArgs p) {
        if (p.has("-D", "--delete-all", "-d", "--delete", "-R", "--reject-all", "-r", "--reject")) {
            return op(inv, new Row(Verb.DELETE, "minion-key", "removes minions' keys: the master stops managing them"), "")
                    .scope(p.has("-D", "--delete-all", "-R", "--reject-all") ? Scope.ALL : Scope.ONE);
        }
        if (p.has("-A", "--accept-all", "-a", "--accept")) {
            return op(inv, new Row(Verb.GRANT, "minion-key", "admits hosts to the master: they receive its states and pillar"), "");
        }
        return op(inv, Row.read("minion-key"), "");
    }

    private static Optional<Operation.Builder> knife(Invocation inv, ParsedArgs p) {
        List<String> words = p.positionals().stream().map(dev.interlock.analysis.shell.Arg::value).toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String noun = words.getFirst();
        int verbAt = noun.equals("data") && words.size() > 1 && words.get(1).equals("bag") ? 2 : 1;
        String verb = words.size() > verbAt ? words.get(verbAt) : "";
        String name = words.size() > verbAt + 1 ? words.get(verbAt + 1) : "";
        String type = verbAt == 2 ? "data-bag" : noun;
        if (KNIFE_READS.contains(verb) || KNIFE_READS.contains(noun)) {
            boolean decrypts = type.equals("data-bag") && p.has("--secret", "--secret-file")
                    || noun.equals("vault") && verb.equals("show");
            return Optional.of(decrypts ? op(inv, new Row(Verb.CREDENTIAL, type, "decrypts the encrypted data bag: its secrets in clear"), name)
                    : op(inv, Row.read(type), name));
        }
        if (verb.equals("delete") || verb.equals("bulk")) {
            return Optional.of(op(inv, new Row(Verb.DELETE, type, "deletes the " + type + " from the Chef server"), name)
                    .scope(verb.equals("bulk") ? Scope.MANY : Scope.ONE));
        }
        if (KNIFE_CHANGES.contains(verb) || KNIFE_CHANGES.contains(noun)) {
            return Optional.of(op(inv, new Row(Verb.UPDATE, type, "changes the " + type + " on the Chef server or its nodes"), name));
        }
        return Optional.empty();
    }

    private static Optional<Operation.Builder> puppet(Invocation inv, ParsedArgs p) {
        List<String> words = p.positionals().stream().map(dev.interlock.analysis.shell.Arg::value).toList();
        String command = words.isEmpty() ? "" : words.getFirst();
        String sub = words.size() > 1 ? words.get(1) : "";
        boolean noop = p.has("--noop");
        return switch (command) {
            case "agent", "apply" -> Optional.of(noop || p.has("--help", "-h", "--version", "-V", "--configprint")
                    ? op(inv, Row.read("node"), "").note("--noop only reports what would change")
                    : op(inv, new Row(Verb.EXECUTE, "node", "applies the catalog to this node (the changes are not in view)"), ""));
            case "cert", "ca", "node" -> Optional.of(Set.of("clean", "revoke", "destroy", "deactivate").contains(sub)
                    ? op(inv, new Row(Verb.DELETE, command.equals("node") ? "node" : "certificate",
                            "revokes or removes the node's certificate or data: it can no longer reach the server"),
                            words.size() > 2 ? words.get(2) : "")
                    : Set.of("sign", "generate").contains(sub)
                    ? op(inv, new Row(Verb.GRANT, "certificate", "admits a node to the Puppet server"), words.size() > 2 ? words.get(2) : "")
                    : op(inv, Row.read("certificate"), ""));
            case "lookup", "facts", "config", "parser", "help", "module", "describe", "catalog", "status", "--version", "-V" ->
                    Optional.of(command.equals("config") && sub.equals("set") || command.equals("module") && !Set.of("list", "search", "changes").contains(sub)
                            ? op(inv, new Row(Verb.UPDATE, command, "changes Puppet's settings or modules"), "")
                            : op(inv, Row.read(command), ""));
            case "resource" -> Optional.of(words.size() > 2 && words.stream().anyMatch(w -> w.contains("="))
                    ? op(inv, new Row(Verb.UPDATE, "resource", "sets a resource on this node"), String.join(" ", words.subList(1, words.size())))
                    : op(inv, Row.read("resource"), ""));
            default -> Optional.empty();
        };
    }

    private static Operation.Builder op(Invocation inv, Row row, String name) {
        Operation.Builder b = Operation.builder(inv.program().startsWith("salt") ? "salt" : inv.program().equals("puppet") ? "puppet" : "chef",
                row.verb()).resource(row.type(), name).evidence(inv.evidence()).confidence(Confidence.INFERRED);
        if (!row.note().isEmpty()) {
            b.note(row.note());
        }
        if (row.verb() == Verb.EXECUTE || row.verb() == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        return b;
    }
}
