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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SAP's transport control program, {@code tp COMMAND [REQUEST] SID pf=PROFILE}: the buffer listings and checks read;
 * imports, exports and buffer edits change what the target system runs or will run. The SID ({@code PRD}, {@code QAS},
 * {@code DEV}) names the system and its tier, as the ssh host it runs on does.
 */
public final class SapTransports implements Recognizer {

    private static final Set<String> READS = Set.of("showbuffer", "count", "checkimpdp", "connect", "getprots", "showinfo",
            "help", "checkimpsync", "checkreadq", "version", "cmdimport_check", "showparams", "checkinfo");

    private static final Map<String, Verb> CHANGES = Map.ofEntries(Map.entry("import", Verb.UPDATE),
            Map.entry("addtobuffer", Verb.UPDATE), Map.entry("delfrombuffer", Verb.UPDATE), Map.entry("modbuffer", Verb.UPDATE),
            Map.entry("umodbuffer", Verb.UPDATE), Map.entry("cleanbuffer", Verb.UPDATE), Map.entry("setstopmark", Verb.UPDATE),
            Map.entry("delstopmark", Verb.UPDATE), Map.entry("export", Verb.UPDATE), Map.entry("put", Verb.UPDATE),
            Map.entry("pf", Verb.UPDATE), Map.entry("createinfo", Verb.UPDATE), Map.entry("unlock", Verb.UPDATE));

    /** An SAP system id: three characters, a letter first (transport requests, DEVK900123, are longer). */
    private static final Pattern SID = Pattern.compile("[A-Z][A-Z0-9]{2}");

    @Override
    public Set<String> programs() {
        return Set.of("tp");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.args().stream().map(Arg::value).filter(w -> !w.contains("=") && !w.startsWith("-")).toList();
        String command = words.isEmpty() ? "" : words.getFirst().toLowerCase(java.util.Locale.ROOT);
        String sid = words.stream().skip(1).filter(w -> SID.matcher(w).matches()).reduce((a, b) -> b).orElse("");
        boolean reads = command.isEmpty() || READS.contains(command);
        Verb verb = reads ? Verb.READ : CHANGES.getOrDefault(command, Verb.UNKNOWN);
        boolean all = words.size() > 1 && words.get(1).equalsIgnoreCase("all");
        Operation.Builder b = Operation.builder("sap", verb).resource("transport-buffer", sid)
                .scope(all ? Scope.MANY : Scope.ONE).evidence(inv.evidence())
                .note("tp " + command + (reads ? " only reports on the transport buffer"
                        : all ? " imports every request waiting in the buffer" : " changes the system's transports"));
        if (!sid.isEmpty()) {
            b.locator("environment", sid);
        }
        return List.of((CHANGES.containsKey(command) || reads ? b : b.confidence(Confidence.INFERRED)).build());
    }
}
