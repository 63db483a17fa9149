package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code interlock serve --mcp gateway.yaml}: the official MCP Java SDK's streamable HTTP client, with an agent token,
 * through {@code /mcp} to the real server-filesystem: an allowed write lands, a refused one never does, both are in
 * the audit log as the token's principal, and the endpoint refuses what it must (no token, a foreign Origin, an
 * unknown session, a protocol version it does not speak).
 */
class McpHttpEndpointTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static Path dir;
    static Path files;
    static Process server;
    static String url;
    static String admin;
    static String agent;

    @BeforeAll
    static void serve() throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
        dir = Files.createTempDirectory("interlock-mcp-http");
        files = Files.createDirectories(dir.resolve("files"));
        Path gateway = dir.resolve("gateway.yaml");
        Files.writeString(gateway, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  approvalWait: 2m
                  upstreams:
                    - { name: files, command: [node, "%s", "%s"], environment: dev }
                """.formatted(McpGatewayEndToEndTest.server, files));
        ServerEndToEndTest.Served served = ServerEndToEndTest.serve(dir, "--mcp", gateway.toString());
        server = served.process();
        url = served.url();
        Path data = served.data();
        admin = Files.readString(data.resolve("admin-token")).strip();
        HttpResponse<String> created = post(admin, "/v1/tokens", "{\"role\":\"agent\",\"principal\":\"alice@example.com\",\"agent\":\"cursor\"}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        agent = JSON.readTree(created.body()).get("token").asText();
    }

    @AfterAll
    static void stop() throws Exception {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    static HttpResponse<String> post(String token, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::setHeader);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSdkClientOverHttpIsDecidedAsItsTokensPrincipalAndAudited() throws Exception {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + agent)).build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build()) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("secure-filesystem-server");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("write_file", "read_text_file");

            McpSchema.CallToolResult ok = client.callTool(McpSchema.CallToolRequest.builder().name("write_file")
                    .arguments(Map.of("path", files.resolve("notes.md").toString(), "content", "over http")).build());
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(files.resolve("notes.md")).hasContent("over http");

            McpSchema.CallToolResult refused = client.callTool(McpSchema.CallToolRequest.builder().name("write_file")
                    .arguments(Map.of("path", files.resolve(".claude/settings.json").toString(), "content", "{}")).build());
            assertThat(refused.isError()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
            assertThat(files.resolve(".claude")).doesNotExist();
        }
        List<JsonNode> events = new ArrayList<>();
        JsonNode page = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url + "/v1/audit?after=0&limit=1000"))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body());
        page.get("events").forEach(events::add);
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("decision"))
                .extracting(e -> e.toString())
                .anyMatch(e -> e.contains("alice@example.com") && e.contains("notes.md"))
                .anyMatch(e -> e.contains("alice@example.com") && e.contains("settings.json") && e.contains("deny"));
        assertThat(events).extracting(e -> e.get("type").asText()).contains("execution.reported");
    }

    @Test
    void theEndpointRefusesWhatItMust() throws Exception {
        String init = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
        assertThat(post(null, "/mcp", init, Map.of()).statusCode()).isEqualTo(401);
        assertThat(post(agent, "/mcp", init, Map.of("Origin", "https://evil.example")).statusCode()).isEqualTo(403);
        assertThat(post(agent, "/mcp", init, Map.of("MCP-Protocol-Version", "1999-01-01")).statusCode()).isEqualTo(400);
        assertThat(post(agent, "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", Map.of("Mcp-Session-Id", "no-such-session")).statusCode())
                .isEqualTo(404);
        HttpResponse<String> bad = post(agent, "/mcp", "{not json", Map.of());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/error/code").asInt()).isEqualTo(-32700);

        // A session is its token's: another agent's token cannot use it; DELETE ends it.
        HttpResponse<String> opened = post(agent, "/mcp", init, Map.of("Accept", "application/json"));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(JSON.readTree(opened.body()).at("/result/serverInfo/name").asText()).isEqualTo("secure-filesystem-server");
        HttpResponse<String> created = post(admin, "/v1/tokens", "{\"role\":\"agent\",\"principal\":\"mallory@example.com\",\"agent\":\"x\"}", Map.of());
        String other = JSON.readTree(created.body()).get("token").asText();
        assertThat(post(other, "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}", Map.of("Mcp-Session-Id", session)).statusCode())
                .isEqualTo(404);
        HttpResponse<String> ended = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/mcp")).header("Authorization", "Bearer " + agent)
                .header("Mcp-Session-Id", session).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ended.statusCode()).isEqualTo(204);
        assertThat(post(agent, "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}", Map.of("Mcp-Session-Id", session)).statusCode())
                .isEqualTo(404);
    }

    /**
     * The SDK's stateless (2026-07-28) client against {@code /mcp}, with server-filesystem (a handshake-generation
     * server) upstream: the gateway answers {@code server/discover}, translates each request and its result, and
     * decides every call as for any other client.
     */
    @Test
    void theSdkStatelessClientIsServedThroughAHandshakeGenerationUpstream() throws Exception {
        var transport = io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport.builder(url + "/mcp")
                .requestCustomizer(io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer.fromSync(
                        (request, headers, context) -> headers.set("Authorization", "Bearer " + agent)))
                .build();
        var client = io.modelcontextprotocol.modern.client.McpClient.sync(transport)
                .clientInfo(io.modelcontextprotocol.modern.McpSchema.Implementation.builder("stateless-e2e", "1").build()).build();
        assertThat(client.discover().supportedVersions()).contains("2026-07-28");
        assertThat(client.listTools().list().tools()).extracting(io.modelcontextprotocol.modern.McpSchema.Tool::name).contains("write_file");

        var ok = client.tool("write_file").arguments(Map.of("path", files.resolve("stateless.md").toString(), "content", "no session")).call();
        assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(files.resolve("stateless.md")).hasContent("no session");

        var refused = client.tool("write_file").arguments(Map.of("path", files.resolve(".codex/config.toml").toString(), "content", "x")).call();
        assertThat(refused.isError()).isTrue();
        assertThat(((io.modelcontextprotocol.modern.McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
        assertThat(files.resolve(".codex")).doesNotExist();
    }

    @Test
    void aStatelessRequestWhoseHeadersDoNotMirrorItsBodyIsRefused() throws Exception {
        String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"%s\",\"io.modelcontextprotocol/clientInfo\":{\"name\":\"t\",\"version\":\"1\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}";
        String call = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"write_file\",\"arguments\":{},"
                + meta.formatted("2026-07-28") + "}}";
        HttpResponse<String> noName = post(agent, "/mcp", call, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call"));
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noName.body()).at("/error/code").asInt()).isEqualTo(-32020);
        HttpResponse<String> otherName = post(agent, "/mcp", call, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "read_text_file"));
        assertThat(JSON.readTree(otherName.body()).at("/error/code").asInt()).as("a router would see a read; the body writes").isEqualTo(-32020);
        HttpResponse<String> encoded = post(agent, "/mcp", call, Map.of("MCP-Protocol-Version", "2026-07-28", "Mcp-Method", "tools/call",
                "Mcp-Name", "=?base64?" + java.util.Base64.getEncoder().encodeToString("write_file".getBytes()) + "?="));
        assertThat(encoded.statusCode()).as(encoded.body()).isEqualTo(200);

        String future = "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{" + meta.formatted("2099-01-01") + "}}";
        HttpResponse<String> unsupported = post(agent, "/mcp", future, Map.of("MCP-Protocol-Version", "2099-01-01", "Mcp-Method", "tools/list"));
        assertThat(unsupported.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(unsupported.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32022);
        assertThat(error.at("/data/supported").toString()).contains("2026-07-28", "2025-11-25");
    }

    /**
     * Two gateways in a row: {@code interlock mcp} (stdio, for a handshake-generation client) with this server's
     * {@code /mcp} as its HTTP upstream. The first finds the second speaks the stateless generation and sends every
     * request with the headers mirroring its body, which the second checks before deciding.
     */
    @Test
    void aHeldCallStaysOpenForItsApprovalAndGoesThroughWhenApproved() throws Exception {
        HttpResponse<String> created = post(admin, "/v1/tokens", "{\"role\":\"approver\",\"principal\":\"ines@example.com\",\"groups\":[\"sre\"]}", Map.of());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reviewer = JSON.readTree(created.body()).get("token").asText();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + agent)).build();
        Path script = files.resolve("restart.sh");
        // The agent's call on a thread of its own: the common pool (one thread on two cores) is the SDK's to answer on.
        java.util.concurrent.ExecutorService agentThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(150)).build()) {
            client.initialize();
            var call = agentThread.submit(() -> client.callTool(McpSchema.CallToolRequest.builder().name("write_file")
                    .arguments(Map.of("path", script.toString(), "content", "#!/bin/sh\nkubectl --context prod-eu-1 -n payments rollout restart deployment/api\n")).build()));
            String id = null;
            for (int i = 0; i < 120 && id == null; i++) {
                JsonNode pending = JSON.readTree(get(reviewer, "/v1/approvals?state=pending").body());
                for (JsonNode a : pending.isArray() ? pending : pending.path("approvals")) {
                    if (a.at("/requester/principal").asText().equals("alice@example.com")) {
                        id = a.get("id").asText();
                    }
                }
                Thread.sleep(500);
            }
            assertThat(id).as("the held call's approval").isNotNull();
            assertThat(get(reviewer, "/v1/approvals/" + id).statusCode()).isEqualTo(200); // the reviewer reads it
            Thread.sleep(16_000); // the minimum review time
            assertThat(call).as("still held while the reviewer reads").isNotDone();
            assertThat(script).doesNotExist();
            HttpResponse<String> approved = post(reviewer, "/v1/approvals/" + id + "/approve", "{\"confirm\":\"api\",\"comment\":\"ok\"}", Map.of());
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            McpSchema.CallToolResult done = call.get(60, TimeUnit.SECONDS);
            assertThat(done.isError()).as(done.toString()).isNotEqualTo(Boolean.TRUE);
            assertThat(script).exists();
        } finally {
            agentThread.shutdownNow();
        }
    }

    static HttpResponse<String> get(String token, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGatewayReachesThisEndpointAsAStatelessUpstream(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path config = McpGatewayEndToEndTest.centralConfig(tmp, url, agent);
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(Map.of(), List.of("--config", config.toString()))) {
            g.initialize("secure-filesystem-server");
            JsonNode tools = g.call(2, "tools/list", "{}");
            assertThat(tools.at("/result/tools").findValuesAsText("name")).contains("write_file");
            assertThat(tools.at("/result/resultType").isMissingNode()).as("the stateless generation's fields are not the client's").isTrue();
            JsonNode write = g.call(3, "tools/call", "{\"name\":\"write_file\",\"arguments\":{\"path\":\"" + files.resolve("chained.md") + "\",\"content\":\"two hops\"}}");
            assertThat(write.at("/result/isError").asBoolean(false)).as(write.toString()).isFalse();
            assertThat(files.resolve("chained.md")).hasContent("two hops");
            assertThat(Files.readString(g.log)).contains("central speaks the stateless 2026-07-28 generation");
        }
    }
}
