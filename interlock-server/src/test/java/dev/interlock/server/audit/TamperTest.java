package dev.interlock.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.server.audit.Verification.Breakage;
import dev.interlock.server.storage.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Connection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way an attacker with write access to the database file could rewrite history, done with plain SQL; the
 * verifier must name the first broken link and what is wrong with it.
 */
class TamperTest {

    @TempDir
    Path dir;

    /** 2,600 events; checkpoints at 1000, 2000 and (on close) 2600. */
    @BeforeEach
    void record() throws Exception {
        try (Database db = Database.open("", dir); JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            AuditFixtures.fill(log, 2_600, 16);
        }
        assertThat(verify().ok()).as(verify().message()).isTrue();
    }

    private Verification verify() {
        try (Database db = Database.open("", dir)) {
            return AuditFixtures.trustedVerifier(dir).verify(db);
        }
    }

    private static void assertBroken(Verification v, long seq, Breakage kind, String... words) {
        assertThat(v.ok()).as(v.message()).isFalse();
        assertThat(v.firstBrokenSeq()).hasValue(seq);
        assertThat(v.breakage()).contains(kind);
        assertThat(v.message()).contains("seq " + seq, kind.words()).contains(words);
    }

    @Test
    void anEditedBodyIsAHashMismatch() throws Exception {
        AuditFixtures.sql(dir, "UPDATE audit_events SET body = replace(body, 'alice', 'mallory') WHERE seq = 42");
        assertBroken(verify(), 42, Breakage.BODY_EDITED, "SHA-256(prev_hash + body)");
    }

    @Test
    void anEditedBodyWithItsHashRecomputedBreaksTheNextLink() throws Exception {
        try (Connection c = AuditFixtures.raw(dir)) {
            String prev;
            String body;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT prev_hash, body FROM audit_events WHERE seq = 42")) {
                rs.next();
                prev = rs.getString(1);
                body = rs.getString(2).replace("alice", "mallory");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_events SET body = ?, hash = ? WHERE seq = 42")) {
                ps.setString(1, body);
                ps.setString(2, AuditChain.hash(prev, body));
                ps.executeUpdate();
            }
        }
        assertBroken(verify(), 43, Breakage.PREV_HASH_MISMATCH, "seq 42 was rewritten");
    }

    @Test
    void aDeletedRowIsAGap() throws Exception {
        AuditFixtures.sql(dir, "DELETE FROM audit_events WHERE seq = 42");
        assertBroken(verify(), 42, Breakage.ROW_DELETED, "seq 41 is followed by seq 43");
    }

    @Test
    void aDeletedFirstRowIsAGapToo() throws Exception {
        AuditFixtures.sql(dir, "DELETE FROM audit_events WHERE seq <= 3");
        assertBroken(verify(), 1, Breakage.ROW_DELETED, "the log starts at seq 4");
    }

    @Test
    void swappedRowsAreNamed() throws Exception {
        AuditFixtures.sql(dir,
                "CREATE TABLE keep AS SELECT seq, body, hash FROM audit_events WHERE seq IN (10, 20)",
                "UPDATE audit_events SET body = (SELECT body FROM keep WHERE seq = 20), hash = (SELECT hash FROM keep WHERE seq = 20) WHERE seq = 10",
                "UPDATE audit_events SET body = (SELECT body FROM keep WHERE seq = 10), hash = (SELECT hash FROM keep WHERE seq = 10) WHERE seq = 20");
        assertBroken(verify(), 10, Breakage.ROW_MOVED, "row seq 10 holds the body of seq 20");
    }

    @Test
    void aCutTailIsNoticedFromTheLastCheckpoint() throws Exception {
        AuditFixtures.sql(dir, "DELETE FROM audit_events WHERE seq > 2500");
        assertBroken(verify(), 2501, Breakage.TRUNCATED, "signed seq 2600", "ends at seq 2500");
    }

    @Test
    void aCutTailWithoutItsCheckpointIsNoticedFromTheOneBefore() throws Exception {
        AuditFixtures.sql(dir, "DELETE FROM audit_events WHERE seq > 1500", "DELETE FROM audit_checkpoints WHERE seq = 2600");
        assertBroken(verify(), 1501, Breakage.TRUNCATED, "signed seq 2000");
    }

    @Test
    void aCutAndRewrittenTailContradictsTheSignedHead() throws Exception {
        AuditFixtures.sql(dir, "DELETE FROM audit_events WHERE seq > 1500");
        try (Database db = Database.open("", dir); JdbcAuditLog log = AuditFixtures.open(db, dir, 1000)) {
            AuditFixtures.fill(log, 600, 4);
        }
        assertBroken(verify(), 2000, Breakage.CHECKPOINT_MISMATCH, "signs head hash");
    }

    @Test
    void aCheckpointResignedWithAnAttackersKeyIsRejected() throws Exception {
        AuditKey attacker = AuditKey.generate();
        try (Connection c = AuditFixtures.raw(dir);
             PreparedStatement ps = c.prepareStatement(
                     "UPDATE audit_checkpoints SET key_id = ?, public_key = ?, signature = ? WHERE seq = 1000")) {
            String head;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT head_hash FROM audit_checkpoints WHERE seq = 1000")) {
                rs.next();
                head = rs.getString(1);
            }
            ps.setString(1, attacker.keyId());
            ps.setString(2, attacker.publicKeyBase64());
            ps.setString(3, attacker.sign(AuditChain.signedText(1000, head)));
            ps.executeUpdate();
        }
        assertBroken(verify(), 1000, Breakage.BAD_SIGNATURE, attacker.keyId(), "not trusted");
    }

    @Test
    void editsBeforeTheFirstCheckpointAreFoundBeforeTheCheckpoint() throws Exception {
        AuditFixtures.sql(dir, "UPDATE audit_events SET type = 'policy.loaded' WHERE seq = 7");
        assertBroken(verify(), 7, Breakage.COLUMNS_EDITED, "differ from its hashed body");
    }
}
