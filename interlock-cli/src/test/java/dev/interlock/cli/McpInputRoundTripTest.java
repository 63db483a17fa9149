package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server's requests for input while a tool runs — sampling and elicitation, from the real server-everything —
 * reach the agent's own client through {@code interlock serve --mcp} and its answers reach the server: a handshake
 * client over a session's event streams, and a stateless (2026-07-28) client as {@code input_required} rounds.
 */
class McpInputRoundTripTest {

    static Process server;
    static Path notes;
    static Path policy;
    static String url;
    static String admin;

    @BeforeAll
    static void serve() throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
        Path dir = Files.createTempDirectory("interlock-mcp-input");
        Path gateway = dir.resolve("gateway.yaml");
        Files.writeString(gateway, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  upstreams:
                    - { name: everything, command: [node, "%1$s", stdio], environment: dev }
                    - { name: notes, command: ["%2$s", "-cp", "%3$s", "%4$s", "%5$s"], environment: dev }
                    - { name: ops, command: ["%2$s", "-cp", "%3$s", "%6$s", "%7$s"], environment: dev }
                """.formatted(McpGatewayEndToEndTest.everything, ProcessHandle.current().info().command().orElseThrow(),
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), SdkStatelessServer.class.getName(),
                notes = Files.createDirectories(dir.resolve("notes")), SdkOpsServer.class.getName(), Files.createDirectories(dir.resolve("ops"))));
        policy = Files.createDirectories(dir.resolve("policy"));
        Files.copy(McpGatewayEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"),
                policy.resolve("production-guardrails.yaml"));
        Files.writeString(policy.resolve("demo.yaml"), """
                apiVersion: interlock.dev/v1
                kind: Policy
                metadata: { name: demo-tools }
                spec:
                  mcp:
                    - { server: everything, tool: trigger-sampling-request, operation: { system: demo, verb: read, type: sample, name: "'sample'" } }
                    - { server: everything, tool: trigger-elicitation-request, operation: { system: demo, verb: read, type: form, name: "'form'" } }
                    - { server: notes, tool: note_in_region, operation: { system: notes, verb: create, type: note, name: "args.region" } }
                    - { server: everything, tool: toggle-subscriber-updates, operation: { system: demo, verb: read, type: updates, name: "'updates'" } }
                    - { server: ops, tool: append_note, operation: { system: notes, verb: create, type: note, name: "args.text" } }
                    - { server: central, tool: notes__note_in_region, operation: { system: notes, verb: create, type: note, name: "args.region" } }
                """);
        ServerEndToEndTest.Served served = ServerEndToEndTest.serve(dir, "--mcp", gateway.toString(), "--policy", policy.toString());
        server = served.process();
        url = served.url();
        admin = Files.readString(served.data().resolve("admin-token")).strip();
    }

    @AfterAll
    static void stop() throws Exception {
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }

    static String agentToken(String principal) throws Exception {
        var created = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url + "/v1/tokens"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"role\":\"agent\",\"principal\":\"" + principal + "\",\"agent\":\"cursor\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return McpHttpEndpointTest.JSON.readTree(created.body()).get("token").asText();
    }

    static String text(McpSchema.CallToolResult result) {
        return result.content().stream().map(c -> ((McpSchema.TextContent) c).text()).reduce("", String::concat);
    }

    @Test
    void aHandshakeClientIsAskedForSamplingAndElicitationOverItsSession() throws Exception {
        String token = agentToken("hana@example.com");
        List<String> asked = new CopyOnWriteArrayList<>();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(url).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token)).build();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().elicitation().build())
                .sampling(request -> {
                    asked.add("sampling: " + ((McpSchema.TextContent) request.messages().getFirst().content()).text());
                    return McpSchema.CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                            .content(new McpSchema.TextContent("a model's words")).model("test-model").build();
                })
                .elicitation(request -> {
                    asked.add("elicitation: " + request.message());
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("name", "Hana"));
                }).build()) {
            client.initialize();
            McpSchema.CallToolResult sampled = client.callTool(McpSchema.CallToolRequest.builder().name("everything__trigger-sampling-request")
                    .arguments(Map.of("prompt", "say hi")).build());
            assertThat(sampled.isError()).as(text(sampled)).isNotEqualTo(Boolean.TRUE);
            assertThat(text(sampled)).contains("a model's words");

            McpSchema.CallToolResult elicited = client.callTool(McpSchema.CallToolRequest.builder().name("everything__trigger-elicitation-request").arguments(Map.of()).build());
            assertThat(elicited.isError()).as(text(elicited)).isNotEqualTo(Boolean.TRUE);
            assertThat(text(elicited)).contains("User provided the requested information").contains("Hana");
        }
        assertThat(asked).containsExactly("sampling: Resource trigger-sampling-request context: say hi",
                "elicitation: Please provide inputs for the following fields:");
    }

    @Test
    void aStatelessClientIsAskedForElicitationAsAnInputRequiredRound() throws Exception {
        String token = agentToken("sami@example.com");
        // The same token first used by a client that declares no elicitation: the gateway's upstream handshake for
        // that one says so, and must not be the one the next client's calls go through.
        assertThat(statelessClient(token).listTools().list().tools()).isNotEmpty();
        List<String> asked = new CopyOnWriteArrayList<>();
        var transport = io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport.builder(url + "/mcp")
                .requestCustomizer(io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer.fromSync(
                        (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                .build();
        var client = io.modelcontextprotocol.modern.client.McpClient.sync(transport)
                .clientInfo(io.modelcontextprotocol.modern.McpSchema.Implementation.builder("stateless-input", "1").build())
                .formElicitation(request -> {
                    asked.add(request.message());
                    return io.modelcontextprotocol.modern.McpSchema.ElicitResult.accept(Map.of("name", "Sami"));
                }).build();
        var result = client.tool("everything__trigger-elicitation-request").arguments(Map.of()).call();
        String text = result.content().stream().map(c -> ((io.modelcontextprotocol.modern.McpSchema.TextContent) c).text()).reduce("", String::concat);
        assertThat(result.isError()).as(text).isNotEqualTo(Boolean.TRUE);
        assertThat(text).contains("User provided the requested information").contains("Sami");
        assertThat(asked).containsExactly("Please provide inputs for the following fields:");
    }

    /** A stateless SDK client for {@code token}, on {@code /mcp}. */
    static io.modelcontextprotocol.modern.client.McpSyncClient statelessClient(String token) {
        var transport = io.modelcontextprotocol.modern.client.transport.HttpClientMcpTransport.builder(url + "/mcp")
                .requestCustomizer(io.modelcontextprotocol.modern.client.transport.McpHttpRequestCustomizer.fromSync(
                        (request, headers, context) -> headers.set("Authorization", "Bearer " + token)))
                .build();
        return io.modelcontextprotocol.modern.client.McpClient.sync(transport)
                .clientInfo(io.modelcontextprotocol.modern.McpSchema.Implementation.builder("stateless-headers", "1").build()).build();
    }

    @Test
    void parametersMirroredInHeadersMustMatchTheBodyAndTheGatewayMirrorsThemUpstream(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        String token = agentToken("uma@example.com");
        var client = statelessClient(token);
        assertThat(client.listTools().list().tools()).extracting(io.modelcontextprotocol.modern.McpSchema.Tool::name).contains("notes__note_in_region");
        // The SDK client mirrors region into Mcp-Param-Region; it matches the body, so the call is served.
        var ok = client.tool("notes__note_in_region").arguments(Map.of("region", "eu-west-1", "text", "from the SDK")).call();
        assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(notes.resolve("notes.txt")).content().contains("eu-west-1: from the SDK");

        // A header that says one region while the body says another (what a router would be fooled by) is refused.
        String body = """
                {"jsonrpc":"2.0","id":9,"method":"tools/call","params":{"name":"notes__note_in_region","arguments":{"region":"us-east-1","text":"sneaky"},
                 "_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientInfo":{"name":"raw","version":"1"},
                 "io.modelcontextprotocol/clientCapabilities":{}}}}""";
        var refused = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(url + "/mcp"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("MCP-Protocol-Version", "2026-07-28").header("Mcp-Method", "tools/call").header("Mcp-Name", "notes__note_in_region")
                .header("Mcp-Param-Region", "eu-west-1").POST(HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("-32020").contains("mcp-param-region");
        assertThat(Files.readString(notes.resolve("notes.txt"))).doesNotContain("sneaky");

        // A gateway in front of /mcp learns the tool's schema from its listing and mirrors the header itself.
        Path config = McpGatewayEndToEndTest.centralConfig(tmp, url, token);
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(Map.of(), List.of("--config", config.toString(), "--policy", policy.toString()))) {
            g.initialize(null);
            assertThat(g.call(2, "tools/list", "{}").at("/result/tools").findValuesAsText("name")).contains("notes__note_in_region");
            var chained = g.call(3, "tools/call", "{\"name\":\"notes__note_in_region\",\"arguments\":{\"region\":\"ap-south-1\",\"text\":\"two hops\"}}");
            assertThat(chained.has("result") && !chained.at("/result/isError").asBoolean(false)).as(chained.toString()).isTrue();
            assertThat(notes.resolve("notes.txt")).content().contains("ap-south-1: two hops");
        }
    }

    @Test
    void aStatelessClientsSubscriptionCarriesTheUpstreamsToolListChanges() throws Exception {
        var client = statelessClient(agentToken("vera@example.com"));
        List<io.modelcontextprotocol.modern.client.SubscriptionEvent> events = new CopyOnWriteArrayList<>();
        try (var listening = client.listen().toolsChanged().open(events::add)) {
            awaitEvent(events, io.modelcontextprotocol.modern.client.SubscriptionEvent.Subscribed.class);
            // SdkOpsServer rewrites a tool after its first call and says its tools changed.
            var noted = client.tool("ops__append_note").arguments(Map.of("text", "trusted at first")).call();
            assertThat(noted.isError()).isNotEqualTo(Boolean.TRUE);
            awaitEvent(events, io.modelcontextprotocol.modern.client.SubscriptionEvent.ToolsListChanged.class);
        }
    }

    @Test
    void aStatelessClientsSubscriptionCarriesUpdatesOfTheResourcesItSubscribedTo() throws Exception {
        var client = statelessClient(agentToken("wes@example.com"));
        List<io.modelcontextprotocol.modern.client.SubscriptionEvent> events = new CopyOnWriteArrayList<>();
        String uri = "demo://resource/static/document/architecture.md";
        try (var listening = client.listen().resourceUpdates(uri).open(events::add)) {
            awaitEvent(events, io.modelcontextprotocol.modern.client.SubscriptionEvent.Subscribed.class);
            // server-everything then sends an update of every subscribed resource every 5 s.
            var toggled = client.tool("everything__toggle-subscriber-updates").arguments(Map.of()).call();
            assertThat(toggled.isError()).isNotEqualTo(Boolean.TRUE);
            awaitEvent(events, io.modelcontextprotocol.modern.client.SubscriptionEvent.ResourceUpdated.class);
            assertThat(events).filteredOn(io.modelcontextprotocol.modern.client.SubscriptionEvent.ResourceUpdated.class::isInstance)
                    .first().asString().contains(uri);
        }
    }

    static void awaitEvent(List<io.modelcontextprotocol.modern.client.SubscriptionEvent> events, Class<?> type) throws InterruptedException {
        for (int i = 0; i < 300 && events.stream().noneMatch(type::isInstance); i++) {
            Thread.sleep(100);
        }
        assertThat(events).as("a " + type.getSimpleName() + " event").anyMatch(type::isInstance);
    }
}
