package dev.interlock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.server.storage.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When storage goes away, decisions are denied with the cause and readiness goes red; nothing is silently allowed. */
class FailClosedTest {

    @Test
    void storageLossDeniesEverythingAndTurnsReadinessRed(@TempDir Path dir) throws Exception {
        String url = TestPostgres.freshDatabase();
        try (TestServer s = new TestServer(dir.resolve("data"), url, List.of())) {
            String agent = s.token("agent", "alice@example.com", "claude-code");
            assertThat(s.post(agent, "/v1/decisions", TestServer.shell("ls -la", "f")).json().get("effect").asText()).isEqualTo("allow");

            drop(url);

            TestServer.Reply denied = s.post(agent, "/v1/decisions", TestServer.shell("ls -la", "f"));
            assertThat(denied.status()).isEqualTo(503);
            assertThat(denied.json().get("effect").asText()).isEqualTo("deny");
            assertThat(denied.json().get("summary").asText()).contains("storage unavailable");
            assertThat(denied.json().get("rules").get(0).get("id").asText()).isEqualTo("invariant:fail-closed");
            assertThat(s.get(agent, "/v1/approvals").status()).isEqualTo(503);
            TestServer.Reply ready = s.get(null, "/readyz");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("ready").asBoolean()).isFalse();
        }
    }

    private static void drop(String url) throws Exception {
        String admin = TestPostgres.adminUrl();
        String name = url.substring(url.lastIndexOf('/') + 1);
        String jdbc = admin.replaceFirst("^postgres(ql)?://([^@/]*@)?", "jdbc:postgresql://");
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "")) {
            c.createStatement().execute("DROP DATABASE " + name + " WITH (FORCE)");
        }
    }
}
