package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Helpers for {@link ServerReliabilityEndToEndTest}: real {@code ./interlock serve} processes, a small JSON-over-HTTP
 * client, and a fresh PostgreSQL database (the server module's {@code TestPostgres} is not visible from here).
 */
final class ReliabilityServers {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final List<Server> started = new ArrayList<>();

    /** One {@code ./interlock serve} process. The launcher {@code exec}s java, so the process is the server JVM. */
    record Server(Process process, Path data, Path logFile, String url) {

        String adminToken() throws IOException {
            return Files.readString(data.resolve("admin-token")).strip();
        }

        String log() {
            try {
                String text = Files.readString(logFile);
                return "server log " + logFile + ":\n" + (text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text);
            } catch (IOException e) {
                return "(no server log at " + logFile + ")";
            }
        }

        /** SIGKILL on Linux: no shutdown hook, no final checkpoint, no graceful close. */
        void killHard() throws InterruptedException {
            ProcessHandle jvm = ProcessHandle.of(process.pid()).orElseThrow(() -> new AssertionError("server process already gone\n" + log()));
            assertThat(jvm.info().command().orElse("")).as("the launcher exec'd java, so its pid is the server JVM").endsWith("java");
            jvm.destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("server JVM gone after SIGKILL").isTrue();
        }
    }

    /** Answer of one request: status and body (JSON null when the body was not JSON). */
    record Reply(int status, JsonNode body, String raw) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Makes sure the launcher has nothing to build, so that starting a server is only starting a JVM. */
    static void buildOnce() throws Exception {
        Process p = launcher("--version").redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("launcher --version within 10 minutes").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    static ProcessBuilder launcher(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("interlock").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER"));
        pb.environment().put("HOME", ROOT.resolve("interlock-cli/target").toString());
        return pb;
    }

    /** Starts {@code ./interlock serve} and waits until {@code /readyz} answers 200. */
    Server start(Path data, Path policy, String databaseUrl) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", Integer.toString(port), "--data", data.toString(), "--policy", policy.toString()));
        if (databaseUrl != null) {
            args.add("--database");
            args.add(databaseUrl);
        }
        Path log = data.resolveSibling(data.getFileName() + "-" + port + ".log");
        ProcessBuilder pb = launcher(args.toArray(String[]::new));
        pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Server server = new Server(pb.start(), data, log, "http://127.0.0.1:" + port);
        started.add(server);
        HttpClient http = client();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            assertThat(server.process().isAlive()).as("server running\n" + server.log()).isTrue();
            try {
                HttpRequest ready = HttpRequest.newBuilder(URI.create(server.url() + "/readyz")).timeout(Duration.ofSeconds(10)).build();
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return server;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("server ready within " + START_TIMEOUT + "\n" + server.log()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Stops every server still running: politely, then SIGKILL. */
    void close() throws InterruptedException {
        for (Server s : started) {
            if (s.process().isAlive()) {
                s.process().destroy();
            }
        }
        for (Server s : started) {
            if (!s.process().waitFor(20, TimeUnit.SECONDS)) {
                s.process().destroyForcibly();
                s.process().waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
    }

    static Reply get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        return send(http, HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    static Reply post(HttpClient http, String url, String token, Object body) throws IOException, InterruptedException {
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        return send(http, HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), token);
    }

    private static Reply send(HttpClient http, HttpRequest.Builder b, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException notJson) {
            body = JSON.nullNode();
        }
        return new Reply(r.statusCode(), body == null ? JSON.nullNode() : body, r.body());
    }

    /** A fresh, empty database on the PostgreSQL that {@code .ci/postgres} started; skipped locally, failed in CI, without one. */
    static String freshPostgresDatabase() {
        String admin = System.getenv("INTERLOCK_TEST_POSTGRES_URL");
        if (admin == null || admin.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("INTERLOCK_TEST_POSTGRES_URL is not set: CI must start PostgreSQL (eval \"$(bash .ci/postgres)\")");
            }
            Assumptions.abort("no PostgreSQL: run eval \"$(bash .ci/postgres)\" first");
        }
        String rest = admin.replaceFirst("^postgres(ql)?://", "");
        String user = rest.contains("@") ? rest.split("@")[0].split(":")[0] : "postgres";
        String password = rest.contains("@") && rest.split("@")[0].contains(":") ? rest.split("@")[0].split(":", 2)[1] : "";
        String jdbc = "jdbc:postgresql://" + (rest.contains("@") ? rest.substring(rest.indexOf('@') + 1) : rest);
        String name = "rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database on " + jdbc + ": " + e.getMessage(), e);
        }
        return admin.substring(0, admin.lastIndexOf('/') + 1) + name;
    }
}
