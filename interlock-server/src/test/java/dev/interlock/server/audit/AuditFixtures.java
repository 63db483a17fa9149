package dev.interlock.server.audit;

import dev.interlock.server.storage.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Shared set-up for the audit tests: a data directory with a log in it, filled from many threads. */
final class AuditFixtures {

    private AuditFixtures() {
    }

    static JdbcAuditLog open(Database db, Path dataDir, int checkpointEvery) {
        return new JdbcAuditLog(db, AuditKey.loadOrCreate(dataDir),
                JdbcAuditLog.Settings.defaults().withCheckpointEvery(checkpointEvery), java.time.Clock.systemUTC(),
                Redactor.standard());
    }

    /** Appends {@code n} events from {@code threads} threads (so that batches, not fsyncs, set the pace). */
    static void fill(AuditLog log, int n, int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < n) {
                        log.append("decision", Map.of("thread", thread, "i", i, "principal", "alice",
                                "command", "kubectl delete pod web-" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    static AuditVerifier trustedVerifier(Path dataDir) {
        return new AuditVerifier(List.of(AuditKey.readPublicKey(dataDir.resolve(AuditKey.PUBLIC_FILE))));
    }

    /** A plain JDBC connection to the SQLite file, as an attacker with file access would have. */
    static Connection raw(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("interlock.db").toAbsolutePath());
    }

    static void sql(Path dataDir, String... statements) throws SQLException {
        try (Connection c = raw(dataDir)) {
            for (String s : statements) {
                c.createStatement().executeUpdate(s);
            }
        }
    }
}
