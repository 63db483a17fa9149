package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud queue and Pub/Sub servers (Google Pub/Sub, Amazon SQS and SNS, Azure Service Bus), judged as
 * {@code gcloud pubsub subscriptions pull} is: listing, describing, peeking and pulling without acknowledging read
 * (the messages are delivered again); a pull that acknowledges ({@code auto_ack: true}, Service Bus's receive-and-delete
 * mode), an acknowledgement, a purge or a delete takes messages away for good; publishing hands its consumers work. The
 * project or queue the arguments name places the call ({@code projects/acme-prod/subscriptions/…} is prod), else the
 * server's name does.
 */
final class PubSubTools {

    private static final Pattern SERVER = Pattern.compile("(?i).*(pub[-_]?sub|sqs|sns|service[-_]?bus|event[-_]?hubs?).*");
    /** Full names: {@code projects/P/topics/T}, {@code projects/P/subscriptions/S}. */
    private static final Pattern PROJECT_PATH = Pattern.compile("projects/([^/]+)/(?:topics|subscriptions|snapshots)/([^/]+)");

    private PubSubTools() {
    }

    /** The cloud the server fronts, by its name: where the inventory looks the project, account or namespace up. */
    private static String system(McpCall c) {
        String server = c.server().toLowerCase(Locale.ROOT);
        return server.contains("sqs") || server.contains("sns") ? "aws"
                : server.contains("bus") || server.contains("event") ? "azure" : "gcp";
    }

    private static Function<McpCall, List<Operation>> act(Verb verb, String type, String note) {
        return c -> {
            String name = c.text(type.equals("topic") ? new String[] {"topic", "topic_name", "topicName", "topic_arn", "topicArn",
                    "name"} : new String[] {"subscription", "subscription_name", "subscriptionName", "queue", "queue_name",
                    "queueName", "queue_url", "queueUrl", "topic", "topic_name", "topicName", "topic_arn", "topicArn", "name"});
            String project = c.text("project_id", "projectId", "project");
            Matcher full = PROJECT_PATH.matcher(name);
            if (full.find()) {
                project = full.group(1);
                name = full.group(2);
            }
            String system = system(c);
            // SQS and Service Bus have queues where Pub/Sub has subscriptions: named so, their own names place them
            Operation.Builder b = c.op(system, verb, type.equals("subscription") && !system.equals("gcp") ? "queue" : type, name).confidence(Confidence.INFERRED).note(note)
                    .locator("project", project).locator("namespace", c.text("namespace", "namespace_name", "namespaceName"));
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).scope(note.contains("every") ? Scope.ALL : Scope.ONE);
            } else if (verb != Verb.READ) {
                b.reversible(false);
            }
            return List.of(b.build());
        };
    }

    /** A pull or receive: a read unless it acknowledges what it took (then those messages are gone). */
    private static List<Operation> pull(McpCall c) {
        boolean takes = c.flag("auto_ack", "autoAck", "ack", "acknowledge", "auto_acknowledge", "autoAcknowledge",
                "delete_after_receive", "deleteAfterReceive", "delete_after_read", "delete")
                || c.text("receive_mode", "receiveMode", "mode").toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "").contains("delete");
        return takes ? act(Verb.DELETE, "subscription", "acknowledges what it pulls: those messages are not delivered again").apply(c)
                : act(Verb.READ, "subscription", "pulls without acknowledging: the messages are delivered again").apply(c);
    }

    static final ToolFamily FAMILY = new ToolFamily("pubsub", c -> SERVER.matcher(c.server()).matches(), tools());

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> t = new HashMap<>();
        for (String tool : List.of("pull_messages", "pull_message", "pull", "receive_messages", "receive_message", "receive")) {
            t.put(tool, PubSubTools::pull);
        }
        for (String tool : List.of("peek_messages", "peek_message", "peek", "get_subscription", "describe_subscription",
                "get_queue", "get_queue_attributes", "get_queue_url", "describe_queue", "get_subscription_metrics")) {
            t.put(tool, act(Verb.READ, "subscription", "reads the subscription or queue"));
        }
        for (String tool : List.of("list_topics", "get_topic", "describe_topic", "list_topic_subscriptions",
                "get_topic_attributes")) {
            t.put(tool, act(Verb.READ, "topic", "reads the topic"));
        }
        for (String tool : List.of("list_subscriptions", "list_queues")) {
            t.put(tool, act(Verb.READ, "subscription", "lists subscriptions or queues"));
        }
        for (String tool : List.of("publish", "publish_message", "publish_messages", "send_message", "send_messages",
                "send_message_batch")) {
            t.put(tool, act(Verb.CREATE, "topic", "publishes messages: their consumers act on them"));
        }
        for (String tool : List.of("ack", "acknowledge", "ack_messages", "acknowledge_messages", "delete_message",
                "delete_messages", "delete_message_batch", "complete_message", "complete_messages")) {
            t.put(tool, act(Verb.DELETE, "subscription", "acknowledges messages: they are not delivered again"));
        }
        for (String tool : List.of("purge", "purge_queue", "purge_subscription", "purge_messages")) {
            t.put(tool, act(Verb.DELETE, "subscription", "throws away every waiting message"));
        }
        for (String tool : List.of("delete_subscription", "delete_queue")) {
            t.put(tool, act(Verb.DELETE, "subscription", "deletes the subscription or queue with its waiting messages"));
        }
        t.put("delete_topic", act(Verb.DELETE, "topic", "deletes the topic"));
        for (String tool : List.of("create_topic", "create_subscription", "create_queue")) {
            t.put(tool, act(Verb.CREATE, tool.endsWith("topic") ? "topic" : "subscription", ""));
        }
        for (String tool : List.of("seek", "seek_subscription", "modify_ack_deadline", "update_subscription", "update_topic",
                "set_queue_attributes")) {
            t.put(tool, act(Verb.UPDATE, tool.contains("topic") ? "topic" : "subscription", "changes what its consumers receive"));
        }
        return Map.copyOf(t);
    }
}
