package dev.interlock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.server.audit.AuditVerifier;
import dev.interlock.server.audit.TrustedKeys;
import dev.interlock.server.audit.Verification;
import dev.interlock.server.storage.Database;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping drains: every answer that left was recorded, and the final checkpoint signs the head. */
class GracefulStopTest {

    @Test
    void stoppingUnderLoadLosesNothingAndSignsTheHead(@TempDir Path dir) throws Exception {
        TestServer s = TestServer.sqlite(dir);
        String agent = s.token("agent", "alice@example.com", "claude-code");
        // A request sent on a kept-alive connection in the instant the server closes it gets no answer; don't wait long.
        s.requestTimeout = java.time.Duration.ofSeconds(5);
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            clients.execute(() -> {
                for (int i = 0; !stop.get(); i++) {
                    try {
                        TestServer.Reply r = s.post(agent, "/v1/decisions", TestServer.shell("git status # " + thread + "-" + i, "stop-" + thread));
                        statuses.add(r.status());
                        if (r.status() == 200) {
                            answered.add(r.json().get("decision_id").asText());
                        }
                    } catch (UncheckedIOException e) {
                        return; // the server has stopped listening
                    }
                }
            });
        }
        // Stop once the load is flowing, however slow this machine is today (no fixed time: a loaded CI host warms slowly).
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120); answered.size() <= 20 && System.nanoTime() < deadline; ) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        s.close();
        stop.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(answered).hasSizeGreaterThan(20);
        assertThat(statuses).allMatch(code -> code == 200 || code == 503);
        Path data = s.data;
        try (Database db = Database.open("", data)) {
            long stored = db.transaction(c -> {
                long n = 0;
                for (String id : answered) {
                    try (var ps = c.prepareStatement("SELECT 1 FROM decisions WHERE decision_id = ?")) {
                        ps.setString(1, id);
                        try (ResultSet rs = ps.executeQuery()) {
                            n += rs.next() ? 1 : 0;
                        }
                    }
                }
                return n;
            });
            assertThat(stored).isEqualTo(answered.size());
            Verification v = new AuditVerifier(TrustedKeys.of(data)).verify(db);
            assertThat(v.ok()).as(v.message()).isTrue();
            long head = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT max(seq) FROM audit_events")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            long signed = db.transaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT max(seq) FROM audit_checkpoints")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(signed).as("the final checkpoint signs the head").isEqualTo(head);
        }
    }
}
