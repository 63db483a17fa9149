package dev.interlock.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.server.audit.Verification.Breakage;
import dev.interlock.server.storage.Database;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditExportTest {

    @TempDir
    Path dir;

    @TempDir
    Path auditor;

    private Path exportAll(int events) throws Exception {
        Path file = auditor.resolve("audit.jsonl");
        try (Database db = Database.open("", dir)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, dir, 100)) {
                AuditFixtures.fill(log, events, 8);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                assertThat(AuditExport.write(db, Instant.EPOCH, out)).isEqualTo(events);
            }
        }
        // The auditor keeps their own copy of the public key, away from the server.
        Files.copy(dir.resolve(AuditKey.PUBLIC_FILE), auditor.resolve("server.pub"));
        return file;
    }

    private List<PublicKey> auditorKey() {
        return List.of(AuditKey.readPublicKey(auditor.resolve("server.pub")));
    }

    @Test
    void anExportVerifiesOfflineWithThePublicKeyFile() throws Exception {
        Path file = exportAll(350);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(350 + 4);
        assertThat(lines.getFirst()).startsWith("{\"at\":").contains("\"prev_hash\":\"" + "0".repeat(64) + "\"", "\"seq\":1,");
        assertThat(lines.get(100)).startsWith("{\"checkpoint\":{").contains("\"seq\":100,");

        Verification v = AuditExport.verify(file, auditorKey());
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(350);
        assertThat(v.checkpointsChecked()).isEqualTo(4);
    }

    @Test
    void anEditedExportFails() throws Exception {
        Path file = exportAll(350);
        List<String> lines = Files.readAllLines(file);
        int index = 49; // seq 50: no checkpoint line comes before it
        lines.set(index, lines.get(index).replace("alice", "mallory"));
        Files.write(file, lines);
        assertThat(lines.get(index)).contains("mallory");

        Verification v = AuditExport.verify(file, auditorKey());
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBrokenSeq()).hasValue(50);
        assertThat(v.breakage()).contains(Breakage.BODY_EDITED);
    }

    @Test
    void anExportWithItsLastLinesRemovedFails() throws Exception {
        Path file = exportAll(350);
        List<String> lines = Files.readAllLines(file);
        // Keep the final checkpoint line (seq 350) but drop the events before it.
        List<String> cut = new java.util.ArrayList<>(lines.subList(0, 300 + 3));
        cut.add(lines.getLast());
        Files.write(file, cut);

        Verification v = AuditExport.verify(file, auditorKey());
        assertThat(v.breakage()).contains(Breakage.TRUNCATED);
        assertThat(v.firstBrokenSeq()).hasValue(301);
    }

    @Test
    void anExportVerifiedWithAnotherKeyFails() throws Exception {
        Path file = exportAll(150);
        Verification v = AuditExport.verify(file, List.of(AuditKey.generate().publicKey()));
        assertThat(v.breakage()).contains(Breakage.BAD_SIGNATURE);
        assertThat(v.firstBrokenSeq()).hasValue(100);
    }

    @Test
    void anExportSinceATimeStartsAtThatEventAndStillVerifies() throws Exception {
        Path file = auditor.resolve("since.jsonl");
        Instant cut;
        try (Database db = Database.open("", dir)) {
            try (JdbcAuditLog log = AuditFixtures.open(db, dir, 10)) {
                AuditFixtures.fill(log, 25, 1);
                Thread.sleep(5);
                cut = Instant.now();
                Thread.sleep(5);
                for (int i = 0; i < 15; i++) {
                    log.append("decision", Map.of("i", i));
                }
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                assertThat(AuditExport.write(db, cut, out)).isEqualTo(15);
            }
        }
        Verification v = AuditExport.verify(file, List.of(AuditKey.readPublicKey(dir.resolve(AuditKey.PUBLIC_FILE))));
        assertThat(v.ok()).as(v.message()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(15);
        assertThat(v.message()).contains("starts at seq 26");
    }

    @Test
    void aLineThatIsNotJsonIsNamed() throws Exception {
        Path file = exportAll(20);
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(5, "{not json");
        Files.write(file, lines);
        Verification v = AuditExport.verify(file, auditorKey());
        assertThat(v.breakage()).contains(Breakage.MALFORMED);
        assertThat(v.message()).contains("audit.jsonl:6");
    }
}
