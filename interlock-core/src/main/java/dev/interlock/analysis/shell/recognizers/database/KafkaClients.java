package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kafka's command-line tools ({@code kafka-topics.sh}, {@code kafka-consumer-groups}, the console producer and
 * consumer, … with or without {@code .sh}) and {@code kcat}: each tool's action flag decides ({@code --delete},
 * {@code --alter}, {@code --reset-offsets --execute}), the first row whose flags are all given wins; {@code kcat}'s
 * mode does ({@code -P} produces, {@code -C}, {@code -L} and {@code -Q} read). A consumer given a group ({@code --group},
 * kcat's {@code -G}) is no longer a read: it joins that group, which may be a live service's. An alter that sets a
 * retention of moments or a new cleanup policy deletes the topic's messages ({@link dev.interlock.analysis.TopicSettings}).
 */
final class KafkaClients {

    /** The flags that must all be present, and what the run then does; an empty list is the tool's default. */
    private record Row(List<String> flags, Action action) {
    }

    private static Row row(Action action, String... flags) {
        return new Row(List.of(flags), action);
    }

    private static final Action PRODUCE = Action.produce("topic", "writes messages into the topic: its consumers act on them");
    private static final Action CONSUME = Action.read("topic");
    /** A consumer in a named group takes partitions from the group's live members and commits the group's offsets. */
    private static final Action JOIN = Action.update("consumer-group",
            "joins the consumer group: it takes partitions from the group's consumers and commits its offsets");

    private static final Map<String, List<Row>> TOOLS = Map.ofEntries(
            Map.entry("kafka-topics", List.of(
                    row(Action.delete("topic", "deletes the topic and every message in it"), "--delete"),
                    row(Action.update("topic", "changes the topic's partitions or settings"), "--alter"),
                    row(Action.create("topic", ""), "--create"),
                    row(Action.read("topic")))),
            Map.entry("kafka-consumer-groups", List.of(
                    row(Action.delete("consumer-group", "deletes the group's committed offsets for the topic"), "--delete-offsets"),
                    row(Action.delete("consumer-group", "deletes the group and its committed offsets"), "--delete"),
                    // without --execute, --reset-offsets only prints the plan
                    row(new Action(Verb.UPDATE, "consumer-group", Scope.ONE, true, false,
                            "moves the group's offsets: its consumers skip or reprocess messages"), "--reset-offsets", "--execute"),
                    row(Action.read("consumer-group")))),
            Map.entry("kafka-configs", List.of(
                    row(Action.update("config", "changes broker, topic or client settings"), "--alter"),
                    row(Action.read("config")))),
            Map.entry("kafka-delete-records", List.of(
                    row(Action.delete("topic", "deletes the topic's messages up to the offsets given").scope(Scope.MANY)))),
            Map.entry("kafka-console-producer", List.of(row(PRODUCE))),
            Map.entry("kafka-verifiable-producer", List.of(row(PRODUCE))),
            Map.entry("kafka-producer-perf-test", List.of(row(PRODUCE))),
            Map.entry("kafka-console-consumer", List.of(row(JOIN, "--group"), row(CONSUME))),
            Map.entry("kafka-verifiable-consumer", List.of(row(JOIN, "--group-id"), row(CONSUME))),
            Map.entry("kafka-consumer-perf-test", List.of(row(JOIN, "--group"), row(CONSUME))),
            Map.entry("kafka-acls", List.of(
                    row(Action.grant("acl", "grants access to Kafka resources"), "--add"),
                    row(Action.grant("acl", "removes access to Kafka resources"), "--remove"),
                    row(Action.read("acl")))),
            Map.entry("kafka-reassign-partitions", List.of(
                    row(Action.update("partition", "moves partitions between brokers"), "--execute"),
                    row(Action.update("partition", "cancels a reassignment"), "--cancel"),
                    row(Action.read("partition")))),
            Map.entry("kafka-leader-election", List.of(row(Action.update("partition", "elects new partition leaders")))),
            Map.entry("kafka-streams-application-reset", List.of(
                    row(Action.read("consumer-group"), "--dry-run"),
                    row(new Action(Verb.DELETE, "consumer-group", Scope.MANY, true, false,
                            "resets the application's offsets and deletes its internal topics")))));

    static final Set<String> PROGRAMS = programs();

    private static final Set<String> VALUED = Set.of("--bootstrap-server", "--bootstrap-servers", "--broker-list",
            "--zookeeper", "--topic", "--group", "--entity-name", "--entity-type", "--application-id", "--partitions",
            "--replication-factor", "--config", "--add-config", "--delete-config", "--command-config", "--consumer.config",
            "--producer.config", "--property", "--to-offset", "--to-datetime", "--shift-by", "--offset-json-file",
            "--reassignment-json-file", "--topics-to-move-json-file", "--max-messages", "--num-records", "--throughput",
            "--record-size", "--allow-principal", "--deny-principal", "--operation", "--resource-pattern-type",
            "--input-topics", "--intermediate-topics", "--from-file", "--group-id", "--consumer-property", "-b", "-t", "-p", "-o", "-c", "-G", "-X", "-F", "-s",
            "-k", "-K", "-D", "-f", "-m", "-z");
    /** kcat's modes: produce, consume, the balanced consumer, metadata listing and offset queries. */
    private static final Set<String> KCAT_READS = Set.of("-C", "-G", "-L", "-Q");

    private KafkaClients() {
    }

    private static Set<String> programs() {
        Set<String> all = new HashSet<>(Set.of("kcat", "kafkacat"));
        for (String tool : TOOLS.keySet()) {
            all.add(tool);
            all.add(tool + ".sh");
        }
        return Set.copyOf(all);
    }

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        String host = DataServiceRecognizer.host(p.value("--bootstrap-server", "--bootstrap-servers", "--broker-list",
                "--zookeeper", "-b").orElse(""));
        String tool = inv.program().endsWith(".sh") ? inv.program().substring(0, inv.program().length() - 3) : inv.program();
        String topic = p.value("--topic", "-t").orElse("");
        Operation.Builder b;
        if (tool.equals("kcat") || tool.equals("kafkacat")) {
            b = kcat(p, inv).on("kafka", p.value("-G").orElse(topic), inv);
            if (!p.has("-P") && KCAT_READS.stream().noneMatch(p::has)) {
                b.confidence(Confidence.INFERRED);
            }
        } else {
            Action action = TOOLS.get(tool).stream().filter(r -> r.flags().stream().allMatch(p::has)).findFirst()
                    .map(Row::action).orElseThrow();
            String name = p.value("--topic", "--group", "--group-id", "--entity-name", "--application-id").orElse("");
            if (action == CONSUME && groupProperty(p).isPresent()) {
                action = JOIN;
                name = groupProperty(p).get();
            }
            if (p.has("--all-groups", "--all-topics")) {
                action = action.scope(Scope.ALL);
            } else if (action.verb() != Verb.READ && name.matches(".*[*+?|\\[].*")) {
                action = action.scope(Scope.MANY); // --topic 'test-.*' is a regular expression
            }
            if (action.verb() == Verb.UPDATE && (tool.equals("kafka-configs") || tool.equals("kafka-topics"))) {
                action = purge(p).map(why -> new Action(Verb.DELETE, "topic", Scope.ONE, true, false, why)).orElse(action);
            }
            b = action.on("kafka", name, inv);
        }
        return DataServiceRecognizer.located(b, host, inv);
    }

    /**
     * Why the settings an alter sets delete messages ({@code --add-config retention.ms=1}, kafka-topics' {@code --config
     * cleanup.policy=compact}), or empty. {@code --add-config} takes a comma list, bracketed where a value is a list.
     */
    private static java.util.Optional<String> purge(ParsedArgs p) {
        List<String> values = new java.util.ArrayList<>(p.flags().getOrDefault("--add-config", List.of()));
        values.addAll(p.flags().getOrDefault("--config", List.of()));
        return values.stream().flatMap(v -> java.util.Arrays.stream(v.split(",(?![^\\[]*\\])")))
                .filter(kv -> kv.indexOf('=') > 0)
                .map(kv -> dev.interlock.analysis.TopicSettings.losesData(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1)))
                .flatMap(java.util.Optional::stream).findFirst();
    }

    /** The group a consumer joins through {@code --consumer-property group.id=NAME}. */
    private static java.util.Optional<String> groupProperty(ParsedArgs p) {
        return p.flags().getOrDefault("--consumer-property", List.of()).stream().filter(v -> v.startsWith("group.id="))
                .map(v -> v.substring("group.id=".length())).findFirst();
    }

    /**
     * kcat's mode. Without {@code -P} or {@code -C} it produces when its input is piped and consumes on a terminal: text
     * fed to it is produced; otherwise which one is not known.
     */
    private static Action kcat(ParsedArgs p, Invocation inv) {
        if (p.has("-P")) {
            return PRODUCE;
        }
        if (p.has("-G")) {
            return JOIN;
        }
        if (KCAT_READS.stream().anyMatch(p::has)) {
            return CONSUME;
        }
        return inv.stdin().isPresent() ? PRODUCE
                : new Action(Verb.UNKNOWN, "topic", Scope.ONE, false, true, "kcat without -P or -C produces what is piped to it");
    }
}
