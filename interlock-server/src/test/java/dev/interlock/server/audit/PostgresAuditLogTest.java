package dev.interlock.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.server.audit.Verification.Breakage;
import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several servers on one PostgreSQL database: one chain, whoever appends. */
class PostgresAuditLogTest {

    @TempDir
    Path serverA;

    @TempDir
    Path serverB;

    @Test
    void twoServersAppendingConcurrentlyBuildOneGapFreeChain() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (Database a = Database.open(url, serverA); Database b = Database.open(url, serverB)) {
            try (JdbcAuditLog logA = AuditFixtures.open(a, serverA, 250); JdbcAuditLog logB = AuditFixtures.open(b, serverB, 250)) {
                Thread other = Thread.ofPlatform().start(() -> {
                    try {
                        AuditFixtures.fill(logB, 1_000, 6);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                AuditFixtures.fill(logA, 1_000, 6);
                other.join();
                assertThat(logA.head()).isEqualTo(logB.head());
                assertThat(logA.head().orElseThrow().seq()).isEqualTo(2_000);
            }
            // Each server signs with its own key; an auditor trusts both.
            AuditVerifier verifier = new AuditVerifier(List.of(
                    AuditKey.readPublicKey(serverA.resolve(AuditKey.PUBLIC_FILE)),
                    AuditKey.readPublicKey(serverB.resolve(AuditKey.PUBLIC_FILE))));
            Verification v = verifier.verify(a);
            assertThat(v.ok()).as(v.message()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(2_000);
            assertThat(v.checkpointsChecked()).isEqualTo(8);
        }
    }

    @Test
    void tamperingOnPostgresqlIsNamedToo() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (Database db = Database.open(url, serverA)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, serverA, 100)) {
                for (int i = 0; i < 120; i++) {
                    log.append("decision", Map.of("i", i, "principal", "alice"));
                }
            }
            db.transaction(c -> c.createStatement().executeUpdate("DELETE FROM audit_events WHERE seq = 77"));
            Verification v = AuditFixtures.trustedVerifier(serverA).verify(db);
            assertThat(v.firstBrokenSeq()).hasValue(77);
            assertThat(v.breakage()).contains(Breakage.ROW_DELETED);
        }
    }
}
