package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Chat and mail servers (Slack, …): a message an agent sends carries data off the machine. */
final class MessagingTools {

    private MessagingTools() {
    }

    private static final Function<McpCall, List<Operation>> SEND = c -> List.of(c.op("network", Verb.TRANSFER, "message",
            c.text("channel_id", "channel", "to", "recipient", "thread_ts")).note("sends a message with what the agent put in it").build());

    static final ToolFamily FAMILY = new ToolFamily("messaging", c -> true, Map.ofEntries(
            Map.entry("slack_post_message", SEND), Map.entry("slack_reply_to_thread", SEND), Map.entry("post_message", SEND),
            Map.entry("send_message", SEND), Map.entry("send_email", SEND), Map.entry("chat_post_message", SEND)));
}
