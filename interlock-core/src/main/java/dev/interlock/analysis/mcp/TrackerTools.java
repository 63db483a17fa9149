package dev.interlock.analysis.mcp;

import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Issue trackers, wikis and incident timelines (Linear, Jira, Confluence, Notion, PagerDuty, Sentry) and chat
 * reactions: a comment on a ticket or page, a note on an incident's timeline, a worklog, an emoji reaction or one
 * ticket moved along its workflow adds to the team's own record of the work and is undone by editing it, so it is
 * collaboration, judged like work in the workspace (as GitHub's issues and comments are). What reaches people or
 * loses work is not here and stays held: a message posted in a channel ({@link MessagingTools}), bulk updates,
 * deletions, archived or rewritten pages, a sprint closed, an incident acknowledged or resolved (it stops paging).
 */
final class TrackerTools {

    private TrackerTools() {
    }

    /** Collaboration on a shared record (issue, comment, review, note): reversible, judged like work in the workspace. */
    static Operation collaboration(McpCall c, String system, Verb verb, String type, String name, String what) {
        return c.op(system, verb, type, name).locator("area", "workspace")
                .environment(Tier.LOCAL, what + ": collaboration, not infrastructure").build();
    }

    private static Function<McpCall, List<Operation>> note(String type, String what, String... names) {
        return c -> List.of(collaboration(c, "tracker", Verb.CREATE, type, c.text(names), what));
    }

    private static final String[] TICKET = {"issue_key", "issueKey", "issueIdOrKey", "issueId", "issue_id", "id", "page_id",
        "pageId", "incident_id", "incidentId", "key"};

    private static final Pattern NOTION_SERVER = Pattern.compile("(?i)notion");

    private static final Function<McpCall, List<Operation>> READ = c -> List.of(c.op("tracker", Verb.READ, "records",
            c.text("database_id", "data_source_id", "query")).note("a query or search of the workspace's pages").build());

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String comment : List.of("add_comment", "create_comment", "create_a_comment", "comment_on_issue",
                "add_comment_to_issue", "create_issue_comment", "add_comment_to_jira_issue", "create_confluence_footer_comment",
                "create_confluence_inline_comment", "create_page_comment", "add_page_comment", "reply_to_comment")) {
            tools.put(comment, note("comment", "a comment on a ticket or page", TICKET));
        }
        for (String note : List.of("add_note_to_incident", "create_incident_note", "add_incident_note", "add_note")) {
            tools.put(note, note("incident-note", "a note on an incident's timeline", TICKET));
        }
        tools.put("add_worklog", note("worklog", "time logged on a ticket", TICKET));
        for (String reaction : List.of("add_reaction", "reactions_add", "remove_reaction", "reactions_remove")) {
            tools.put(reaction, c -> List.of(collaboration(c, "chat", reaction.contains("remove") ? Verb.DELETE : Verb.CREATE,
                    "reaction", c.text("channel_id", "channel", "timestamp"), "an emoji reaction on a message")));
        }
        for (String transition : List.of("transition_issue", "transition_jira_issue")) {
            tools.put(transition, c -> List.of(collaboration(c, "tracker", Verb.UPDATE, "issue", c.text(TICKET),
                    "one ticket moved along its workflow")));
        }
        return tools;
    }

    static final ToolFamily FAMILY = new ToolFamily("tracker", c -> true, tools());

    /** Notion's API server names its tools for the HTTP call: a database query and a search are POSTs that only read. */
    static final ToolFamily NOTION = new ToolFamily("notion", c -> NOTION_SERVER.matcher(c.server()).find(), Map.of(
            "post_database_query", READ, "query_database", READ, "query_a_database", READ, "query_data_source", READ,
            "post_search", READ));
}
