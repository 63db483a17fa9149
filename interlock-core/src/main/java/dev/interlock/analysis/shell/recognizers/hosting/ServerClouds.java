package dev.interlock.analysis.shell.recognizers.hosting;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.replace;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.EnvironmentVariables;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Server clouds' CLIs: {@code doctl compute droplet delete NAME}, {@code hcloud server rebuild NAME},
 * {@code linode-cli lke cluster-delete ID}, {@code vultr-cli instance delete ID}, {@code civo instance remove NAME}.
 * Each is {@code [GROUP] NOUN ACTION [NAME…]} (linode-cli glues them: {@code cluster-delete}); the action says what
 * happens, and the machine, database or cluster it names is placed by that name in the inventory ({@code dev-box-ann}
 * is a developer's, {@code web-prod-01} production's), as the context flag ({@code --context acme-prod}) places the
 * account. An id says nothing, so its environment stays unknown.
 */
final class ServerClouds {

    private ServerClouds() {
    }

    private static final CommandTable ACTIONS = CommandTable.builder()
            .add("", "list ls get describe show info metrics", read("resource"))
            .add("", "create", create("resource"))
            .add("", "delete rm remove destroy", delete("resource"))
            .add("", "rebuild", replace("resource").note("reinstalls the machine from an image: its disk is lost"))
            .add("", "poweroff power-off shutdown reboot power-cycle power-on poweron resize update rename attach detach "
                    + "enable-backups disable-backups enable-rescue disable-rescue", update("resource"))
            .add("", "ssh", execute("resource"))
            .add("", "connection kubeconfig reset-password request-console kubeconfig-view", credential("resource")
                    .note("prints a credential: a connection string, a kubeconfig, a root password"))
            .add("", "auth init completion version context", local("cli-settings"))
            .build();
    /** Nouns of machines' resources are placed as hosts, unless they name a database or a cluster. */
    private static final Set<String> CLUSTERS = Set.of("cluster", "clusters", "kubernetes", "k8s", "lke", "kube");
    private static final Set<String> VALUED = Set.of("--context", "-t", "--access-token", "-o", "--output", "--format",
            "--region", "--size", "--image", "--name", "--type", "--location", "--label", "--ssh-keys", "--ssh-key",
            "--config", "-c", "--tag-name", "--tag", "--plan", "--os", "--root_pass", "--vpc-uuid", "--user-data-file",
            "--datacenter", "--network", "--volume", "--firewall", "--node-pool", "--version", "--count", "--start", "--end",
            "--step", "--selector", "--sort");
    private static final Set<String> SUB_ACTIONS = Set.of("save", "show", "remove");
    /** How many positionals can hold the action: {@code doctl kubernetes cluster node-pool delete}. */
    private static final int DEPTH = 4;

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        for (int i = 0; i < Math.min(DEPTH, words.size()); i++) {
            String word = words.get(i).toLowerCase(Locale.ROOT);
            // linode-cli glues noun and action: cluster-delete, kubeconfig-view, clusters-list
            String action = word.contains("-") && ACTIONS.find(List.of(word)).isEmpty() ? word.substring(word.lastIndexOf('-') + 1) : word;
            Optional<CommandTable.Found> found = ACTIONS.find(List.of(action));
            if (found.isEmpty()) {
                continue;
            }
            String noun = !action.equals(word) ? word.substring(0, word.lastIndexOf('-')) : i > 0 ? words.get(i - 1) : "";
            String type = noun.replaceFirst("-actions?$", "").replaceFirst("s$", "");
            // doctl kubernetes cluster kubeconfig save NAME: the sub-action comes before the name
            int at = i + 1 < words.size() && SUB_ACTIONS.contains(words.get(i + 1)) ? i + 2 : i + 1;
            String name = found.get().act().verb() == dev.interlock.model.Verb.CREATE
                    ? p.value("--name", "--label").orElse(at < words.size() ? words.get(at) : "")
                    : at < words.size() ? words.get(at) : "";
            Map<String, String> locators = new TreeMap<>(EnvironmentVariables.locators(inv.program(), inv.env()));
            p.value("--context").ifPresent(c -> locators.put("context", c));
            if (!name.isEmpty()) {
                locators.put(kind(words.subList(0, i + 1), noun), name);
            }
            return Optional.of(found.get().act().on(type.isEmpty() ? "resource" : type)
                    .placed(inv, inv.program(), name, locators, Tier.UNKNOWN, ""));
        }
        return Optional.empty();
    }

    /** The inventory kind a resource's name is looked up as: a database, a cluster, or (machines, their disks) a host. */
    private static String kind(List<String> path, String noun) {
        if (noun.contains("database") || noun.equals("db") || noun.equals("dbs") || path.contains("databases")) {
            return "database";
        }
        return CLUSTERS.contains(noun) || path.stream().anyMatch(CLUSTERS::contains) ? "cluster" : "host";
    }
}
