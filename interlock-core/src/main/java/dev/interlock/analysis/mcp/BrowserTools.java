package dev.interlock.analysis.mcp;

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

/**
 * Browser automation servers (Playwright MCP, Puppeteer, Chrome DevTools MCP). Opening a URL is fetching it, like
 * {@code curl URL} ({@code file://} reads that file); looking at the page (snapshots, screenshots, console, network
 * log, tabs) is a read; acting in it (click, type, fill, evaluate) acts in the agent's own browser profile, which is
 * routine; uploading files sends them to whatever site the page is on.
 */
final class BrowserTools {

    private BrowserTools() {
    }

    private static final Function<McpCall, List<Operation>> NAVIGATE = c -> {
        String url = c.text("url");
        if (url.regionMatches(true, 0, "file://", 0, 7)) {
            return c.analyses().shell(Shell.join(List.of("cat", url.substring(7))));
        }
        return url.isEmpty() ? look(c) : c.analyses().shell(Shell.join(List.of("curl", "-s", url)));
    };

    private static List<Operation> look(McpCall c) {
        return List.of(inBrowser(c, Verb.READ, "looks at the page in the agent's browser"));
    }

    private static List<Operation> act(McpCall c) {
        return List.of(inBrowser(c, Verb.EXECUTE, "acts in the page open in the agent's browser (its own profile)"));
    }

    private static Operation inBrowser(McpCall c, Verb verb, String note) {
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
    private static final List<String> ACTS = List.of("click", "type", "fill", "fill_form", "select", "select_option",
            "press_key", "drag", "handle_dialog", "evaluate", "evaluate_script", "run_code", "mouse_click_xy",
            "mouse_move_xy", "mouse_drag_xy", "emulate", "emulate_network", "emulate_cpu");

    private static Map<String, Function<McpCall, List<Operation>>> tools() {
        Map<String, Function<McpCall, List<Operation>>> tools = new HashMap<>();
        for (String prefix : List.of("browser_", "puppeteer_", "")) {
            tools.put(prefix + "navigate", NAVIGATE);
            tools.put(prefix + "navigate_page", NAVIGATE);
            tools.put(prefix + "file_upload", BrowserTools::upload);
            tools.put(prefix + "upload_file", BrowserTools::upload);
            LOOKS.forEach(t -> tools.put(prefix + t, BrowserTools::look));
            ACTS.forEach(t -> tools.put(prefix + t, BrowserTools::act));
        }
        return Map.copyOf(tools);
    }

    /** Prefixed names are the browser servers' own; bare names ({@code click}) only on a server named for a browser. */
    static final ToolFamily FAMILY = new ToolFamily("browser", c -> c.tool().startsWith("browser_") || c.tool().startsWith("puppeteer_")
            || c.server().toLowerCase(Locale.ROOT).matches(".*(browser|playwright|puppeteer|chrome|devtools).*"), tools());
}
