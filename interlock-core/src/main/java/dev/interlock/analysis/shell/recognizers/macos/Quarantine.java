package dev.interlock.analysis.shell.recognizers.macos;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Extended attributes ({@code xattr}). {@code com.apple.quarantine} is how Gatekeeper knows a file came from the
 * internet: removing it ({@code xattr -d com.apple.quarantine}, or {@code xattr -c} clearing every attribute) lets a
 * downloaded binary run unchecked — a security control switched off, as {@code spctl --master-disable} does for all.
 * Clearing attributes of the project's own build output ({@code xattr -cr build/Release/App.app}, before codesign)
 * removes no quarantine it ever had and stays routine; so do listing, printing and other attributes.
 */
public final class Quarantine implements Recognizer {

    private static final String QUARANTINE = "com.apple.quarantine";

    @Override
    public Set<String> programs() {
        return Set.of("xattr");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        StringBuilder letters = new StringBuilder();
        List<Arg> operands = new ArrayList<>();
        for (Arg a : inv.args()) {
            if (a.value().startsWith("-") && a.value().length() > 1 && !a.value().startsWith("--")) {
                letters.append(a.value().substring(1));
            } else if (!a.value().startsWith("--")) {
                operands.add(a);
            }
        }
        String flags = letters.toString();
        boolean deletes = flags.contains("d");
        boolean clears = flags.contains("c");
        boolean writes = flags.contains("w");
        // -d NAME FILE…, -w NAME VALUE FILE…, -p NAME FILE…: the attribute comes first
        int named = writes ? 2 : deletes || flags.contains("p") ? 1 : 0;
        String attribute = named > 0 && !operands.isEmpty() ? operands.getFirst().value() : "";
        List<Arg> files = operands.subList(Math.min(named, operands.size()), operands.size());
        String first = files.isEmpty() ? "" : files.getFirst().value();
        if (!deletes && !clears && !writes) {
            return List.of(LocalFiles.on(inv, Verb.READ, "file", first).build());
        }
        boolean unquarantines = deletes && attribute.equals(QUARANTINE)
                || clears && files.stream().anyMatch(f -> inv.workspace().area(f.value()) != Workspace.Area.WORKSPACE);
        if (!unquarantines) {
            return List.of(LocalFiles.on(inv, Verb.UPDATE, "file", first).scope(flags.contains("r") ? Scope.MANY : Scope.ONE).build());
        }
        // the check is gone for good for this file, and for everything under it with -r
        Operation.Builder b = Operation.builder("os", Verb.UPDATE).resource("settings", "Gatekeeper quarantine of " + first)
                .scope(Scope.MANY).stateful(true).reversible(false).evidence(inv.evidence())
                .note("xattr " + (clears ? "-c clears" : "-d removes") + " the quarantine of " + first
                        + ": Gatekeeper never checks what it runs, a security control of this machine switched off");
        if (!first.isEmpty()) {
            b.locator("path", inv.workspace().resolve(first)).locator("area", inv.workspace().area(first).wire());
        }
        return List.of(LocalFiles.local(inv, b, "this machine's settings").build());
    }
}
