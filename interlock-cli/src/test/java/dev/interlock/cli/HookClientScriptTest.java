package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server-mode hook client (a POSIX sh script around curl): the server's answer passes through; every failure blocks. */
class HookClientScriptTest {

    static final Path SCRIPT = Path.of("src/main/resources/interlock/interlock-hook-client.sh").toAbsolutePath();

    @TempDir
    Path dir;
    HttpServer server;
    final Map<String, List<String>> seen = new ConcurrentHashMap<>();
    volatile int status = 200;
    volatile String answer = "{\"hookSpecificOutput\":{\"permissionDecision\":\"deny\"}}";

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/hooks/", exchange -> {
            seen.putAll(exchange.getRequestHeaders());
            seen.put("path", List.of(exchange.getRequestURI().getPath()));
            seen.put("body", List.of(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        Files.createDirectories(dir.resolve("home/.kube"));
        Files.writeString(dir.resolve("home/.kube/config"), "apiVersion: v1\ncurrent-context: \"prod-eu-1\"\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    Result run(String url, String token, String agent) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("sh", SCRIPT.toString(), agent);
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", System.getenv("PATH"), "HOME", dir.resolve("home").toString(),
                "INTERLOCK_URL", url, "INTERLOCK_TOKEN", token, "AWS_PROFILE", "prod-admin", "INTERLOCK_HOOK_TIMEOUT", "5"));
        Process p = pb.start();
        try {
            p.getOutputStream().write("{\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}}".getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
        } catch (IOException blockedBeforeReading) {
            // the script may block (and exit) before it reads the payload
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void a200AnswerIsPrintedAsItIsWithTheAgentMachinesContextSent() throws Exception {
        Result r = run(url(), "il_tok", "claude-code");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(answer + "\n");
        assertThat(seen.get("path")).containsExactly("/v1/hooks/claude-code");
        assertThat(seen.get("body").getFirst()).contains("\"command\":\"ls\"");
        assertThat(seen.get("Authorization")).containsExactly("Bearer il_tok");
        assertThat(seen.get("X-interlock-env")).contains("AWS_PROFILE=prod-admin", "HOME=" + dir.resolve("home"));
        assertThat(seen.get("X-interlock-kubeconfig")).containsExactly("current-context=prod-eu-1");
    }

    @Test
    void a403IsABlockWithTheReasonOnStderr() throws Exception {
        status = 403;
        answer = "Interlock denied this: delete namespace payments";
        Result r = run(url(), "il_tok", "kiro");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("Interlock denied this");
    }

    @Test
    void anyOtherAnswerBlocks() throws Exception {
        status = 500;
        answer = "{\"error\":\"storage is down\"}";
        Result r = run(url(), "il_tok", "gemini");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("HTTP 500").contains("storage is down").contains("fail closed");
        status = 401;
        assertThat(run(url(), "wrong", "gemini").exit()).isEqualTo(2);
    }

    @Test
    void aServerThatIsDownBlocks() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = run("http://127.0.0.1:" + port, "il_tok", "codex");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach the Interlock server").contains("fail closed");
    }

    @Test
    void noAgentOrNoUrlBlocks() throws Exception {
        assertThat(run(url(), "t", "").exit()).isEqualTo(2);
        Result noUrl = run("", "t", "codex");
        assertThat(noUrl.exit()).isEqualTo(2);
        assertThat(noUrl.err()).contains("no Interlock server URL");
    }
}
