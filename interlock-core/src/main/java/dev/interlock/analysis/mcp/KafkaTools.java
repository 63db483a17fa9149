package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Kafka-compatible brokers' servers (Confluent's mcp-confluent, kafka-mcp-server, Redpanda's, MSK's): topics and
 * consumer groups as the shell's Kafka tools see them (system {@code kafka}). Consuming or peeking reads unless it
 * commits offsets for a group — {@code commit_offsets: true}, or a group given without {@code commit_offsets: false} —
 * which updates the group, as {@code kafka-console-consumer --group} does; producing writes into the topic; resetting a
 * group's offsets moves what its consumers process next; a config change that purges messages (a retention of one
 * millisecond, a new cleanup policy) deletes them. Listing and describing tools read by their names. Where it
 * acts is the server's (the inventory places {@code kafka-dev} and {@code kafka-prod}).
 */
final class KafkaTools {

    private static final Pattern KAFKA = Pattern.compile("(?i).*(kafka|redpanda|confluent|msk|warpstream).*");

    private KafkaTools() {
    }

    private static String topic(McpCall c) {
        return String.join(",", c.texts("topic", "topic_name", "topicName", "topics", "topic_names", "topicNames"));
    }

    private static String group(McpCall c) {
        return c.text("group_id", "groupId", "consumer_group", "consumerGroup", "group", "group_name", "groupName");
    }

    /** The commit setting the call states, if any: {@code commit_offsets}, {@code auto_commit} and their spellings. */
    private static JsonNode commit(McpCall c) {
        for (String name : List.of("commit_offsets", "commitOffsets", "commit", "auto_commit", "autoCommit",
                "enable_auto_commit", "enableAutoCommit")) {
            JsonNode v = c.arguments().get(name);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return null;
    }

    private static List<Operation> consume(McpCall c) {
        JsonNode commit = commit(c);
        String group = group(c);
        boolean commits = commit == null ? !group.isEmpty()
                : commit.asBoolean(false) || commit.isTextual() && commit.asText().equalsIgnoreCase("true");
        if (!commits) {
            return List.of(c.op("kafka", Verb.READ, "topic", topic(c)).confidence(Confidence.INFERRED)
                    .note("reads messages without committing offsets: every consumer still gets them").build());
        }
        return List.of(c.op("kafka", Verb.UPDATE, "consumer-group", group).confidence(Confidence.INFERRED)
                .note("consumes as the group and commits its offsets: the group's consumers skip what it read").build());
    }

    /**
     * Why the settings the call sets lose messages ({@code retention.ms: 1}, a new {@code cleanup.policy}), or empty.
     * Settings come as an object ({@code configs: {"retention.ms": "1"}}), a list of name/value entries, or one pair.
     */
    private static java.util.Optional<String> settings(McpCall c) {
        List<String[]> pairs = new java.util.ArrayList<>();
        for (String field : List.of("configs", "config", "configurations", "config_entries", "configEntries", "settings",
                "set_config", "properties", "topicConfigs", "topic_configs", "config_updates", "configUpdates")) {
            JsonNode v = c.arguments().get(field);
            if (v == null) {
                continue;
            }
            if (v.isObject()) {
                v.properties().forEach(e -> pairs.add(new String[] {e.getKey(), e.getValue().asText()}));
            } else if (v.isArray()) {
                for (JsonNode entry : v) {
                    String name = entry.path("name").asText(entry.path("key").asText(entry.path("config_name").asText("")));
                    pairs.add(new String[] {name, entry.path("value").asText(entry.path("config_value").asText(""))});
                }
            }
        }
        String name = c.text("config_name", "configName", "config_key", "configKey", "key", "name");
        if (!name.isEmpty()) {
            pairs.add(new String[] {name, c.text("config_value", "configValue", "value")});
        }
        return pairs.stream().map(p -> dev.interlock.analysis.TopicSettings.losesData(p[0], p[1]))
                .flatMap(java.util.Optional::stream).findFirst();
    }

    /** A change of the named topic(s) or group; what is lost is not reversible. */
    private static Function<McpCall, List<Operation>> on(Verb verb, String type, boolean stateful, String note) {
        return on(verb, type, stateful, !stateful && verb != Verb.DELETE, note);
    }

    private static Function<McpCall, List<Operation>> on(Verb verb, String type, boolean stateful, boolean reversible,
                                                         String note) {
        return c -> {
            String name = type.equals("topic") ? topic(c) : group(c);
            return List.of(c.op("kafka", verb, type, name).confidence(Confidence.INFERRED)
                    .scope(name.contains(",") ? Scope.MANY : Scope.ONE)
                    .stateful(stateful).reversible(reversible).note(note).build());
        };
    }

    static final ToolFamily FAMILY = new ToolFamily("kafka",
            c -> KAFKA.matcher(c.server()).matches() || KAFKA.matcher(c.tool()).matches(), tools());

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> t = new HashMap<>();
        for (String tool : List.of("consume_messages", "consume_message", "consume", "consume_topic", "read_messages",
                "peek_messages", "peek_topic", "peek", "fetch_messages", "browse_messages", "get_messages")) {
            t.put(tool, KafkaTools::consume);
        }
        // messages once produced cannot be called back
        Function<McpCall, List<Operation>> produce = on(Verb.CREATE, "topic", false, false,
                "writes messages into the topic: its consumers act on them");
        for (String tool : List.of("produce_message", "produce_messages", "produce", "produce_record", "publish_message",
                "send_message")) {
            t.put(tool, produce);
        }
        for (String tool : List.of("create_topic", "create_topics")) {
            t.put(tool, on(Verb.CREATE, "topic", false, ""));
        }
        for (String tool : List.of("delete_topic", "delete_topics")) {
            t.put(tool, on(Verb.DELETE, "topic", true, "deletes the topic and every message in it"));
        }
        for (String tool : List.of("delete_records", "purge_topic")) {
            t.put(tool, on(Verb.DELETE, "topic", true, "deletes the topic's messages"));
        }
        Function<McpCall, List<Operation>> alter = on(Verb.UPDATE, "topic", false, "changes the topic's partitions or settings");
        for (String tool : List.of("alter_topic_config", "update_topic_config", "set_topic_config", "alter_topic",
                "update_topic", "alter_topic_configs", "update_topic_configs", "alter_configs", "incremental_alter_configs")) {
            t.put(tool, c -> settings(c).map(why -> on(Verb.DELETE, "topic", true, why).apply(c)).orElseGet(() -> alter.apply(c)));
        }
        for (String tool : List.of("add_partitions", "create_partitions")) {
            t.put(tool, alter);
        }
        for (String tool : List.of("reset_consumer_group_offsets", "reset_consumer_group_offset", "reset_offsets",
                "reset_group_offsets", "alter_consumer_group_offsets", "set_consumer_group_offsets", "seek_consumer_group")) {
            t.put(tool, on(Verb.UPDATE, "consumer-group", true,
                    "moves the group's offsets: its consumers skip or reprocess messages"));
        }
        for (String tool : List.of("delete_consumer_group", "delete_consumer_groups", "delete_group")) {
            t.put(tool, on(Verb.DELETE, "consumer-group", true, "deletes the group and its committed offsets"));
        }
        // Confluent's mcp-confluent spells its tools with hyphens (alter-topic-config, delete-topics)
        Map<String, Function<McpCall, List<Operation>>> hyphenated = new HashMap<>(t);
        t.forEach((tool, mapping) -> hyphenated.put(tool.replace('_', '-'), mapping));
        return Map.copyOf(hyphenated);
    }
}
