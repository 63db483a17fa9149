package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;

/**
 * direnv runs a directory's {@code .envrc} by itself in every shell that enters it, once the file is trusted. Trusting
 * one ({@code direnv allow}, or {@code direnv edit}, which allows what it saved) is how a one-off script becomes a
 * standing one: judged like changing a shell start-up file. Taking trust back, and looking, change nothing that runs.
 * {@code direnv exec DIR CMD} is a wrapper, unwrapped before this.
 */
final class Direnv {

    private Direnv() {
    }

    private static final Map<String, Verb> WORDS = Map.ofEntries(
            Map.entry("allow", Verb.UPDATE), Map.entry("permit", Verb.UPDATE), Map.entry("grant", Verb.UPDATE),
            Map.entry("edit", Verb.UPDATE),
            Map.entry("deny", Verb.DELETE), Map.entry("disallow", Verb.DELETE), Map.entry("revoke", Verb.DELETE),
            Map.entry("block", Verb.DELETE), Map.entry("prune", Verb.DELETE),
            Map.entry("status", Verb.READ), Map.entry("version", Verb.READ), Map.entry("help", Verb.READ),
            Map.entry("hook", Verb.READ), Map.entry("stdlib", Verb.READ), Map.entry("current", Verb.READ),
            Map.entry("reload", Verb.READ), Map.entry("fetchurl", Verb.READ));

    static List<Operation> recognize(Invocation inv) {
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "" : words.getFirst();
        Verb verb = WORDS.get(sub);
        if (verb == null) {
            return List.of(LocalFiles.execute(inv, inv.program(), "runs direnv " + sub));
        }
        String target = words.size() > 1 ? words.get(1) : ".";
        String path = inv.workspace().resolve(target.endsWith(".envrc") || target.endsWith(".env") ? target
                : (target.endsWith("/") ? target : target + "/") + ".envrc");
        if (verb == Verb.UPDATE) {
            return List.of(FileMeaning.local(path, Verb.UPDATE, "startup-file", inv.workspace()).system("startup")
                    .evidence(inv.evidence())
                    .note("trusts " + path + ": direnv runs it by itself, with what it exports, in every later shell that enters "
                            + FileMeaning.parent(path)).build());
        }
        // revoking trust or pruning it only stops code from running; a read looks
        return List.of(LocalFiles.local(inv, Operation.builder("direnv", verb == Verb.DELETE ? Verb.UPDATE : Verb.READ)
                .resource("trust", verb == Verb.DELETE ? path : "").evidence(inv.evidence())
                .note(verb == Verb.DELETE ? "takes back direnv's trust in " + path : "direnv " + sub), "direnv on this machine").build());
    }
}
