package dev.interlock.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.interlock.json.Json;
import dev.interlock.server.audit.AuditKey;
import dev.interlock.server.audit.TrustedKeys;
import dev.interlock.server.audit.Verification;
import dev.interlock.server.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline side of {@code interlock audit}: reading a data directory (or an export) without a server, for auditors
 * and for incidents where the server is down or not trusted.
 */
final class OfflineAudit {

    /** A problem the user can fix (missing directory, no key); reported in one line, exit 1. */
    static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message);
        }
    }

    private OfflineAudit() {
    }

    /**
     * Opens the data directory's database. {@link Database#open} creates what is missing, so a mistyped directory
     * would verify as an empty, intact log: refuse when there is no database to read.
     */
    static Database open(Path dataDir, String url) {
        if (!Files.isDirectory(dataDir)) {
            throw new Problem("no such data directory: " + dataDir);
        }
        boolean sqlite = url == null || url.isBlank();
        if (sqlite && !Files.isRegularFile(dataDir.resolve("interlock.db"))) {
            throw new Problem("no audit log in " + dataDir + " (interlock.db not found; is this the server's --data directory?)");
        }
        return Database.open(url, dataDir);
    }

    /** The keys to trust: those named with --public-key, else the data directory's own (never the database's copy). */
    static List<PublicKey> trusted(List<Path> publicKeys, Path dataDir) {
        List<PublicKey> keys = new ArrayList<>();
        for (Path p : publicKeys) {
            if (!Files.isRegularFile(p)) {
                throw new Problem("no such public key file: " + p);
            }
            keys.add(AuditKey.readPublicKey(p));
        }
        if (keys.isEmpty() && dataDir != null) {
            keys.addAll(TrustedKeys.of(dataDir));
        }
        if (keys.isEmpty()) {
            throw new Problem("no trusted public key: " + (dataDir == null ? "" : dataDir.resolve(AuditKey.PUBLIC_FILE) + " is missing; ")
                    + "give --public-key FILE (the server's " + AuditKey.PUBLIC_FILE + ")");
        }
        return keys;
    }

    /** One line a human reads at a glance: "ok: 12,345 events, 12 checkpoints verified" or "BROKEN at seq 42 (…): …". */
    static String text(Verification v) {
        if (!v.ok()) {
            return v.message().replaceFirst("^broken", "BROKEN");
        }
        if (v.eventsChecked() == 0) {
            return "ok: the audit log is empty";
        }
        String line = String.format(Locale.ROOT, "ok: %,d event%s, %,d checkpoint%s verified", v.eventsChecked(),
                v.eventsChecked() == 1 ? "" : "s", v.checkpointsChecked(), v.checkpointsChecked() == 1 ? "" : "s");
        // The verifier's caveats (unsigned tail, export not from genesis) follow its first "; ": they are the honest part.
        int caveat = v.message().indexOf("; ");
        return caveat < 0 ? line : line + v.message().substring(caveat);
    }

    /** The same fields as the server's {@code GET /v1/audit/verify}, so scripts read either. */
    static String json(Verification v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", v.ok());
        out.put("events", v.eventsChecked());
        out.put("checkpoints", v.checkpointsChecked());
        v.firstBrokenSeq().ifPresent(s -> out.put("first_broken_seq", s));
        v.breakage().ifPresent(b -> out.put("breakage", b.words()));
        out.put("message", v.message());
        try {
            return Json.MAPPER.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
