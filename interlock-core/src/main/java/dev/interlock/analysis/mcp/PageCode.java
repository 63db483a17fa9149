package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.network.PageActions;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JavaScript run in the page ({@code browser_evaluate}, {@code puppeteer_evaluate}, {@code evaluate_script}). Code that
 * only reads the page ({@code document.title}, text and attributes) is a look. Requests it sends ({@code fetch},
 * {@code XMLHttpRequest}) are judged as the same code run by node; the page's cookies and storage are its session (a credential), and sent to another host they
 * leave with the request. Code that clicks, submits or writes is judged by the words of its selectors and texts
 * ("button.delete-order"), and is opaque when they say nothing, unless the page is on this machine or a dev server.
 */
final class PageCode {

    private PageCode() {
    }

    private static final Pattern ACTS = Pattern.compile("\\.click\\s*\\(|\\.submit\\s*\\(|requestSubmit|dispatchEvent|"
            + "\\.value\\s*=[^=]|innerHTML\\s*=[^=]|\\.remove\\s*\\(|\\beval\\s*\\(|\\bFunction\\s*\\(|\\bimport\\s*\\(|"
            + "location(\\.href)?\\s*=[^=]|\\.setItem\\s*\\(|\\bwindow\\.open\\s*\\(|postMessage|sendBeacon|WebSocket|"
            + "\\.src\\s*=[^=]");
    /** The session's stores; one item of storage read by a name that is no secret's ({@code 'theme'}) is not the session. */
    private static final Pattern SESSION = Pattern.compile("document\\.cookie|indexedDB|(local|session)Storage(?!\\s*\\.\\s*getItem\\s*\\("
            + "\\s*['\"`](?![^'\"`]*(?i:token|auth|session|jwt|secret|key|cred|sid))[^'\"`]*['\"`])");
    private static final Pattern SENDS = Pattern.compile("\\bfetch\\s*\\(|XMLHttpRequest|\\$\\.(ajax|post|get)\\s*\\(|axios|sendBeacon|WebSocket|\\.src\\s*=[^=]");
    private static final Pattern LITERAL = Pattern.compile("'([^'\\n]*)'|\"([^\"\\n]*)\"|`([^`]*)`");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?)://[^\\s'\"`)]+");

    static List<Operation> judged(McpCall c) {
        String code = c.text("function", "script", "code", "expression", "pageFunction");
        boolean acts = ACTS.matcher(code).find();
        if (code.isBlank() || !acts && !SESSION.matcher(code).find() && !SENDS.matcher(code).find()) {
            return List.of(BrowserTools.inBrowser(c, Verb.READ, "reads the page in the agent's browser"));
        }
        Map<String, String> place = PageActions.place(String.join(" ", c.texts("element", "url")));
        boolean near = PageActions.localOrDev(place);
        List<Operation> ops = new ArrayList<>();
        // requests the code makes, as node would make them
        c.analyses().shell(Shell.join(List.of("node", "-e", code))).stream()
                .filter(op -> !op.system().equals("process")).forEach(ops::add);
        if (SESSION.matcher(code).find()) {
            String sentTo = SENDS.matcher(code).find() ? sentTo(code) : "";
            if (!sentTo.isEmpty() && !Hosts.loopback(sentTo)) {
                ops.add(NetworkRecognizer.exfiltration("credentials", "the page's cookies and storage", sentTo, c.evidence(),
                        Map.of("mcp-server", c.server())));
            } else if (!near) {
                ops.add(op(c, Verb.CREDENTIAL, place, "reads the page's cookies or storage: its signed-in session").build());
            }
        }
        StringBuilder words = new StringBuilder();
        Matcher literal = LITERAL.matcher(code);
        while (literal.find()) {
            words.append(literal.group(literal.group(1) != null ? 1 : literal.group(2) != null ? 2 : 3)).append(' ');
        }
        String said = words.toString().replace('-', ' ').replace('_', ' ');
        var action = PageActions.of(said);
        if (action.isPresent() && action.get().verb() != Verb.READ) {
            Operation.Builder b = op(c, action.get().verb(), place, action.get().why() + ", from code run in the page")
                    .scope(action.get().scope());
            ops.add((action.get().verb() == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
        } else if (acts && ops.isEmpty() && !near) {
            ops.add(op(c, Verb.UNKNOWN, place, "code run in the page acts in ways Interlock cannot read")
                    .confidence(Confidence.OPAQUE).reversible(false).build());
        }
        if (ops.isEmpty()) {
            return List.of(acts ? BrowserTools.inBrowser(c, Verb.EXECUTE, "runs code in a page on this machine or a dev server")
                    : BrowserTools.inBrowser(c, Verb.READ, "reads the page and what it fetches"));
        }
        return ops;
    }

    private static String sentTo(String code) {
        Matcher url = URL.matcher(code);
        return url.find() ? Hosts.of(url.group()) : "";
    }

    private static Operation.Builder op(McpCall c, Verb verb, Map<String, String> place, String note) {
        Operation.Builder b = c.op("browser", verb, "page-code", c.text("element", "url")).confidence(Confidence.INFERRED).note(note);
        place.forEach(b::locator);
        return b;
    }
}
