package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The copy words of sync tools ({@code rclone copy}, {@code azcopy copy}, {@code mc cp}): which end of a copy is remote
 * decides where the tool acts and what leaves or arrives.
 */
public final class SyncCopies {

    private SyncCopies() {
    }

    /**
     * Copy words of sync and object-store tools, and how each spells a remote location: a copy whose destination is on
     * this machine only reads the source ({@code rclone copy s3prod:reports ./reports}).
     */
    private static final Map<String, Map.Entry<Set<String>, Predicate<String>>> FAMILY_COPIES = Map.of(
            "rclone", Map.entry(Set.of("copy", "copyto"), w -> w.indexOf(':') > 0 && !w.startsWith("/") && !w.startsWith(".")),
            "s3cmd", Map.entry(Set.of("get", "sync"), w -> w.startsWith("s3://")),
            "azcopy", Map.entry(Set.of("copy", "cp", "sync"), w -> w.startsWith("http://") || w.startsWith("https://")),
            "mc", Map.entry(Set.of("cp", "mirror"), w -> !w.startsWith("/") && !w.startsWith(".") && !w.startsWith("~")));

    /** {@code rclone copy s3prod:reports ./reports}: a copy word of a sync tool whose destination is on this machine. */
    public static boolean toThisMachine(Invocation inv) {
        return copy(inv).filter(dest -> !FAMILY_COPIES.get(inv.program()).getValue().test(dest)).isPresent();
    }

    /** The remote source of a copy to this machine when it holds data: a database's rows (a dump, a backup), or production's data files. */
    public static Optional<String> copiedRows(Invocation inv) {
        if (!toThisMachine(inv)) {
            return Optional.empty();
        }
        var remote = FAMILY_COPIES.get(inv.program()).getValue();
        List<String> positional = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        return positional.subList(1, positional.size() - 1).stream()
                .filter(w -> remote.test(w) && (w.indexOf(':') > 0 || w.indexOf('/') > 0)
                        && (DatabaseOps.holdsRows(w) || ObjectDownloads.copiesProductionData(w)))
                .findFirst();
    }

    /** {@code azcopy copy ./x https://prodacct.blob…}: the remote a copy writes to names where it acts. */
    public static Optional<String> destination(Invocation inv) {
        return copy(inv).filter(dest -> FAMILY_COPIES.get(inv.program()).getValue().test(dest));
    }

    /** The destination of a sync tool's copy word, or empty for any other run. */
    private static Optional<String> copy(Invocation inv) {
        var copies = FAMILY_COPIES.get(inv.program());
        List<String> positional = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        return copies != null && positional.size() >= 3 && copies.getKey().contains(positional.getFirst())
                ? Optional.of(positional.getLast()) : Optional.empty();
    }
}
