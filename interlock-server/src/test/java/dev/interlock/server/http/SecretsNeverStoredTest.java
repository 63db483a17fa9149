package dev.interlock.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret in a command or in the agent's environment reaches neither the audit log nor the stored decision. */
class SecretsNeverStoredTest {

    static final String KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String PASSWORD = "hunter2-very-secret";

    @Test
    void secretsAreRedactedBeforeStorage(@TempDir Path dir) throws Exception {
        try (TestServer s = TestServer.sqlite(dir)) {
            String agent = s.token("agent", "alice@example.com", "claude-code");
            String body = "{\"kind\":\"shell\",\"command\":\"psql postgres://app:" + PASSWORD + "@db.dev.internal/app -c 'select 1'\","
                    + "\"context\":{\"cwd\":\"/srv/app\",\"env\":{\"AWS_SECRET_ACCESS_KEY\":\"" + KEY + "\",\"AWS_PROFILE\":\"dev\"}},"
                    + "\"actor\":{\"session\":\"sec\"}}";
            TestServer.Reply r = s.post(agent, "/v1/decisions", body);
            assertThat(r.status()).isEqualTo(200);
            String clean = s.post(agent, "/v1/decisions", TestServer.shell("git status", "sec")).json().get("decision_id").asText();
            assertThat(clean).isNotEmpty();
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + s.data.resolve("interlock.db"))) {
                StringBuilder all = new StringBuilder();
                for (String sql : new String[] {"SELECT body FROM audit_events", "SELECT body FROM decisions"}) {
                    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                        while (rs.next()) {
                            all.append(rs.getString(1)).append('\n');
                        }
                    }
                }
                assertThat(all.toString()).doesNotContain(KEY).doesNotContain(PASSWORD).contains("db.dev.internal").contains("git status");
            }
        }
    }
}
