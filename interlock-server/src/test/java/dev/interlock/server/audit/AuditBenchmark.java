package dev.interlock.server.audit;

import dev.interlock.server.storage.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Not a test: measures group-commit throughput on SQLite and how long verifying a large chain takes. Timings make
 * flaky assertions on a shared machine, so they are printed, not asserted. Run (after {@code mvn test-compile}):
 * <pre>
 *   cd interlock-server
 *   mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.interlock.server.audit.AuditBenchmark [appends] [threads] [verify-events]
 * </pre>
 */
public final class AuditBenchmark {

    public static void main(String[] args) throws Exception {
        int appends = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int verifyEvents = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        // A fourth argument keeps the generated data directory there, for timing `interlock audit verify --data DIR`.
        Path keep = args.length > 3 ? Path.of(args[3]) : null;
        if (appends > 0) {
            appendThroughput(appends, threads);
        }
        verifyTime(verifyEvents, keep);
    }

    private static void appendThroughput(int n, int threads) throws Exception {
        Path dir = Files.createTempDirectory("audit-bench");
        try (Database db = Database.open("", dir); JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            AuditFixtures.fill(log, 2_000, threads); // warm-up: JIT, pool, page cache
            long start = System.nanoTime();
            AuditFixtures.fill(log, n, threads);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("SQLite (WAL, synchronous=FULL): %d appends from %d threads in %.2f s = %.0f appends/s%n",
                    n, threads, seconds, n / seconds);
        }
    }

    /** About the size and shape of a real decision event (≈1 KB). */
    private static Map<String, Object> decision(long seq) {
        return Map.of("decision_id", "00000000-0000-0000-0000-" + String.format("%012d", seq), "effect", "allow", "risk", "low",
                "summary", "read pods (kubernetes, prod)",
                "actor", Map.of("principal", "alice@example.com", "agent", "claude-code", "session", "s" + (seq % 200), "token", "tok_0123456789abcdef"),
                "request", Map.of("kind", "shell", "input", "kubectl --context prod-eu-1 -n team-" + (seq % 50) + " get pods",
                        "context", Map.of("cwd", "/srv/app", "environment", "", "env", Map.of(), "target", "")),
                "fingerprint", "sha256:" + "0123456789abcdef".repeat(4),
                "operations", List.of(Map.of("system", "kubernetes", "verb", "read", "address", "kubernetes:team-" + (seq % 50) + "/pod/",
                        "environment", "prod", "environment_source", "context 'prod-eu-1' matches default inventory pattern '*prod*' (prod)",
                        "scope", "many", "confidence", "exact", "risk", "low")),
                "rules", List.of(Map.of("id", "default:prod/low", "policy", "defaults", "effect", "allow", "enforcement", "enforce",
                        "operation", 0, "message", "no rule matched; the prod default for low risk is allow")),
                "policy_version", "sha256:4df09a6d9bb3f41e");
    }

    /** Writes a valid chain straight into the table (appending a million through the log would take minutes). */
    private static void verifyTime(int n, Path keep) throws Exception {
        Path dir = keep != null ? Files.createDirectories(keep) : Files.createTempDirectory("audit-verify");
        AuditKey key = AuditKey.loadOrCreate(dir);
        try (Database db = Database.open("", dir)) {
            db.transaction(c -> {
                String prev = AuditChain.GENESIS;
                Instant at = Instant.parse("2026-01-01T00:00:00Z");
                try (PreparedStatement ev = c.prepareStatement("INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?)");
                     PreparedStatement cp = c.prepareStatement("INSERT INTO audit_checkpoints VALUES (?, ?, ?, ?, ?, ?)")) {
                    for (long seq = 1; seq <= n; seq++) {
                        String body = AuditChain.body(seq, at, "decision", decision(seq));
                        String hash = AuditChain.hash(prev, body);
                        ev.setLong(1, seq);
                        ev.setLong(2, at.toEpochMilli());
                        ev.setString(3, "decision");
                        ev.setString(4, body);
                        ev.setString(5, prev);
                        ev.setString(6, hash);
                        ev.addBatch();
                        if (seq % 1000 == 0) {
                            ev.executeBatch();
                            cp.setLong(1, seq);
                            cp.setLong(2, at.toEpochMilli());
                            cp.setString(3, hash);
                            cp.setString(4, key.keyId());
                            cp.setString(5, key.publicKeyBase64());
                            cp.setString(6, key.sign(AuditChain.signedText(seq, hash)));
                            cp.executeUpdate();
                        }
                        prev = hash;
                    }
                    ev.executeBatch();
                }
                return null;
            });
            System.gc();
            long start = System.nanoTime();
            Verification v = new AuditVerifier(List.of(key.publicKey())).verify(db);
            double seconds = (System.nanoTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf("verify: %d events, %d checkpoints in %.2f s (ok=%s; heap in use after: %d MB, max %d MB)%n  %s%n",
                    v.eventsChecked(), v.checkpointsChecked(), seconds, v.ok(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, v.message());
        }
    }
}
