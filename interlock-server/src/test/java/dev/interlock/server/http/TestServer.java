package dev.interlock.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.server.InterlockServer;
import dev.interlock.server.ServerConfig;
import dev.interlock.server.notify.Webhook;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A real server on a free loopback port with its own data directory, and a plain HTTP client for it. */
final class TestServer implements AutoCloseable {

    record Reply(int status, JsonNode json, String text) {
        String error() {
            return json.path("error").asText();
        }
    }

    final InterlockServer server;
    final Path data;
    final Path policyDir;
    final String adminToken;
    final String base;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    /** How long one request may take; long-polls need the default. */
    Duration requestTimeout = Duration.ofSeconds(60);

    TestServer(Path data, String databaseUrl, List<Webhook> hooks) throws IOException {
        this.data = data;
        this.policyDir = data.resolveSibling(data.getFileName() + "-policy");
        Files.createDirectories(policyDir);
        try (var in = TestServer.class.getResourceAsStream("/policies/server-test.yaml")) {
            Files.write(policyDir.resolve("server-test.yaml"), in.readAllBytes());
        }
        server = InterlockServer.start(new ServerConfig("127.0.0.1", 0, data, databaseUrl, Optional.of(policyDir), Optional.empty(),
                hooks, "", 1000, Duration.ofMillis(50)), new PrintStream(log, true, StandardCharsets.UTF_8));
        base = "http://127.0.0.1:" + server.port();
        adminToken = Files.readString(data.resolve("admin-token")).strip();
    }

    static TestServer sqlite(Path dir) throws IOException {
        return new TestServer(dir.resolve("data"), "", List.of());
    }

    /** Creates a token through the API and returns its secret. */
    String token(String role, String principal, String agent, String... groups) {
        String body = "{\"role\":\"" + role + "\",\"principal\":\"" + principal + "\",\"agent\":\"" + agent + "\",\"groups\":"
                + Json.MAPPER.valueToTree(List.of(groups)) + "}";
        Reply r = post(adminToken, "/v1/tokens", body);
        if (r.status() != 201) {
            throw new IllegalStateException("token creation failed: " + r.text());
        }
        return r.json().get("token").asText();
    }

    Reply post(String token, String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    Reply get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    Reply delete(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), token);
    }

    Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(requestTimeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(response.body());
            } catch (IOException e) {
                json = Json.MAPPER.createObjectNode();
            }
            return new Reply(response.statusCode(), json == null ? Json.MAPPER.createObjectNode() : json, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A shell request as an agent sends it. */
    static String shell(String command, String session) {
        return "{\"kind\":\"shell\",\"command\":" + Json.MAPPER.valueToTree(command) + ",\"context\":{\"cwd\":\"/srv/app\"},"
                + "\"actor\":{\"session\":\"" + session + "\"}}";
    }

    @Override
    public void close() {
        server.close();
    }
}
