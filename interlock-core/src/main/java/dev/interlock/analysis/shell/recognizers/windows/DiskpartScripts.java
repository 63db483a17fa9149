package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code diskpart} and its script — from standard input ({@code diskpart <<EOF … EOF}) or {@code /s FILE} when this
 * line wrote FILE — judged line by line: {@code list}, {@code select}, {@code detail} and the like only look;
 * {@code clean}, {@code delete} and {@code format} lose what the disk, partition or volume held; {@code create},
 * {@code extend}, {@code assign} and the other commands change the partitioning. A script not in view, or a command
 * the table does not know, leaves the disks' fate unseen: opaque.
 */
final class DiskpartScripts {

    private DiskpartScripts() {
    }

    /** Each command's first word (lower case, {@code sel} for {@code select}) → what it does. */
    private static final Map<String, Verb> COMMANDS = Map.ofEntries(
            Map.entry("list", Verb.READ), Map.entry("select", Verb.READ), Map.entry("sel", Verb.READ),
            Map.entry("detail", Verb.READ), Map.entry("exit", Verb.READ), Map.entry("rem", Verb.READ),
            Map.entry("help", Verb.READ), Map.entry("?", Verb.READ), Map.entry("filesystems", Verb.READ),
            Map.entry("rescan", Verb.READ), Map.entry("clean", Verb.DELETE), Map.entry("delete", Verb.DELETE),
            Map.entry("format", Verb.DELETE), Map.entry("create", Verb.UPDATE), Map.entry("convert", Verb.UPDATE),
            Map.entry("extend", Verb.UPDATE), Map.entry("shrink", Verb.UPDATE), Map.entry("assign", Verb.UPDATE),
            Map.entry("remove", Verb.UPDATE), Map.entry("active", Verb.UPDATE), Map.entry("inactive", Verb.UPDATE),
            Map.entry("online", Verb.UPDATE), Map.entry("offline", Verb.UPDATE), Map.entry("setid", Verb.UPDATE),
            Map.entry("gpt", Verb.UPDATE), Map.entry("import", Verb.UPDATE), Map.entry("recover", Verb.UPDATE),
            Map.entry("repair", Verb.UPDATE), Map.entry("break", Verb.UPDATE), Map.entry("add", Verb.UPDATE),
            Map.entry("attach", Verb.UPDATE), Map.entry("detach", Verb.UPDATE), Map.entry("compact", Verb.UPDATE),
            Map.entry("expand", Verb.UPDATE), Map.entry("merge", Verb.UPDATE), Map.entry("retain", Verb.UPDATE));

    /** Commands that only report without arguments and change something with them ({@code attributes disk clear readonly}). */
    private static final Map<String, String> REPORT_UNLESS = Map.of("attributes", "\\b(set|clear)\\b", "automount", "\\b(enable|disable|scrub)\\b",
            "uniqueid", "\\bid\\s*=", "san", "\\bpolicy\\s*=");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        String file = value(inv, "/s");
        Optional<String> script = file.isEmpty() ? inv.stdin() : nested.written(file);
        if (script.isEmpty()) {
            return List.of(opaque(inv, file.isEmpty() ? "diskpart runs the partitioning commands it reads"
                    : "diskpart runs the partitioning script " + file + ", whose text is not in view"));
        }
        Verb worst = Verb.READ;
        String target = "";
        String changes = "";
        for (String raw : script.get().split("\\R")) {
            String line = Regex.replaceAll(raw.strip(), "\\s+", " ").toLowerCase(Locale.ROOT);
            if (line.isEmpty()) {
                continue;
            }
            String word = line.split(" ")[0];
            String rest = line.substring(word.length());
            Verb v = REPORT_UNLESS.containsKey(word) ? Regex.find(rest, REPORT_UNLESS.get(word)) ? Verb.UPDATE : Verb.READ
                    : COMMANDS.get(word);
            if (v == null) {
                return List.of(opaque(inv, "diskpart runs `" + line + "`, a command not known here"));
            }
            if (word.startsWith("sel")) {
                target = rest.strip();
            }
            if (v != Verb.READ) {
                changes = changes.isEmpty() ? line : changes;
                worst = worst == Verb.DELETE ? worst : v;
            }
        }
        Operation.Builder b = Operation.builder("os", worst).resource("device", target).evidence(inv.evidence());
        if (worst == Verb.READ) {
            return List.of(LocalFiles.local(inv, b.note("diskpart only lists and selects disks and volumes"), "the disks of this machine").build());
        }
        b.confidence(Confidence.INFERRED).stateful(true).reversible(false)
                .note("diskpart " + (worst == Verb.DELETE ? "erases " : "repartitions ") + (target.isEmpty() ? "a disk" : target) + " (`" + changes + "`)");
        if (worst == Verb.DELETE) {
            b.scope(Scope.ALL);
        }
        return List.of(LocalFiles.local(inv, b, "the disks of this machine").build());
    }

    private static Operation opaque(Invocation inv, String note) {
        return LocalFiles.local(inv, Operation.builder("os", Verb.UNKNOWN).resource("device", "").confidence(Confidence.OPAQUE)
                .reversible(false).evidence(inv.evidence()).note(note), "the disks of this machine").build();
    }

    private static String value(Invocation inv, String name) {
        List<String> w = inv.args().stream().map(a -> a.value()).toList();
        for (int i = 0; i + 1 < w.size(); i++) {
            if (w.get(i).equalsIgnoreCase(name) || w.get(i).equalsIgnoreCase("-s") && name.equals("/s")) {
                return w.get(i + 1);
            }
        }
        return "";
    }
}
