package dev.interlock.analysis.shell.recognizers.enterprise;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SAP's instance control: {@code sapcontrol -nr NN [-host H] -function F} and HANA's {@code HDB start|stop|info}.
 * Functions that get, list, read or wait only report; the others start, stop, restart or reconfigure the instance,
 * and the {@code …System} ones every instance of the system. {@code -host}, or the ssh host the command runs on
 * ({@code sapprd-app01}), places it.
 */
public final class SapControl implements Recognizer {

    private static final String SYSTEM = "sap";

    /** Prefixes of reporting functions (GetProcessList, ListLogFiles, ABAPGetWPTable, HACheckConfig, WaitforStarted). */
    private static final List<String> READ_PREFIXES = List.of("get", "list", "read", "analyse", "analyze", "check",
            "hacheck", "haget", "waitfor", "abapget", "abapread", "j2eeget", "enqget", "icmget", "webdispget", "gwget",
            "parametervalue", "accesscheck", "version", "help");

    /** HDB's words: info, version and the like report; start, stop, restart and kill change the database instance. */
    private static final Map<String, Verb> HDB = Map.ofEntries(Map.entry("info", Verb.READ), Map.entry("version", Verb.READ),
            Map.entry("proc", Verb.READ), Map.entry("help", Verb.READ), Map.entry("admin", Verb.READ),
            Map.entry("console", Verb.READ), Map.entry("start", Verb.UPDATE), Map.entry("stop", Verb.UPDATE),
            Map.entry("restart", Verb.UPDATE), Map.entry("reconf", Verb.UPDATE), Map.entry("kill", Verb.UPDATE),
            Map.entry("kill-9", Verb.UPDATE), Map.entry("kill-VM", Verb.UPDATE));

    @Override
    public Set<String> programs() {
        return Set.of("sapcontrol", "HDB");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.args().stream().map(Arg::value).toList();
        if (inv.program().equals("HDB")) {
            String word = words.isEmpty() ? "" : words.getFirst();
            Verb verb = HDB.getOrDefault(word, Verb.UPDATE);
            Operation.Builder b = Operation.builder(SYSTEM, verb).resource("hana-instance", inv.env().getOrDefault("SAPSYSTEMNAME", ""))
                    .evidence(inv.evidence()).note("HDB " + word);
            return List.of((HDB.containsKey(word) ? b : b.confidence(Confidence.INFERRED)).build());
        }
        String function = after(words, "-function");
        String host = after(words, "-host");
        String number = after(words, "-nr");
        String f = function.toLowerCase(Locale.ROOT);
        boolean reads = READ_PREFIXES.stream().anyMatch(f::startsWith);
        boolean wholeSystem = f.endsWith("system") || f.equals("shutdown");
        Verb verb = function.isEmpty() || reads ? Verb.READ : Verb.UPDATE;
        Operation.Builder b = Operation.builder(SYSTEM, verb)
                .resource(wholeSystem && !reads ? "sap-system" : "sap-instance", (host.isEmpty() ? "" : host + "/") + number)
                .scope(wholeSystem && !reads ? Scope.ALL : Scope.ONE).evidence(inv.evidence())
                .note("sapcontrol " + function + (reads ? " only reports" : wholeSystem ? " acts on every instance of the SAP system" : " changes the instance"));
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        return List.of(b.build());
    }

    /** The word after {@code flag}, or "". */
    static String after(List<String> words, String flag) {
        int i = words.indexOf(flag);
        return i >= 0 && i + 1 < words.size() ? words.get(i + 1) : "";
    }
}
