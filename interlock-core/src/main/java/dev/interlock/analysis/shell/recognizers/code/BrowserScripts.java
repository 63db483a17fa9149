package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.network.PageActions;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Playwright and Puppeteer scripts ({@code page.goto(URL)}, {@code page.click('button.delete')},
 * {@code page.fill('#password', '…')}): the pages they open place them, and the controls they click or fill are judged
 * as the same actions through a browser server are ({@link PageActions}). A script that only opens and reads pages, or
 * acts on pages of this machine or a dev server, adds nothing.
 */
final class BrowserScripts {

    private BrowserScripts() {
    }

    private static final Pattern GOTO = Pattern.compile("\\.goto\\s*\\(\\s*['\"`]([^'\"`]+)['\"`]");
    private static final Pattern ACTS = Pattern.compile("\\.(click|dblclick|tap|check|fill|type|press|selectOption|"
            + "select_option|dispatchEvent|dispatch_event)\\s*\\(");
    private static final Pattern SELECTOR = Pattern.compile("(?:\\$\\$?|\\$\\$?eval|locator|click|dblclick|tap|check|fill|type|press|"
            + "selectOption|select_option|query_selector(?:_all)?|querySelector(?:All)?|getByRole|get_by_role|getByText|get_by_text|"
            + "getByLabel|get_by_label|waitForSelector|wait_for_selector)\\s*\\(\\s*['\"`]([^'\"`]*)['\"`]");
    private static final Pattern FILLED = Pattern.compile("\\.(?:fill|type)\\s*\\(\\s*['\"`]([^'\"`]*)['\"`]\\s*,\\s*['\"`]([^'\"`]*)['\"`]");

    static List<Operation> in(String code, Invocation inv) {
        if (!code.contains(".goto") || !ACTS.matcher(code).find()) {
            return List.of();
        }
        StringBuilder pages = new StringBuilder();
        Matcher go = GOTO.matcher(code);
        while (go.find()) {
            pages.append(go.group(1)).append(' ');
        }
        Map<String, String> place = PageActions.place(pages.toString());
        if (PageActions.localOrDev(place)) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        Matcher filled = FILLED.matcher(code);
        while (filled.find()) {
            if (PageActions.secret(filled.group(1), filled.group(2))) {
                ops.add(op(inv, Verb.CREDENTIAL, filled.group(1), place, "types a credential into " + filled.group(1)).build());
            }
        }
        Matcher selector = SELECTOR.matcher(code);
        while (selector.find()) {
            String control = selector.group(1);
            Optional<PageActions.Action> action = PageActions.of(control.replaceAll("[-_.#\\[\\]=]", " "), place);
            if (action.isPresent()) {
                Operation.Builder b = op(inv, action.get().verb(), control, place, action.get().why() + " (" + control + ")")
                        .scope(action.get().scope());
                ops.add((action.get().verb() == Verb.DELETE ? b.stateful(true).reversible(false) : b).build());
            }
        }
        return ops;
    }

    private static Operation.Builder op(Invocation inv, Verb verb, String control, Map<String, String> place, String note) {
        Operation.Builder b = Operation.builder("browser", verb).resource("control", control).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note(note + ", in a browser script run by " + inv.program());
        place.forEach(b::locator);
        return b;
    }
}
