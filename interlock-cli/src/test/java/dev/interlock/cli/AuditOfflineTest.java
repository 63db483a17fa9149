package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.server.audit.AuditKey;
import dev.interlock.server.audit.JdbcAuditLog;
import dev.interlock.server.audit.Redactor;
import dev.interlock.server.storage.Database;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock audit verify|export} offline: a real data directory written by the real audit log, verified, then
 * tampered with plain SQL as an intruder with file access would, and exported and verified against the public key.
 */
class AuditOfflineTest {

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Seven events, checkpoints every three (so two are signed and the tail after seq 6 is not yet). */
    static Path dataDir(Path dir) {
        try (Database db = Database.open("", dir);
             JdbcAuditLog log = new JdbcAuditLog(db, AuditKey.loadOrCreate(dir), JdbcAuditLog.Settings.defaults().withCheckpointEvery(3),
                     Clock.systemUTC(), Redactor.standard())) {
            for (int i = 1; i <= 7; i++) {
                log.append("demo.event", Map.of("note", "event number " + i));
            }
        }
        return dir;
    }

    @Test
    void anIntactDataDirectoryVerifiesOffline(@TempDir Path dir) throws Exception {
        dataDir(dir);
        Result r = cli("audit", "verify", "--data", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("ok: ").contains(" events, ").contains("checkpoints verified").doesNotContain("\n\n");
        assertThat(r.out().strip()).doesNotContain("\n");

        Result json = cli("audit", "verify", "--data", dir.toString(), "--format", "json");
        JsonNode v = new ObjectMapper().readTree(json.out());
        assertThat(v.get("ok").asBoolean()).isTrue();
        assertThat(v.get("events").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(v.get("checkpoints").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anEditedBodyIsNamedBySeqAndExitsOne(@TempDir Path dir) throws Exception {
        dataDir(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("interlock.db"));
             Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE audit_events SET body = replace(body, 'event number', 'EVENT NUMBER')"
                    + " WHERE seq = (SELECT seq FROM audit_events WHERE body LIKE '%event number 4%')")).isEqualTo(1);
        }
        long seq;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("interlock.db"));
             var rs = c.createStatement().executeQuery("SELECT seq FROM audit_events WHERE body LIKE '%EVENT NUMBER 4%'")) {
            seq = rs.getLong(1);
        }
        Result r = cli("audit", "verify", "--data", dir.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("BROKEN at seq " + seq + " (body edited)");

        Result json = cli("audit", "verify", "--data", dir.toString(), "--format", "json");
        assertThat(json.exit()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(json.out()).get("first_broken_seq").asLong()).isEqualTo(seq);
    }

    @Test
    void anExportVerifiesWithThePublicKeyAndNotWithAnother(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        dataDir(data);
        Path export = dir.resolve("audit.jsonl");
        Result e = cli("audit", "export", "--data", data.toString(), "--since", "1h", "--out", export.toString());
        assertThat(e.exit()).as(e.err()).isZero();
        assertThat(e.err()).contains("exported ").contains(" events to " + export);
        assertThat(Files.readAllLines(export)).hasSizeGreaterThanOrEqualTo(7);

        Path pub = data.resolve(AuditKey.PUBLIC_FILE);
        Result ok = cli("audit", "verify", "--file", export.toString(), "--public-key", pub.toString());
        assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
        assertThat(ok.out()).startsWith("ok: ");

        // A key the auditor did not get from this server: the signed checkpoints must not verify.
        Path other = Files.createDirectories(dir.resolve("other"));
        AuditKey.loadOrCreate(other);
        Result foreign = cli("audit", "verify", "--file", export.toString(), "--public-key", other.resolve(AuditKey.PUBLIC_FILE).toString());
        assertThat(foreign.exit()).isEqualTo(1);
        assertThat(foreign.out()).startsWith("BROKEN at seq ").contains("bad checkpoint signature");
    }

    @Test
    void sourcesAreExclusiveAndMistakesAreOneLine(@TempDir Path dir) {
        Result both = cli("audit", "verify", "--data", dir.toString(), "--server", "http://127.0.0.1:1");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("exactly one of --server URL (online), --data DIR (offline) or --file FILE");
        Result noKey = cli("audit", "verify", "--file", dir.resolve("x.jsonl").toString());
        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("--file needs --public-key");
        Result missing = cli("audit", "verify", "--data", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err().strip()).isEqualTo("interlock: no such data directory: " + dir.resolve("nope"));
        Result empty = cli("audit", "verify", "--data", dir.toString());
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.err()).contains("no audit log in " + dir).doesNotContain("\n\tat ");
        assertThat(dir.resolve("interlock.db")).doesNotExist();
    }
}
