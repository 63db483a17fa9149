package dev.interlock.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.CanonicalJson;
import dev.interlock.json.Json;
import dev.interlock.server.storage.Database;
import dev.interlock.server.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAuditLogTest {

    @TempDir
    Path dir;

    @Test
    void appendsReadsAndReportsTheHead() throws Exception {
        try (Database db = Database.open("", dir); JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            assertThat(log.head()).isEmpty();
            AuditEvent first = log.append("decision", Map.of("effect", "deny", "command", "rm -rf /"));
            AuditEvent second = log.append("approval.requested", Map.of("id", "a1"));

            assertThat(first.seq()).isEqualTo(1);
            assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(second.seq()).isEqualTo(2);
            assertThat(second.prevHash()).isEqualTo(first.hash());
            assertThat(log.head()).contains(second);
            assertThat(log.read(0, 10)).containsExactly(first, second);
            assertThat(log.read(1, 10)).containsExactly(second);
            assertThat(log.read(0, 1)).containsExactly(first);

            // The documented formula, recomputed by hand.
            String body = CanonicalJson.write(Map.of("seq", 1, "at", first.at().toString(), "type", "decision",
                    "data", Map.of("effect", "deny", "command", "rm -rf /")));
            assertThat(first.body()).isEqualTo(body);
            assertThat(first.hash()).isEqualTo(dev.interlock.decision.Fingerprint.sha256("0".repeat(64) + body));
        }
    }

    @Test
    void secretsAreRedactedBeforeTheyAreHashedAndStored() throws Exception {
        try (Database db = Database.open("", dir); JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            AuditEvent e = log.append("decision", Map.of("command", "PGPASSWORD=hunter2 psql -h db"));
            JsonNode body = Json.MAPPER.readTree(log.read(0, 1).getFirst().body());
            assertThat(body.path("data").path("command").asText()).isEqualTo("PGPASSWORD=[REDACTED] psql -h db");
            assertThat(e.body()).doesNotContain("hunter2");
        }
    }

    @Test
    void aChainOfTenThousandEventsVerifiesWithCheckpoints() throws Exception {
        try (Database db = Database.open("", dir)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
                AuditFixtures.fill(log, 10_000, 16);
            }
            Verification v = AuditFixtures.trustedVerifier(dir).verify(db);
            assertThat(v.ok()).as(v.message()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(10_000);
            assertThat(v.checkpointsChecked()).isEqualTo(10);
            assertThat(new AuditReader(db).checkpoints(0)).extracting(AuditCheckpoint::seq)
                    .containsExactly(1000L, 2000L, 3000L, 4000L, 5000L, 6000L, 7000L, 8000L, 9000L, 10000L);
        }
    }

    @Test
    void concurrentAppendsFromEightThreadsMakeOneGapFreeChain() throws Exception {
        try (Database db = Database.open("", dir)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, dir, 100)) {
                AuditFixtures.fill(log, 2_000, 8);
                assertThat(log.head().orElseThrow().seq()).isEqualTo(2_000);
            }
            Verification v = AuditFixtures.trustedVerifier(dir).verify(db);
            assertThat(v.ok()).as(v.message()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(2_000);
        }
    }

    @Test
    void twoLogsOnOneSqliteFileShareTheChain() throws Exception {
        // Two pools on one file stand for two processes: BEGIN IMMEDIATE serialises their head reads.
        try (Database a = Database.open("", dir); Database b = Database.open("", dir)) {
            try (JdbcAuditLog logA = AuditFixtures.open(a, dir, 100); JdbcAuditLog logB = AuditFixtures.open(b, dir, 100)) {
                Thread other = Thread.ofPlatform().start(() -> {
                    try {
                        AuditFixtures.fill(logB, 500, 4);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                AuditFixtures.fill(logA, 500, 4);
                other.join();
            }
            Verification v = AuditFixtures.trustedVerifier(dir).verify(a);
            assertThat(v.ok()).as(v.message()).isTrue();
            assertThat(v.eventsChecked()).isEqualTo(1_000);
        }
    }

    @Test
    void anEventNoOneWaitsForSharesTheNextCommitOrIsWrittenAlone() throws Exception {
        try (Database db = Database.open("", dir)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
                var outcome = log.appendSoon("execution.reported", Map.of("decision_id", "d1"), null);
                AuditEvent next = log.append("decision", Map.of("effect", "allow"));
                AuditEvent reported = outcome.get(5, java.util.concurrent.TimeUnit.SECONDS);
                // queued first, chained first (normally in the decision's transaction: the writer waited for it)
                assertThat(reported.seq()).isEqualTo(1);
                assertThat(next.seq()).isEqualTo(2);
                assertThat(next.prevHash()).isEqualTo(reported.hash());

                AuditEvent alone = log.appendSoon("execution.reported", Map.of("decision_id", "d2"), null)
                        .get(5, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(alone.seq()).isEqualTo(3);
                log.appendSoon("execution.reported", Map.of("decision_id", "d3"), null);
            }
            // closing waits for what was queued
            assertThat(new AuditReader(db).head().orElseThrow().seq()).isEqualTo(4);
            Verification v = AuditFixtures.trustedVerifier(dir).verify(db);
            assertThat(v.ok()).as(v.message()).isTrue();
        }
    }

    @Test
    void aClosedLogRefusesToAppendAndSignsItsHead() throws Exception {
        try (Database db = Database.open("", dir)) {
            JdbcAuditLog log = AuditFixtures.open(db, dir, 1000);
            log.append("policy.loaded", Map.of("version", "v1"));
            log.append("policy.loaded", Map.of("version", "v2"));
            log.close();
            assertThatThrownBy(() -> log.append("decision", Map.of()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("closed");
            assertThat(new AuditReader(db).checkpoints(0)).singleElement()
                    .satisfies(c -> assertThat(c.seq()).isEqualTo(2));
        }
    }

    @Test
    void aFailedBatchFailsItsCallers() throws Exception {
        Database db = Database.open("", dir);
        try (JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            log.append("decision", Map.of());
            db.close();
            assertThatThrownBy(() -> log.append("decision", Map.of("command", "ls")))
                    .isInstanceOf(StorageException.class);
        } catch (StorageException closingWithoutDatabase) {
            // close() cannot sign the head without its database; what matters is that append failed closed.
        }
    }

    @Test
    void theKeyIsCreatedOwnerOnlyAndReloaded() {
        AuditKey created = AuditKey.loadOrCreate(dir);
        AuditKey loaded = AuditKey.loadOrCreate(dir);
        assertThat(loaded.keyId()).isEqualTo(created.keyId()).hasSize(16);
        assertThat(AuditKey.readPublicKey(dir.resolve(AuditKey.PUBLIC_FILE))).isEqualTo(created.publicKey());
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(AuditKey.PRIVATE_FILE))))
                        .isEqualTo("rw-------");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String signature = created.sign("7:abc");
        assertThat(AuditKey.verifies(loaded.publicKey(), "7:abc", signature)).isTrue();
        assertThat(AuditKey.verifies(loaded.publicKey(), "8:abc", signature)).isFalse();
        assertThat(List.of(dir.resolve(AuditKey.PUBLIC_FILE), dir.resolve(AuditKey.PRIVATE_FILE))).allMatch(Files::exists);
    }
}
