package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * IBM MQ servers (the MQ REST API behind an MCP server, mq-mcp and the like), judged as the shell's {@code runmqsc} and
 * sample programs are (system {@code messaging}): displaying and browsing look; putting a message writes it for
 * consumers; a get is destructive, it takes the message off the queue as {@code amqsget} does; clearing and deleting a
 * queue throw its messages away. MQSC handed over whole goes to the {@code runmqsc} analysis. The queue manager's name
 * places the call ({@code QMPROD01}), else the server's.
 */
final class QueueManagerTools {

    /** Names that say IBM MQ: a generic {@code get_message} on any other server is not a destructive get. */
    private static final Pattern SERVER = Pattern.compile("(?i)(.*(ibm[-_]?mq|websphere|mqseries|qmgr).*|mq|mq[-_].*|.*[-_]mq)");

    private QueueManagerTools() {
    }

    private static boolean serves(McpCall c) {
        return SERVER.matcher(c.server()).matches() || !manager(c).isEmpty();
    }

    private static String manager(McpCall c) {
        return c.text("queue_manager", "queueManager", "qmgr", "qm", "qmgr_name", "queue_manager_name");
    }

    private static Function<McpCall, List<Operation>> act(Verb verb, String type, String note) {
        return c -> {
            String name = type.equals("queue-manager") ? manager(c) : c.text("queue", "queue_name", "queueName", "channel", "name");
            Operation.Builder b = c.op("messaging", verb, type, name).confidence(Confidence.INFERRED).note(note);
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false).scope(name.contains("*") ? Scope.MANY : Scope.ONE);
            }
            if (verb == Verb.CREATE) {
                b.reversible(false);
            }
            String qm = manager(c);
            return List.of(qm.isEmpty() ? b.build() : b.locator("database", qm).build());
        };
    }

    /** MQSC text handed over whole: judged as {@code runmqsc QM} fed that text. */
    private static List<Operation> mqsc(McpCall c) {
        String manager = manager(c);
        return c.analyses().shell(Shell.join(List.of("printf", "%s\\n", c.text("command", "mqsc", "script")))
                + " | " + Shell.join(manager.isEmpty() ? List.of("runmqsc") : List.of("runmqsc", manager)));
    }

    private static final Function<McpCall, List<Operation>> LOOK_QUEUE = act(Verb.READ, "queue", "looks at the queue");
    private static final Function<McpCall, List<Operation>> LOOK_MANAGER = act(Verb.READ, "queue-manager", "looks at the queue manager");
    private static final Function<McpCall, List<Operation>> PUT = act(Verb.CREATE, "message",
            "puts a message on the queue: its consumers act on it");
    private static final Function<McpCall, List<Operation>> GET = act(Verb.DELETE, "message",
            "a destructive get: the message is taken off the queue");

    static final ToolFamily FAMILY = new ToolFamily("ibm-mq", QueueManagerTools::serves, Map.ofEntries(
            Map.entry("display_queue", LOOK_QUEUE), Map.entry("display_queues", LOOK_QUEUE), Map.entry("list_queues", LOOK_QUEUE),
            Map.entry("browse_message", LOOK_QUEUE), Map.entry("browse_messages", LOOK_QUEUE), Map.entry("browse_queue", LOOK_QUEUE),
            Map.entry("get_queue_depth", LOOK_QUEUE), Map.entry("display_channel", act(Verb.READ, "channel", "looks at the channel")),
            Map.entry("display_channel_status", act(Verb.READ, "channel", "looks at the channel")),
            Map.entry("display_qmgr", LOOK_MANAGER), Map.entry("display_queue_manager", LOOK_MANAGER),
            Map.entry("list_queue_managers", LOOK_MANAGER), Map.entry("ping_qmgr", LOOK_MANAGER),
            Map.entry("put_message", PUT), Map.entry("put_messages", PUT), Map.entry("send_message", PUT),
            Map.entry("get_message", GET), Map.entry("get_messages", GET), Map.entry("receive_message", GET),
            Map.entry("consume_message", GET), Map.entry("consume_messages", GET),
            Map.entry("clear_queue", act(Verb.DELETE, "queue", "clears the queue: every message on it is thrown away")),
            Map.entry("purge_queue", act(Verb.DELETE, "queue", "clears the queue: every message on it is thrown away")),
            Map.entry("delete_queue", act(Verb.DELETE, "queue", "deletes the queue")),
            Map.entry("define_queue", act(Verb.CREATE, "queue", "defines a queue")),
            Map.entry("create_queue", act(Verb.CREATE, "queue", "defines a queue")),
            Map.entry("alter_queue", act(Verb.UPDATE, "queue", "changes the queue's attributes")),
            Map.entry("run_mqsc", QueueManagerTools::mqsc), Map.entry("runmqsc", QueueManagerTools::mqsc),
            Map.entry("mqsc", QueueManagerTools::mqsc)));
}
