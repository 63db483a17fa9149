package dev.interlock.analysis.shell.recognizers.healthcare;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DICOM network tools (DCMTK's {@code echoscu findscu storescu getscu movescu dcmsend}, dcm4che's {@code storescu
 * findscu getscu movescu mppsscu hl7snd} and dcm4che2's {@code dcmecho dcmsnd}), which talk to the PACS or interface
 * engine their host argument names ({@code findscu pacs-prod 104}, {@code -c AET@pacs-prod:11112}): a C-ECHO pings it
 * and a C-FIND queries it; a C-STORE writes studies into it; a C-GET, or a C-MOVE back to this tool, copies its
 * studies into files here; a C-MOVE to another node has it send them there. The host places the operation.
 */
public final class DicomTools implements Recognizer {

    /** What a tool does to the node it names; {@code copies} when the node's records land in files on this machine. */
    private record Service(Verb verb, boolean copies, String does) {
    }

    private static final Service PING = new Service(Verb.READ, false, "verifies the DICOM connection to (C-ECHO)");
    private static final Service QUERY = new Service(Verb.READ, false, "queries (C-FIND)");
    private static final Service STORE = new Service(Verb.CREATE, false, "stores DICOM objects into (C-STORE)");
    private static final Service RETRIEVE = new Service(Verb.READ, true, "retrieves studies into files here from");
    private static final Service MOVE = new Service(Verb.TRANSFER, false, "has studies sent to another node (C-MOVE) by");

    private static final Map<String, Service> TOOLS = Map.ofEntries(
            Map.entry("echoscu", PING), Map.entry("dcmecho", PING),
            Map.entry("findscu", QUERY),
            Map.entry("storescu", STORE), Map.entry("dcmsend", STORE), Map.entry("dcmsnd", STORE),
            // procedure steps (N-CREATE/N-SET) and HL7 messages (ADT, orders) change the receiver's worklist and records
            Map.entry("mppsscu", new Service(Verb.UPDATE, false, "reports procedure steps to")),
            Map.entry("hl7snd", new Service(Verb.CREATE, false, "sends HL7 messages to")),
            Map.entry("getscu", RETRIEVE), Map.entry("movescu", MOVE));

    /** Options that take a value: DCMTK's single-dash long ones ({@code -aet}, {@code -k}) and dcm4che's. */
    private static final Set<String> VALUED = Set.of("-aet", "--aetitle", "-aec", "--call", "-aem", "--move", "-k", "--key",
            "-to", "--timeout", "-ta", "--acse-timeout", "-td", "--dimse-timeout", "-od", "--output-directory", "-pdu",
            "--max-pdu", "-ll", "--log-level", "-lc", "--log-config", "-xf", "--config-file", "-Xs", "--extract-xml-single",
            "-c", "--connect", "-b", "--bind", "-m", "--match", "-r", "--return", "-L", "--level", "--dest", "--directory",
            "--out-dir", "--out-file", "-M", "-s", "--proxy", "--user", "--user-pass", "--port");
    /** DCMTK's {@code +} options that take a value (the receiving port, a scan pattern). */
    private static final Set<String> PLUS_VALUED = Set.of("+P", "+sp", "+pa");
    /** Responses written to files here instead of printed (DCMTK's {@code --extract}, dcm4che's {@code --out-dir}). */
    private static final Set<String> EXTRACTS = Set.of("-X", "--extract", "-Xx", "--extract-xml", "-Xs", "--extract-xml-single",
            "-od", "--output-directory", "--out-dir", "--out-file");
    private static final Set<String> DESTINATIONS = Set.of("-aem", "--move", "--dest");

    @Override
    public Set<String> programs() {
        return TOOLS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = ParsedArgs.parse(withoutPlusOptions(inv.args()), VALUED);
        if (p.has("-h", "--help", "--version") && p.positionals().isEmpty() && !p.has("-c", "--connect")) {
            return List.of(LocalFiles.local(inv, Operation.builder("process", Verb.READ).resource("program", inv.program())
                    .evidence(inv.evidence()), "prints " + inv.program() + "'s help").build());
        }
        String host = node(p);
        Service service = TOOLS.get(inv.program());
        Optional<String> destination = p.value(DESTINATIONS.toArray(String[]::new));
        if (service == MOVE && destination.isEmpty()) {
            service = RETRIEVE; // a C-MOVE to the calling tool itself lands the studies here, as a C-GET does
        }
        boolean copies = service.copies() || service == QUERY && p.has(EXTRACTS.toArray(String[]::new));
        String name = host.isEmpty() ? "a DICOM node" : host;
        Operation.Builder b = Operation.builder("network", service.verb()).resource(copies ? DatabaseOps.QUERY_RESULTS : "pacs", name)
                .evidence(inv.evidence()).confidence(Confidence.INFERRED)
                .scope(service == STORE || service == MOVE || copies ? Scope.MANY : Scope.ONE)
                .note(inv.program() + " " + service.does() + " " + name
                        + destination.filter(d -> TOOLS.get(inv.program()) == MOVE).map(d -> " to " + d).orElse("")
                        + (copies && service == QUERY ? "; the responses are written to files here" : ""));
        inv.locators().forEach(b::locator);
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        if (copies) {
            b.locator(DatabaseOps.COPIES_DATA, "studies");
        }
        return List.of(b.build());
    }

    /** The node: dcm4che's {@code -c AET@host:port}, else DCMTK's {@code peer port} pair of positionals. */
    private static String node(ParsedArgs p) {
        Optional<String> connect = p.value("-c", "--connect");
        if (connect.isPresent()) {
            return Regex.replaceFirst(Regex.replaceFirst(connect.get(), "^[^@]*@", ""), ":\\d+$", "").toLowerCase(Locale.ROOT);
        }
        List<String> words = p.words();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (Regex.matches(words.get(i + 1), "\\d{1,5}") && !words.get(i).contains("=")) {
                return words.get(i).toLowerCase(Locale.ROOT);
            }
        }
        return words.isEmpty() || words.getFirst().contains("=") ? "" : words.getFirst().toLowerCase(Locale.ROOT);
    }

    private static List<Arg> withoutPlusOptions(List<Arg> args) {
        List<Arg> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.startsWith("+") && w.length() > 1) {
                i += PLUS_VALUED.contains(w) ? 1 : 0;
            } else {
                kept.add(args.get(i));
            }
        }
        return kept;
    }
}
