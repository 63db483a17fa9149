package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible on the hosts of an inventory. A playbook run changes whatever its tasks say, on the hosts the inventory and
 * {@code --limit} select ({@code --check}, {@code --syntax-check} and the {@code --list-*} options only look); an
 * ad-hoc module is judged by its table row and its {@code state=} ({@code file state=absent} deletes, {@code service
 * state=stopped} stops). The inventory's path ({@code inventories/prod}) names the environment. {@code ansible -m
 * shell|command|raw} is unwrapped before this recognizer (the command is analyzed on the hosts). A local playbook written
 * earlier in the line is judged by its tasks ({@link LocalPlays}).
 */
public final class AnsibleRecognizer implements Recognizer {

    private static final Set<String> VALUED = Set.of("-m", "--module-name", "-a", "--args", "-i", "--inventory",
            "--inventory-file", "-u", "--user", "-f", "--forks", "-e", "--extra-vars", "-l", "--limit", "-B",
            "--background", "-P", "--poll", "-T", "--timeout", "-c", "--connection", "--become-user", "--become-method",
            "--private-key", "--key-file", "-t", "--tags", "--skip-tags", "--tree", "-M", "--module-path", "--vault-id",
            "--vault-password-file", "--start-at-task", "--ssh-common-args", "--ssh-extra-args", "--scp-extra-args",
            "--sftp-extra-args");
    private static final Set<String> LOOKING = Set.of("--check", "-C", "--syntax-check", "--list-hosts", "--list-tasks",
            "--list-tags", "--help", "-h", "--version");

    /** Ad-hoc modules that only look. */
    private static final Set<String> READ_MODULES = Set.of("ping", "setup", "gather_facts", "stat", "debug", "find",
            "slurp", "fetch", "uri", "wait_for", "service_facts", "package_facts", "command_info", "getent", "assert");
    /** Modules whose {@code state=absent} deletes what they name, with the kind of thing named. */
    private static final Map<String, String> ABSENT = Map.ofEntries(Map.entry("file", "path"), Map.entry("user", "user"),
            Map.entry("group", "group"), Map.entry("apt", "package"), Map.entry("yum", "package"), Map.entry("dnf", "package"),
            Map.entry("package", "package"), Map.entry("pip", "package"), Map.entry("mysql_db", "database"),
            Map.entry("postgresql_db", "database"), Map.entry("mysql_user", "user"), Map.entry("postgresql_user", "user"),
            Map.entry("docker_container", "container"), Map.entry("docker_volume", "volume"), Map.entry("lvol", "volume"),
            Map.entry("cron", "cron-job"), Map.entry("authorized_key", "key"), Map.entry("k8s", "object"));

    @Override
    public Set<String> programs() {
        return Set.of("ansible", "ansible-playbook");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        boolean playbook = inv.program().equals("ansible-playbook");
        String hosts = p.value("-l", "--limit").orElse(playbook ? "" : p.positional(0).orElse("all"));
        Optional<String> inventory = p.value("-i", "--inventory", "--inventory-file");
        boolean local = Hosts.loopback(hosts) || p.value("-c", "--connection").orElse("").equals("local");
        if (p.has(LOOKING.toArray(String[]::new))) {
            return List.of(where(Operation.builder("ansible", Verb.READ).resource(playbook ? "playbook" : "module",
                    playbook ? String.join(" ", p.words()) : p.value("-m", "--module-name").orElse("command")), hosts, inventory, local, inv)
                    .evidence(inv.evidence()).note("a dry run or a listing: nothing changes").build());
        }
        if (playbook) {
            Optional<List<Operation>> written = p.positional(0).flatMap(book -> LocalPlays.of(inv, nested, book));
            if (written.isPresent()) {
                return written.get();
            }
            return List.of(where(Operation.builder("ansible", Verb.EXECUTE).resource("playbook", String.join(" ", p.words())), hosts,
                    inventory, local, inv).scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence())
                    .note("runs the playbook's tasks on " + (hosts.isEmpty() ? "the inventory's hosts" : hosts) + " (its tasks are not in view)").build());
        }
        String module = p.value("-m", "--module-name").orElse("command");
        String shortModule = module.substring(module.lastIndexOf('.') + 1);
        Map<String, String> moduleArgs = keyValues(p.value("-a", "--args").orElse(""));
        String state = moduleArgs.getOrDefault("state", "");
        Operation.Builder b = Operation.builder("ansible", Verb.EXECUTE).evidence(inv.evidence()).confidence(Confidence.INFERRED)
                .scope(hosts.equals("all") || hosts.equals("*") ? Scope.MANY : Scope.ONE);
        if (READ_MODULES.contains(shortModule)) {
            b.verb(Verb.READ).resource("module", shortModule);
        } else if (Regex.matches(shortModule, "\\w+_facts|net_ping|\\w+_ping")
                || Regex.matches(shortModule, "\\w+_command|cli_command")
                && dev.interlock.analysis.shell.recognizers.netdevices.DeviceCommands.quotedRead(p.value("-a", "--args").orElse(""))) {
            // network modules: facts and pings look; *_command sends CLI text, which here only shows
            b.verb(Verb.READ).resource("module", shortModule).note("only looks at " + hosts + " through " + shortModule);
        } else if (state.equals("absent") && ABSENT.containsKey(shortModule)) {
            String kind = ABSENT.get(shortModule);
            String name = moduleArgs.getOrDefault("path", moduleArgs.getOrDefault("name", moduleArgs.getOrDefault("dest", "")));
            b.verb(Verb.DELETE).resource(kind, name).stateful(true).reversible(false)
                    .note("ansible " + shortModule + " state=absent removes " + name + " on " + hosts);
        } else if (shortModule.equals("reboot")) {
            b.verb(Verb.DELETE).resource("machine", hosts).stateful(false).note("reboots " + hosts);
        } else if (Set.of("service", "systemd", "systemd_service").contains(shortModule) && Regex.matches(state, "stopped|restarted")) {
            b.verb(Verb.UPDATE).resource("service", moduleArgs.getOrDefault("name", "")).note(state + " " + moduleArgs.getOrDefault("name", "") + " on " + hosts);
        } else {
            b.resource("module", shortModule).note("runs the " + shortModule + " module on " + hosts);
        }
        return List.of(where(b, hosts, inventory, local, inv).build());
    }

    /** Hosts and inventory as locators; on this machine when the hosts are localhost or the connection is local. */
    private static Operation.Builder where(Operation.Builder b, String hosts, Optional<String> inventory, boolean local, Invocation inv) {
        if (local) {
            return inv.remote() ? b : b.environment(Tier.LOCAL, "ansible on this machine");
        }
        b.locator("host", hosts);
        inventory.ifPresent(i -> b.locator("directory", i));
        return b;
    }

    /** {@code path=/var/lib/app state=absent} → its pairs. */
    private static Map<String, String> keyValues(String text) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : Regex.split(text.strip(), "\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1).replace("'", "").replace("\"", ""));
            }
        }
        return out;
    }
}
