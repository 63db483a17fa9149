package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.diagnostics.MemoryDumps;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.analysis.shell.recognizers.virtualization.VmDisks;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;

/**
 * A path fetched from another host or a pod, as every download judges it (scp, sftp, lftp, rsync, kubectl cp): a
 * secret — a key, {@code /etc/shadow}, {@code ~/.ssh}, a directory of private keys — is a credential read; a dump,
 * backup or disk is a copy of the data it holds; anything else only reads.
 */
public final class FetchedFiles {

    private FetchedFiles() {
    }

    /** {@code b} (a read of {@code path} on {@code from}) turned into what the download really brings here. */
    public static Operation.Builder judged(Operation.Builder b, String path, String from) {
        if (secret(path)) {
            return b.verb(Verb.CREDENTIAL).note("copies secret material (" + path + ") from " + from + " to this machine");
        }
        if (DatabaseOps.holdsDataCopy(path)) {
            // scp db-prod-1:/var/backups/pg/shop.dump .: a database's rows, brought to this machine
            return b.locator(DatabaseOps.COPIES_DATA, "backup")
                    .note("copies a database dump or backup from " + from + " to this machine");
        }
        if (MemoryDumps.holds(path)) {
            return b.locator(DatabaseOps.COPIES_DATA, "process-memory")
                    .note("copies a core or heap dump (the process's memory) from " + from + " to this machine");
        }
        if (VmDisks.holds(path)) {
            return b.locator(DatabaseOps.COPIES_DATA, "vm-disk")
                    .note("copies a virtual machine's disk (everything it stored) from " + from + " to this machine");
        }
        return b;
    }

    /**
     * A remote file or directory that holds secrets. A path relative to the remote home or under {@code ~} is read
     * as one under a home directory; a directory ({@code -r}, a trailing slash) holds secrets when its files do.
     */
    public static boolean secret(String path) {
        if (path.isEmpty()) {
            return false;
        }
        String p = path.startsWith("~/") ? "/home/remote/" + path.substring(2)
                : path.startsWith("/") ? path : "/home/remote/" + path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return SecretFiles.isSecret(p) || SecretFiles.isSecret(p + "/*");
    }
}
