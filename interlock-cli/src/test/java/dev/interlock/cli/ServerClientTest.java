package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerClientTest {

    @Test
    void errorBodiesBecomeTheServersOwnMessage() {
        assertThatThrownBy(() -> ServerClient.answer(409, "{\"error\":\"this approval needs 12 more seconds of review\",\"status\":409}"))
                .isInstanceOf(ServerClient.ServerException.class)
                .hasMessage("this approval needs 12 more seconds of review (HTTP 409)")
                .satisfies(e -> assertThat(((ServerClient.ServerException) e).status()).isEqualTo(409));
        assertThatThrownBy(() -> ServerClient.answer(502, "<html>Bad Gateway</html>")).hasMessage("the server answered HTTP 502: <html>Bad Gateway</html>");
        assertThatThrownBy(() -> ServerClient.answer(200, "not json")).hasMessageContaining("not JSON");
        assertThat(ServerClient.answer(200, "{\"ok\":true}").get("ok").asBoolean()).isTrue();
        assertThat(ServerClient.answer(204, "").isEmpty()).isTrue();
    }

    @Test
    void aServerThatIsNotThereIsNamedWithWhatToDo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ServerClient client = new ServerClient("http://127.0.0.1:" + port, "");
        assertThatThrownBy(() -> client.get("/v1/approvals"))
                .hasMessage("cannot reach the Interlock server at http://127.0.0.1:" + port + ": connection refused (is `interlock serve` running?)");
        assertThatThrownBy(() -> new ServerClient("localhost:8470", "")).hasMessageContaining("must look like http://HOST:PORT");
    }

    @Test
    void flagsWinOverTheEnvironment() {
        ServerOptions o = new ServerOptions();
        o.env = Map.of();
        assertThat(o.named()).isFalse();
        assertThat(o.url()).isEqualTo("http://127.0.0.1:8470");
        assertThat(o.token()).isEmpty();
        o.env = Map.of("INTERLOCK_URL", "http://interlock:8470", "INTERLOCK_TOKEN", "il_env");
        assertThat(o.named()).isTrue();
        assertThat(o.url()).isEqualTo("http://interlock:8470");
        assertThat(o.token()).isEqualTo("il_env");
        o.server = "http://other:1";
        o.token = "il_flag";
        assertThat(o.url()).isEqualTo("http://other:1");
        assertThat(o.token()).isEqualTo("il_flag");
        o.token = null;
        o.tokenFile = java.nio.file.Path.of("/nonexistent/token");
        assertThatThrownBy(o::token).hasMessage("cannot read the token file /nonexistent/token: no such file");
    }
}
