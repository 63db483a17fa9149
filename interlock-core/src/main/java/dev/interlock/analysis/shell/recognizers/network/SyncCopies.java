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

    /** rclone commands that write the last operand from the ones before it. */
    private static final Set<String> RCLONE_TRANSFERS = Set.of("copy", "copyto", "sync", "move", "moveto", "bisync");
    /** {@code remote:bucket/key}: a remote (not a URL, not a Windows drive) and the first segment of its path. */
    private static final java.util.regex.Pattern RCLONE_REMOTE = java.util.regex.Pattern.compile("([A-Za-z0-9_][\\w.-]+):([^/:]*)[^:]*");

    /**
     * Where an rclone command writes, as the inventory names places: the remote ({@code host}) and its bucket
     * ({@code bucket}, the first segment of the remote path) — {@code rclone sync ./build s3:acme-dev-assets} writes the
     * dev bucket. Deleting on a remote (purge, delete, rmdirs) is not placed this way: a recursive delete there asks
     * whatever the bucket is called. A transfer whose sources are remote too stays unplaced here: what it copies comes from elsewhere, and
     * the destination's tier says nothing about that.
     */
    public static Map<String, String> rcloneTarget(Invocation inv) {
        if (!inv.program().equals("rclone")) {
            return Map.of();
        }
        List<String> positional = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        if (positional.size() < 2) {
            return Map.of();
        }
        String command = positional.getFirst();
        List<String> operands = positional.subList(1, positional.size());
        String target;
        if (RCLONE_TRANSFERS.contains(command) && operands.size() >= 2) {
            target = operands.getLast();
            if (operands.subList(0, operands.size() - 1).stream().anyMatch(w -> RCLONE_REMOTE.matcher(w).matches())) {
                return Map.of();
            }
        } else {
            return Map.of();
        }
        java.util.regex.Matcher m = RCLONE_REMOTE.matcher(target);
        if (!m.matches()) {
            return Map.of();
        }
        return m.group(2).isEmpty() ? Map.of("host", m.group(1)) : Map.of("host", m.group(1), "bucket", m.group(2));
    }

    /** The destination of a sync tool's copy word, or empty for any other run. */
    private static Optional<String> copy(Invocation inv) {
        var copies = FAMILY_COPIES.get(inv.program());
        List<String> positional = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        return copies != null && positional.size() >= 3 && copies.getKey().contains(positional.getFirst())
                ? Optional.of(positional.getLast()) : Optional.empty();
    }
}
