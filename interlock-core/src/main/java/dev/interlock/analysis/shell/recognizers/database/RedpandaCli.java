package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Redpanda's {@code rpk GROUP VERB}: a Kafka-compatible broker, so its topics and consumer groups are the Kafka ones
 * (system {@code kafka}). {@code topic list|describe|consume} read — a consume in a group ({@code -g}) joins it and
 * commits its offsets, an update of the group; topics created, reconfigured or deleted, groups seeked or deleted,
 * cluster configuration set and ACLs or users changed change the cluster. {@code rpk container …} runs a throwaway
 * cluster in Docker on this machine, and {@code rpk profile …} edits rpk's own configuration file here. Where the rest
 * acts is {@code -X brokers=…} (or {@code admin.hosts}, {@code registry.hosts}, the old {@code --brokers}, and
 * {@code RPK_BROKERS}) placed by the inventory — a loopback broker is a sandbox — or the profile named by
 * {@code --profile}/{@code RPK_PROFILE} (locator {@code context}); the profile {@code container} is the one
 * {@code rpk container start} makes for its local cluster. With neither, rpk's current profile decides, which is not
 * in view: unknown.
 */
final class RedpandaCli {

    private RedpandaCli() {
    }

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("topic", "list ls describe info describe-storage analyze", read("topic"))
            .add("topic", "consume", read("topic"))
            .add("topic", "produce", new CommandTable.Act(Verb.CREATE, "topic", false, false, Scope.ONE,
                    "writes messages into the topic: its consumers act on them"))
            .add("topic", "create", create("topic"))
            .add("topic", "add-partitions alter-config set-config", update("topic").note("changes the topic's partitions or settings"))
            .add("topic", "delete rm", delete("topic").note("deletes the topic and every message in it"))
            .add("topic", "trim-prefix trim", delete("topic").many().note("deletes the topic's records below the offsets given"))
            .add("group", "list ls describe", read("consumer-group"))
            .add("group", "seek", update("consumer-group").losesData()
                    .note("moves the group's offsets: its consumers skip or reprocess messages"))
            .add("group", "delete rm", delete("consumer-group").note("deletes the group and its committed offsets"))
            .add("group", "offset-delete", delete("consumer-group").note("deletes the group's committed offsets"))
            .add("cluster", "info metadata health status", read("cluster"))
            .add("cluster", "logdirs partitions storage", read("cluster"))
            .add("cluster config", "get export status list", read("config"))
            .add("cluster config", "set import edit force-reset", update("config").note("changes the cluster's settings"))
            .add("cluster partitions", "move move-cancel enable disable transfer-leadership unsafe-recover balance",
                    update("partition").note("moves or fences partitions"))
            .add("cluster maintenance", "enable disable", update("broker").note("drains or restores a broker"))
            .add("cluster license", "set", update("cluster"))
            .add("cluster self-test", "start", update("cluster").note("loads the brokers' disks and network"))
            .add("acl", "list ls", read("acl"))
            .add("acl", "create delete", grant("acl").note("changes who may do what in the cluster"))
            .add("acl user", "list ls", read("user"))
            .add("acl user", "create update", grant("user").note("creates or changes a SASL user's credentials"))
            .add("acl user", "delete", delete("user"))
            .add("security acl", "list ls", read("acl"))
            .add("security acl", "create delete", grant("acl").note("changes who may do what in the cluster"))
            .add("security user", "list ls describe", read("user"))
            .add("security user", "create update", grant("user").note("creates or changes a SASL user's credentials"))
            .add("security user", "delete", delete("user"))
            .add("security role", "list ls describe", read("role"))
            .add("security role", "create delete assign unassign", grant("role"))
            .add("registry schema", "list get check-compatibility references", read("schema"))
            .add("registry schema", "create", create("schema"))
            .add("registry schema", "delete", delete("schema"))
            .add("registry subject", "list", read("schema"))
            .add("registry subject", "delete", delete("schema").many().note("deletes every version of the subject"))
            .add("registry compatibility-level", "get", read("schema"))
            .add("registry compatibility-level", "set", update("schema"))
            .add("registry mode", "get", read("schema"))
            .add("registry mode", "set reset", update("schema"))
            .add("transform", "list ls", read("transform"))
            .add("transform", "deploy resume pause", update("transform"))
            .add("transform", "delete", delete("transform"))
            .add("transform", "init build", local("transform"))
            // a throwaway cluster in containers on this machine, and the profile rpk makes for it
            .add("container", "start stop purge status", local("container"))
            .add("profile", "create use delete set edit print list ls current rename-to clear prompt set-globals", local("profile"))
            // the node on this machine: its own service and configuration file
            .add("redpanda", "start stop tune mode config", local("node"))
            .add("debug", "bundle info", local("bundle"))
            .add("", "version help generate plugin iotune", local("rpk"))
            .build();

    private static final Set<String> VALUED = Set.of("-X", "--profile", "--config", "--brokers", "--api-urls",
            "--admin-url", "-g", "--group", "-n", "--num", "-o", "--offset", "-p", "--partitions", "-r", "--replicas",
            "-c", "--topic-config", "-f", "--format", "-k", "--key", "-H", "--header", "--to", "--to-group",
            "--to-file", "--topics", "-t", "--allow-principal", "--deny-principal", "--operation", "--topic",
            "--resource-pattern-type", "--allow-host", "--deny-host", "--transactional-id", "--image", "--name",
            "--user", "--password", "--mechanism", "--new-password", "--schema", "--type", "--subject", "--level",
            "--tls-key", "--tls-cert", "--tls-truststore", "--kafka-ports", "--admin-ports", "--rpc-ports",
            "--schema-registry-ports", "--proxy-ports", "--console-port", "--set", "--from-broker", "--from-cloud");

    /** The profile {@code rpk container start} creates and selects for the cluster it starts here. */
    static final String CONTAINER_PROFILE = "container";

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "topic");
        CommandTable.Act act = found.act();
        String name = found.name(words);
        Optional<String> group = p.value("-g", "--group");
        if (found.command().equals("topic consume") && group.isPresent()) {
            act = update("consumer-group").note("consumes as the group: it takes partitions from the group's consumers and commits its offsets");
            name = group.get();
        }
        Operation.Builder b = act.operation(inv, "kafka", name);
        if (act.here()) {
            return b.build();
        }
        Optional<String> profile = p.value("--profile").or(() -> Optional.ofNullable(inv.env().get("RPK_PROFILE")))
                .filter(v -> !v.isBlank());
        String host = DataServiceRecognizer.host(brokers(p, inv));
        if (host.isEmpty() && profile.filter(CONTAINER_PROFILE::equals).isPresent()) {
            host = "127.0.0.1"; // the local cluster rpk container started, whatever ports it picked
        }
        profile.filter(v -> !v.equals(CONTAINER_PROFILE)).ifPresent(v -> b.locator("context", v));
        return DataServiceRecognizer.located(b, host, inv);
    }

    /** The addresses the command line or the environment gives: {@code -X brokers=a:9092,b:9092} and its kin. */
    private static String brokers(ParsedArgs p, Invocation inv) {
        for (String key : List.of("brokers=", "admin.hosts=", "registry.hosts=")) {
            Optional<String> x = p.flags().getOrDefault("-X", List.of()).stream().filter(v -> v.startsWith(key))
                    .map(v -> v.substring(key.length())).filter(v -> !v.isBlank()).reduce((a, b) -> b);
            if (x.isPresent()) {
                return x.get();
            }
        }
        return p.value("--brokers", "--api-urls", "--admin-url")
                .orElse(inv.env().getOrDefault("RPK_BROKERS", inv.env().getOrDefault("RPK_ADMIN_HOSTS", "")));
    }
}
