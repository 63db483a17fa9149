package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/** Peer-to-peer file drops ({@code wormhole}, {@code croc}, {@code ffsend}): sending hands files to whoever holds a code. */
public final class FileDrops {

    private FileDrops() {
    }

    /**
     * {@code wormhole send FILE}, {@code croc send FILE}, {@code ffsend upload FILE}: a file handed to whoever holds the
     * code or link, on a host nobody here names; receiving is a download.
     */
    public static Operation of(Invocation inv) {
        List<String> positional = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        boolean sends = !positional.isEmpty() && Set.of("send", "upload", "u").contains(positional.getFirst());
        if (!sends) {
            return LocalFiles.local(inv, Operation.builder("network", Verb.READ).resource("program", inv.program())
                    .evidence(inv.evidence()), "receives files on this machine").build();
        }
        String what = positional.size() > 1 ? String.join(" ", positional.subList(1, positional.size())) : "";
        return Operation.builder("network", Verb.TRANSFER).resource("file", what).scope(Scope.MANY).reversible(false)
                .confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(inv.program() + " hands " + (what.isEmpty() ? "files" : what) + " to whoever holds the code: off this machine, to nobody named").build();
    }
}
