package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.observability.MonitorScopes;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Error trackers and monitors (Sentry, Datadog): resolving, ignoring or archiving an error, a downtime, a muted host or
 * monitor decide whether anyone hears about a failure, so they are changes in the environment whose errors and alerts
 * they are (a production error resolved before its fix ships, a muted production host, need a human; a downtime for a
 * dev host the agent restarts is dev work). The environment comes from the request and from the scope the call names
 * ({@code host:dev-worker-3}, {@code env:prod}, a host name). Assigning a Sentry issue to someone is collaboration.
 */
final class AlertingTools {

    private AlertingTools() {
    }

    private static final Pattern SENTRY = Pattern.compile("(?i)sentry");
    private static final Pattern DATADOG = Pattern.compile("(?i)datadog|\\bdd\\b");

    /** Sentry's {@code update_issue}: a status changes who is alerted; an assignment alone is collaboration. */
    private static final Function<McpCall, List<Operation>> SENTRY_ISSUE = c -> {
        String issue = c.text("issueId", "issue_id", "issueUrl", "id");
        String status = c.text("status", "substatus");
        if (status.isEmpty() && !c.tool().matches("(resolve|ignore|archive|mute)_issue")) {
            return List.of(TrackerTools.collaboration(c, "sentry", Verb.UPDATE, "issue", issue, "a Sentry issue assigned"));
        }
        Operation.Builder b = c.op("sentry", Verb.UPDATE, "issue", issue)
                .note("marks the error " + (status.isEmpty() ? c.tool().replace("_issue", "d") : status)
                        + ": its alerts stay quiet until it regresses or the mute ends");
        String project = c.text("projectSlug", "projectSlugOrId", "project");
        return List.of((project.isEmpty() ? b : b.locator("project", project)).build());
    };

    /** A downtime, mute or monitor change: located by the hosts and {@code env:} tags it names. */
    private static Function<McpCall, List<Operation>> monitor(Verb verb, String type) {
        return c -> {
            Operation.Builder b = c.op("datadog", verb, type, c.text("monitor_id", "monitorId", "id", "scope", "hostname", "host", "name"));
            String host = c.text("hostname", "host");
            b.locator("host", host);
            MonitorScopes.of(c.texts("scope", "monitorTags", "monitor_tags", "tags", "query")).apply(b, host.isEmpty());
            if (verb == Verb.DELETE) {
                b.stateful(true).reversible(false);
            }
            return List.of(b.note(verb == Verb.DELETE ? "deletes the " + type : "changes when the " + type + " alerts").build());
        };
    }

    private static Map<String, Function<McpCall, List<Operation>>> datadog() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String mute : List.of("schedule_downtime", "create_downtime", "update_downtime", "cancel_downtime", "mute_host",
                "unmute_host", "mute_monitor", "unmute_monitor")) {
            tools.put(mute, monitor(Verb.UPDATE, mute.contains("downtime") ? "downtime" : mute.contains("host") ? "host" : "monitor"));
        }
        tools.put("create_monitor", monitor(Verb.CREATE, "monitor"));
        tools.put("update_monitor", monitor(Verb.UPDATE, "monitor"));
        tools.put("delete_monitor", monitor(Verb.DELETE, "monitor"));
        tools.put("delete_downtime", monitor(Verb.UPDATE, "downtime"));
        return tools;
    }

    static final ToolFamily SENTRY_FAMILY = new ToolFamily("sentry", c -> SENTRY.matcher(c.server()).find(), Map.of(
            "update_issue", SENTRY_ISSUE, "resolve_issue", SENTRY_ISSUE, "ignore_issue", SENTRY_ISSUE,
            "archive_issue", SENTRY_ISSUE, "mute_issue", SENTRY_ISSUE));

    static final ToolFamily DATADOG_FAMILY = new ToolFamily("datadog", c -> DATADOG.matcher(c.server()).find(), datadog());
}
