package dev.interlock.analysis.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Browser automation servers (Playwright MCP, Puppeteer, Chrome DevTools MCP). Opening a URL is fetching it, like
 * {@code curl URL} ({@code file://} reads that file; a data file such as {@code /reports/customers.csv} is downloaded,
 * like {@code curl -o}); looking at the page (snapshots, screenshots, console, network log, tabs) is a read. Acting in
 * it is judged by what the call says it acts on ({@link PageActions}): a click on "Delete user" deletes, a password
 * typed is a credential handled, text typed into a web terminal is that command line, and the page is placed by the
 * URLs and names in the same words; actions whose words name nothing risky stay routine in the agent's own browser.
 * Uploading files sends them to whatever site the page is on.
 */
final class BrowserTools {

    private BrowserTools() {
    }

    /** Files a browser downloads rather than shows: data exports and dumps. */
    private static final Pattern DATA_FILE = Pattern.compile("(?i).+\\.(csv|tsv|xlsx|xls|ndjson|jsonl|parquet|sql|dump)");

    private static final Function<McpCall, List<Operation>> NAVIGATE = c -> {
        String url = c.text("url");
        if (url.regionMatches(true, 0, "file://", 0, 7)) {
            return c.analyses().shell(Shell.join(List.of("cat", url.substring(7))));
        }
        if (url.isEmpty()) {
            return look(c);
        }
        // the browser saves a data file it is sent (an export, a report) into its downloads, as curl -o would
        String file = Regex.replaceFirst(NetworkRecognizer.path(url), ".*/", "");
        return c.analyses().shell(Shell.join(DATA_FILE.matcher(file).matches()
                ? List.of("curl", "-s", "-o", "Downloads/" + file, url) : List.of("curl", "-s", url)));
    };


    private static List<Operation> look(McpCall c) {
        return List.of(inBrowser(c, Verb.READ, "looks at the page in the agent's browser"));
    }

    private static List<Operation> act(McpCall c) {
        return List.of(inBrowser(c, Verb.EXECUTE, "acts in the page open in the agent's browser (its own profile)"));
    }

    /** A click, a key press, a drag: the control's name or selector says what it does. */
    private static List<Operation> click(McpCall c) {
        return PageControls.judged(c, label(c), "", () -> act(c));
    }

    /** Text typed or filled into a field, or an option chosen: the field's label with the value. */
    private static List<Operation> type(McpCall c) {
        String typed = String.join(" ", c.texts("text", "value", "values"));
        return PageControls.judged(c, label(c), typed, () -> act(c));
    }

    /** An option chosen is the control's action itself ("Role: Admin"), so its value is one of the control's words. */
    private static List<Operation> select(McpCall c) {
        return PageControls.judged(c, label(c) + ": " + String.join(", ", c.texts("values", "value")), "", () -> act(c));
    }

    /** A whole form: each field as if typed on its own; the strictest stands with the rest. */
    private static List<Operation> fillForm(McpCall c) {
        List<Operation> ops = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (JsonNode field : c.arguments().path("fields").isArray() ? c.arguments().path("fields") : c.arguments().path("elements")) {
            all.append(field.path("name").asText("")).append(' ').append(field.path("value").asText("")).append(' ');
        }
        for (JsonNode field : c.arguments().path("fields").isArray() ? c.arguments().path("fields") : c.arguments().path("elements")) {
            ops.addAll(PageControls.judged(c, field.path("name").asText(""), field.path("value").asText(""), all.toString(), List::of));
        }
        return ops.isEmpty() ? act(c) : ops;
    }

    /** Accepting a dialog carries out what it asked; the text typed into a prompt ("DELETE") says what that was. */
    private static List<Operation> dialog(McpCall c) {
        if (!c.flag("accept")) {
            return look(c);
        }
        return PageControls.judged(c, "dialog: " + c.text("promptText", "prompt_text", "text"), "", () -> act(c));
    }

    private static String label(McpCall c) {
        return String.join(" ", c.texts("element", "selector", "name", "label", "description"));
    }

    static Operation inBrowser(McpCall c, Verb verb, String note) {
        return c.op("browser", verb, "page", c.text("element", "selector", "ref", "url")).confidence(Confidence.INFERRED)
                .environment(Tier.LOCAL, "the browser the MCP server runs").note(note).build();
    }

    /** Each file named is read here and sent to the site the page is on. */
    private static List<Operation> upload(McpCall c) {
        List<Operation> ops = new ArrayList<>();
        for (String path : c.texts("paths", "filePath", "path", "files")) {
            List<Operation> read = c.analyses().shell(Shell.join(List.of("cat", path)));
            boolean secret = read.stream().anyMatch(op -> op.verb() == Verb.CREDENTIAL);
            ops.addAll(read);
            ops.add(c.op("network", Verb.TRANSFER, secret ? "credentials" : "file", path).confidence(Confidence.INFERRED)
                    .environment(Tier.LOCAL, "a file on this machine leaves it")
                    .note("uploads " + path + " to the site open in the browser").build());
        }
        return ops.isEmpty() ? act(c) : ops;
    }

    private static final List<String> LOOKS = List.of("snapshot", "take_snapshot", "screenshot", "take_screenshot",
            "console_messages", "list_console_messages", "network_requests", "list_network_requests", "get_network_request",
            "tabs", "tab_list", "list_pages", "select_page", "tab_select", "wait_for", "resize", "resize_page", "close",
            "close_page", "tab_close", "hover", "install", "navigate_back", "navigate_forward", "pdf_save", "new_page",
            "tab_new", "performance_start_trace", "performance_stop_trace", "performance_analyze_insight");
    private static final List<String> CLICKS = List.of("click", "press_key", "drag", "mouse_click_xy", "double_click");
    private static final List<String> TYPES = List.of("type", "fill");
    private static final List<String> SELECTS = List.of("select", "select_option");
    private static final List<String> CODE = List.of("evaluate", "evaluate_script", "run_code");
    private static final List<String> ACTS = List.of("mouse_move_xy", "mouse_drag_xy", "emulate", "emulate_network", "emulate_cpu");

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String prefix : List.of("browser_", "puppeteer_", "")) {
            tools.put(prefix + "navigate", NAVIGATE);
            tools.put(prefix + "navigate_page", NAVIGATE);
            tools.put(prefix + "file_upload", BrowserTools::upload);
            tools.put(prefix + "upload_file", BrowserTools::upload);
            LOOKS.forEach(t -> tools.put(prefix + t, BrowserTools::look));
            ACTS.forEach(t -> tools.put(prefix + t, BrowserTools::act));
            CLICKS.forEach(t -> tools.put(prefix + t, BrowserTools::click));
            TYPES.forEach(t -> tools.put(prefix + t, BrowserTools::type));
            SELECTS.forEach(t -> tools.put(prefix + t, BrowserTools::select));
            CODE.forEach(t -> tools.put(prefix + t, PageCode::judged));
            tools.put(prefix + "fill_form", BrowserTools::fillForm);
            tools.put(prefix + "handle_dialog", BrowserTools::dialog);
        }
        return Map.copyOf(tools);
    }

    /** Prefixed names are the browser servers' own; bare names ({@code click}) only on a server named for a browser. */
    static final ToolFamily FAMILY = new ToolFamily("browser", c -> c.tool().startsWith("browser_") || c.tool().startsWith("puppeteer_")
            || c.server().toLowerCase(Locale.ROOT).matches(".*(browser|playwright|puppeteer|chrome|devtools).*"), tools());
}
