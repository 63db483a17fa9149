package dev.interlock.analysis.shell.recognizers.macos;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The Mac's firmware variables ({@code nvram}). Printing them ({@code nvram -p}, {@code nvram NAME}) is a read; setting,
 * deleting or clearing one changes how the machine boots for everyone on it — {@code boot-args} can switch off code
 * signing ({@code amfi_get_out_of_my_way=1}) or kernel protections — and survives reboots and reinstalls: a system
 * change like {@code csrutil disable}, never routine.
 */
public final class Nvram implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("nvram");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(Set.of("-d", "-f"));
        List<String> sets = p.words().stream().filter(w -> w.contains("=")).toList();
        String name = p.value("-d").or(() -> sets.stream().findFirst().map(w -> w.substring(0, w.indexOf('='))))
                .or(() -> p.value("-f")).orElse(p.words().isEmpty() ? "" : p.words().getFirst());
        boolean clears = p.has("-c");
        Operation.Builder b = Operation.builder("os", Verb.READ).resource("firmware-variable", clears ? "all" : name)
                .evidence(inv.evidence());
        if (clears || p.has("-d", "-f") || !sets.isEmpty()) {
            String does = clears ? "clears every firmware variable" : p.has("-d") ? "deletes the firmware variable " + name
                    : p.has("-f") ? "sets firmware variables from " + name : "sets the firmware variable " + name;
            b.verb(clears || p.has("-d") ? Verb.DELETE : Verb.UPDATE).scope(clears ? Scope.ALL : Scope.MANY).stateful(true)
                    .reversible(false).note("nvram " + does + ": how this machine boots changes, and stays changed");
        }
        return List.of(LocalFiles.local(inv, b, "this machine's firmware").build());
    }
}
