package dev.interlock.analysis.mcp;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.network.PageActions;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One control of a web page acted on through a browser server: a button clicked, a field typed into, a dialog
 * accepted. The control's words ({@link PageActions}) say what it does; the URLs and names in the call say where.
 * A confirm-by-typing box takes its verb from what is typed ("permanently delete"); text typed into a console (a web
 * terminal, a query editor) runs there ({@link PageConsoles}); what is typed elsewhere only places.
 */
final class PageControls {

    private PageControls() {
    }

    static List<Operation> judged(McpCall c, String label, String typed, Supplier<List<Operation>> routine) {
        return judged(c, label, typed, "", routine);
    }

    /** {@code context}: more of the call's words that place the page (the other fields of a form). */
    static List<Operation> judged(McpCall c, String label, String typed, String context, Supplier<List<Operation>> routine) {
        Map<String, String> place = PageActions.place(String.join(" ", label, typed, context, c.text("url")));
        var console = PageActions.console(String.join(" ", label, c.text("url")));
        if (console.isPresent() && !typed.isBlank()) {
            List<Operation> ran = PageConsoles.judged(c, console.get(), label, typed, place);
            if (!ran.isEmpty()) {
                return ran;
            }
        }
        if (PageActions.secret(label, typed)) {
            return PageActions.localOrDev(place) ? routine.get() : List.of(placed(c, Verb.CREDENTIAL, label, place,
                    "types a credential into " + field(label) + ": the agent handles someone's secret").build());
        }
        var action = PageActions.of(label, place);
        if (action.isPresent() && action.get().why().startsWith("confirms") && !typed.isBlank()) {
            action = PageActions.of(label + " " + typed).or(() -> PageActions.of(label, place));
        }
        if (action.isEmpty()) {
            return routine.get();
        }
        Verb verb = action.get().verb();
        Operation.Builder b = placed(c, verb, label, place, action.get().why() + " (" + field(label) + ")").scope(action.get().scope());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        if (PageActions.copiesData(action.get())) {
            b.locator(DatabaseOps.COPIES_DATA, "rows");
        }
        return List.of(b.build());
    }

    private static Operation.Builder placed(McpCall c, Verb verb, String label, Map<String, String> place, String note) {
        Operation.Builder b = c.op("browser", verb, "control", field(label)).confidence(Confidence.INFERRED).note(note);
        place.forEach(b::locator);
        return b;
    }

    static String field(String label) {
        String l = label.strip();
        return l.length() > 80 ? l.substring(0, 80) + "…" : l.isEmpty() ? "the page" : l;
    }
}
