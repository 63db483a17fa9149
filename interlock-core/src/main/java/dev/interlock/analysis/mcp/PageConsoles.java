package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.network.PageActions;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text typed into a console in a web page runs where the page is, not here: a web terminal's line is a command line,
 * a query editor's text is SQL (pgAdmin's Query Tool, Adminer, a Snowflake worksheet), a Kibana or OpenSearch Dev
 * Tools request ({@code DELETE /logs-prod-*}) is that REST call to the page's host. Each is judged as the agent's own
 * would be, then placed by the page.
 */
final class PageConsoles {

    private PageConsoles() {
    }

    /** A request line of a search console, with the JSON body that follows it up to the next one. */
    private static final Pattern REQUEST = Pattern.compile("(?im)^\\s*(GET|POST|PUT|DELETE|HEAD|PATCH)\\s+(\\S+)[^\\n]*\\n?"
            + "((?:(?!\\s*(?:GET|POST|PUT|DELETE|HEAD|PATCH)\\s)[^\\n]*\\n?)*)");
    /** The database server a query editor names ("server db.prod.internal"), which places it better than the tool's page. */
    private static final Pattern DATABASE_SERVER = Pattern.compile("(?i)\\b(?:server|host)\\s*[:=]?\\s*([a-z0-9][a-z0-9.-]*[a-z0-9](?::\\d+)?)");

    /** The operations of {@code typed} run in {@code console}; empty when it holds nothing that console would run. */
    static List<Operation> judged(McpCall c, PageActions.Console console, String label, String typed, Map<String, String> place) {
        return switch (console) {
            case SHELL -> placed(c, c.analyses().shell(typed), label, place);
            case SQL -> placed(c, c.analyses().sql(typed, DatabaseTools.dialect(label)), label, server(label, place));
            case SEARCH_API -> placed(c, requests(c, typed, place), label, place);
        };
    }

    /** The requests as {@code curl} would send them to the page's host (the cluster behind Kibana answers them). */
    private static List<Operation> requests(McpCall c, String typed, Map<String, String> place) {
        String host = place.getOrDefault("host", "search-cluster");
        List<Operation> ops = new ArrayList<>();
        Matcher m = REQUEST.matcher(typed);
        while (m.find()) {
            String path = m.group(2).startsWith("/") ? m.group(2) : "/" + m.group(2);
            List<String> curl = new ArrayList<>(List.of("curl", "-s", "-X", m.group(1).toUpperCase(Locale.ROOT),
                    "https://" + host + path));
            if (!m.group(3).isBlank()) {
                curl.addAll(List.of("-H", "Content-Type: application/json", "-d", m.group(3).strip()));
            }
            ops.addAll(c.analyses().shell(Shell.join(curl)));
        }
        return ops;
    }

    /** The page placed by the database server it names, when it names one by host name. */
    private static Map<String, String> server(String label, Map<String, String> place) {
        Matcher m = DATABASE_SERVER.matcher(label);
        if (!m.find() || !m.group(1).contains(".") && !m.group(1).equals("localhost")) {
            return place;
        }
        Map<String, String> placed = new LinkedHashMap<>(place);
        placed.put("host", Hosts.of(m.group(1)));
        return placed;
    }

    /** Judged where the page is: what the analysis took for this machine is the machine behind the page. */
    private static List<Operation> placed(McpCall c, List<Operation> judged, String label, Map<String, String> place) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : judged) {
            Operation.Builder b = op.toBuilder().evidence(c.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                    + "typed into " + PageControls.field(label));
            place.forEach(b::locator);
            if (op.environment() == Tier.LOCAL) {
                b.environment(Tier.UNKNOWN, "");
            }
            ops.add(b.build());
        }
        return ops;
    }
}
