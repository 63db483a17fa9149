package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Apache Pulsar's {@code pulsar-admin GROUP VERB} (and StreamNative's {@code pulsarctl}, same groups) and
 * {@code pulsar-client produce|consume}. A topic's messages and a subscription's cursor are data: deleting a topic,
 * clearing a backlog or skipping messages loses them, resetting a cursor makes consumers reprocess; a namespace or
 * tenant takes every topic in it. {@code list}, {@code stats}, {@code get-*} and {@code peek-messages} read. Where
 * it acts is {@code --admin-url}/{@code --url} ({@code http://localhost:8080} is a standalone Pulsar on this
 * machine); without one, the client configuration decides and it is unknown.
 */
final class PulsarAdmin {

    private PulsarAdmin() {
    }

    private static final String TOPIC_READS = "list list-partitioned-topics stats stats-internal info-internal "
            + "partitioned-stats partitioned-stats-internal get-partitioned-topic-metadata lookup partitioned-lookup "
            + "bundle-range subscriptions examine-message get-message-by-id get-message-id peek-messages "
            + "last-message-id permissions compaction-status offload-status";
    private static final String FUNCTION_READS = "list get status stats querystate available-sinks available-sources";

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("topics", TOPIC_READS, read("topic"))
            .add("topics", "create create-partitioned-topic create-missed-partitions create-subscription", create("topic"))
            .add("topics", "update-partitioned-topic update-subscription-properties unload compact offload", update("topic"))
            .add("topics", "terminate", update("topic").losesData().note("terminates the topic: nothing can be published to it again"))
            .add("topics", "delete delete-partitioned-topic", delete("topic").note("deletes the topic and every message in it"))
            .add("topics", "clear-backlog skip skip-all-messages expire-messages expire-messages-all-subscriptions",
                    delete("subscription").note("drops messages the subscription has not processed"))
            .add("topics", "reset-cursor", update("subscription").losesData()
                    .note("moves the subscription's cursor: its consumers reprocess or skip messages"))
            .add("topics", "unsubscribe", delete("subscription").note("deletes the subscription and its backlog"))
            .add("topics", "grant-permission revoke-permission", grant("topic"))
            .add("namespaces", "list topics policies permissions get-clusters get-backlog-quotas get-retention "
                    + "get-message-ttl get-persistence", read("namespace"))
            .add("namespaces", "create", create("namespace"))
            .add("namespaces", "delete", delete("namespace").all().note("deletes the namespace with every topic in it"))
            .add("namespaces", "clear-backlog", delete("subscription").many()
                    .note("drops every subscription's unprocessed messages in the namespace"))
            .add("namespaces", "unsubscribe", delete("subscription").many())
            .add("namespaces", "unload split-bundle set-clusters", update("namespace"))
            .add("namespaces", "grant-permission revoke-permission grant-subscription-permission "
                    + "revoke-subscription-permission", grant("namespace"))
            .add("tenants", "list get", read("tenant"))
            .add("tenants", "create update", update("tenant"))
            .add("tenants", "delete", delete("tenant").all().note("deletes the tenant and its namespaces"))
            .add("clusters", "list get get-peer-clusters list-failure-domains get-failure-domain", read("cluster"))
            .add("clusters", "create update update-peer-clusters create-failure-domain update-failure-domain", update("cluster"))
            .add("clusters", "delete delete-failure-domain", delete("cluster").all())
            .add("brokers", "list leader-broker namespaces get-dynamic-config list-dynamic-config get-all-dynamic-config "
                    + "get-internal-config get-runtime-config healthcheck health-check version", read("broker"))
            .add("brokers", "update-dynamic-config delete-dynamic-config shutdown", update("broker"))
            .add("broker-stats", "monitoring-metrics mbeans topics allocator-stats load-report", read("broker"))
            .add("schemas", "get", read("schema"))
            .add("schemas", "upload", update("schema"))
            .add("schemas", "delete", delete("schema"))
            .add("schemas", "extract", local("schema"))
            .add("functions", FUNCTION_READS, read("function"))
            .add("sources", FUNCTION_READS, read("source"))
            .add("sinks", FUNCTION_READS, read("sink"))
            .add("functions", "create update start stop restart putstate", update("function"))
            .add("sources", "create update start stop restart", update("source"))
            .add("sinks", "create update start stop restart", update("sink"))
            .add("functions", "delete", delete("function"))
            .add("sources", "delete", delete("source"))
            .add("sinks", "delete", delete("sink"))
            .add("functions", "trigger", execute("function").note("sends a value through the function"))
            .add("functions", "localrun", local("function"))
            .add("sources", "localrun", local("source"))
            .add("sinks", "localrun", local("sink"))
            .add("", "produce", update("topic").note("publishes messages: the topic's consumers act on them"))
            .add("", "consume read", read("topic"))
            .add("", "version", read("topic"))
            .build();

    private static final Set<String> VALUED = Set.of("--admin-url", "--url", "-s", "--admin-service-url",
            "--web-service-url", "--service-url", "--auth-plugin", "--auth-params", "--tls-trust-cert-path",
            "--tls-cert-file", "--tls-key-file", "--token", "--subscription", "--time", "-t", "--messageId", "-m",
            "--messages", "-n", "--num-messages", "--count", "-c", "--partitions", "-p", "--tenant", "--namespace",
            "--name", "--inputs", "--output", "--jar", "--classname", "--subscription-type", "--subscription-position",
            "-f", "--files", "-k", "--key", "-r", "--rate", "--expireTime", "--clusters", "--role", "--actions",
            "--admin-roles", "--allowed-clusters", "--config", "--value", "--schema-type", "--bundle");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        // the older pulsar-admin spelled topics "persistent" and "non-persistent"
        List<String> command = !words.isEmpty() && words.getFirst().matches("(non-)?persistent")
                ? java.util.stream.Stream.concat(java.util.stream.Stream.of("topics"), words.stream().skip(1)).toList() : words;
        String group = command.isEmpty() ? "topic" : command.getFirst().replaceFirst("s$", "");
        CommandTable.Found found = COMMANDS.findOrGuess(command, 2, group);
        CommandTable.Act act = found.act();
        String name = found.name(command);
        Operation.Builder b = act.operation(inv, "pulsar", name);
        if (act.here()) {
            return b.build();
        }
        String url = p.value("--admin-url", "--url", "--admin-service-url", "--web-service-url", "--service-url")
                .orElse(inv.program().equals("pulsarctl") ? p.value("-s").orElse("") : "");
        return DataServiceRecognizer.located(b, DataServiceRecognizer.host(url), inv);
    }
}
