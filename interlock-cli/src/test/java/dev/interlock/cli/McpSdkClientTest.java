package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official MCP Java SDK (2.2.0) as the agent's client, launching {@code interlock mcp} in front of server-filesystem. */
class McpSdkClientTest {

    @BeforeAll
    static void server() throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
    }

    @Test
    void theSdkClientTalksThroughTheGatewayAndIsToldWhyARefusedCallWasNotMade(@TempDir Path dir) {
        ServerParameters params = ServerParameters.builder(McpGatewayEndToEndTest.ROOT.resolve("interlock").toString())
                .args("mcp", "--", "node", McpGatewayEndToEndTest.server.toString(), dir.toString())
                .env(Map.of("HOME", McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target").toString()))
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(120)).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("secure-filesystem-server");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).contains("write_file", "list_allowed_directories");

            McpSchema.CallToolResult ok = client.callTool(McpSchema.CallToolRequest.builder().name("write_file").arguments(
                    Map.of("path", dir.resolve("hello.txt").toString(), "content", "hi")).build());
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(dir.resolve("hello.txt")).hasContent("hi");

            McpSchema.CallToolResult refused = client.callTool(McpSchema.CallToolRequest.builder().name("write_file").arguments(
                    Map.of("path", dir.resolve(".codex/config.toml").toString(), "content", "approval_policy = \"never\"")).build());
            assertThat(refused.isError()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
            assertThat(dir.resolve(".codex")).doesNotExist();
        }
    }

    @Test
    void theSdkStatelessClientOverStdioReachesAHandshakeServerThroughTheGateway(@TempDir Path dir) {
        ServerParameters params = ServerParameters.builder(McpGatewayEndToEndTest.ROOT.resolve("interlock").toString())
                .args("mcp", "--", "node", McpGatewayEndToEndTest.server.toString(), dir.toString())
                .env(Map.of("HOME", McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target").toString()))
                .build();
        try (var transport = io.modelcontextprotocol.modern.client.transport.StdioMcpClientTransport.builder(params).stderrConsumer(line -> { }).start()) {
            var client = io.modelcontextprotocol.modern.client.McpClient.sync(transport)
                    .clientInfo(io.modelcontextprotocol.modern.McpSchema.Implementation.builder("stateless-stdio", "1").build()).build();
            var discovered = client.discover();
            assertThat(discovered.supportedVersions()).contains("2026-07-28");
            assertThat(client.listTools().list().tools()).extracting(io.modelcontextprotocol.modern.McpSchema.Tool::name).contains("write_file");

            var ok = client.tool("write_file").arguments(Map.of("path", dir.resolve("stateless.txt").toString(), "content", "no handshake")).call();
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(dir.resolve("stateless.txt")).hasContent("no handshake");

            var refused = client.tool("write_file").arguments(Map.of("path", dir.resolve(".codex/config.toml").toString(), "content", "x")).call();
            assertThat(refused.isError()).isTrue();
            assertThat(((io.modelcontextprotocol.modern.McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
            assertThat(dir.resolve(".codex")).doesNotExist();
        }
    }

    /**
     * SDK client → {@code interlock mcp} → an SDK server ({@link SdkOpsServer}, its own process): a tool the policy
     * forbids for every argument is not listed, and a call made anyway is denied without reaching the server; the
     * server's later change of a tool's description is reported.
     */
    @Test
    void anSdkServerBehindTheGatewayHasItsForbiddenToolHiddenAndItsRugPullReported(@TempDir Path dir) throws Exception {
        Path policy = java.nio.file.Files.createDirectories(dir.resolve("policy"));
        java.nio.file.Files.copy(McpGatewayEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"),
                policy.resolve("production-guardrails.yaml"));
        java.nio.file.Files.writeString(policy.resolve("team.yaml"), """
                apiVersion: interlock.dev/v1
                kind: Policy
                metadata: { name: notes-team }
                spec:
                  mcp:
                    - server: ops
                      tool: append_note
                      operation: { system: notes, verb: create, type: note, name: "args.text" }
                  rules:
                    - id: nobody-drops-the-notes
                      match: { tools: ["ops/drop_everything"] }
                      effect: deny
                      message: "'notes are dropped by a person'"
                """);
        Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
        String jvm = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ServerParameters params = ServerParameters.builder(McpGatewayEndToEndTest.ROOT.resolve("interlock").toString())
                .args("mcp", "--policy", policy.toString(), "--name", "ops", "--env", "dev", "--",
                        jvm, "-cp", classpath, SdkOpsServer.class.getName(), work.toString())
                .env(Map.of("HOME", McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target").toString()))
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        java.util.List<String> stderr = new java.util.concurrent.CopyOnWriteArrayList<>();
        transport.setStdErrorHandler(stderr::add);
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(120)).build()) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("sdk-ops");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactly("append_note");

            McpSchema.CallToolResult refused = client.callTool(McpSchema.CallToolRequest.builder().name("drop_everything").arguments(Map.of()).build());
            assertThat(refused.isError()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call")
                    .contains("notes are dropped by a person");
            assertThat(work.resolve("dropped")).as("the refused call never reached the server").doesNotExist();

            McpSchema.CallToolResult ok = client.callTool(McpSchema.CallToolRequest.builder().name("append_note").arguments(Map.of("text", "hello")).build());
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) ok.content().getFirst()).text()).isEqualTo("noted");
            assertThat(work.resolve("notes.txt")).hasContent("hello");

            McpSchema.Tool changed = client.listTools().tools().getFirst();
            assertThat(changed.description()).contains("credentials");
            assertThat(stderr).anyMatch(line -> line.contains("ops's tool append_note changed its description or schemas"));
        }
        // The client stops the gateway with a signal; the gateway stops its upstream on the way out.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (upstreamRunning(work) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(upstreamRunning(work)).as("the SDK server outlived the gateway").isFalse();
    }

    /**
     * A handshake-generation client (the SDK's classic client) through {@code interlock mcp} to a stateless
     * (2026-07-28) server (the SDK's modern server, its own process): the gateway finds the server's generation with
     * {@code server/discover}, answers the client's {@code initialize} from it, and carries every request across.
     */
    @Test
    void aHandshakeClientReachesAStatelessServerThroughTheGateway(@TempDir Path dir) throws Exception {
        Path work = java.nio.file.Files.createDirectories(dir.resolve("work"));
        Path policy = java.nio.file.Files.createDirectories(dir.resolve("policy"));
        java.nio.file.Files.copy(McpGatewayEndToEndTest.ROOT.resolve("interlock-core/src/main/resources/interlock/policies/production-guardrails.yaml"),
                policy.resolve("production-guardrails.yaml"));
        java.nio.file.Files.writeString(policy.resolve("team.yaml"), """
                apiVersion: interlock.dev/v1
                kind: Policy
                metadata: { name: notes-team }
                spec:
                  mcp:
                    - { server: notes, tool: append_note, operation: { system: notes, verb: create, type: note, name: "args.text" } }
                    - { server: notes, tool: confirmed_note, operation: { system: notes, verb: create, type: note, name: "'asked'" } }
                    - { server: notes, tool: drop_everything, operation: { system: notes, verb: delete, type: note, name: "'*'", scope: all, stateful: true } }
                  rules:
                    - id: notes-are-not-dropped-by-agents
                      match: { systems: [notes], verbs: [delete] }
                      effect: deny
                """);
        String jvm = ProcessHandle.current().info().command().orElseThrow();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ServerParameters params = ServerParameters.builder(McpGatewayEndToEndTest.ROOT.resolve("interlock").toString())
                .args("mcp", "--policy", policy.toString(), "--name", "notes", "--env", "dev", "--",
                        jvm, "-cp", classpath, SdkStatelessServer.class.getName(), work.toString())
                .env(Map.of("HOME", McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target").toString()))
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, McpJsonDefaults.getMapper());
        transport.setStdErrorHandler(line -> { });
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).initializationTimeout(Duration.ofSeconds(120))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.add(request.message());
                    return new McpSchema.ElicitResult(McpSchema.ElicitResult.Action.ACCEPT, Map.of("text", "what the user typed"));
                }).build()) {
            McpSchema.InitializeResult init = client.initialize();
            assertThat(init.serverInfo().name()).isEqualTo("sdk-stateless");
            assertThat(client.listTools().tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("append_note", "drop_everything", "confirmed_note", "note_in_region");

            // The stateless server's input_required result reaches this client as the elicitation it would have sent.
            McpSchema.CallToolResult confirmed = client.callTool(McpSchema.CallToolRequest.builder().name("confirmed_note").arguments(Map.of()).build());
            assertThat(confirmed.isError()).as(confirmed.toString()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) confirmed.content().getFirst()).text()).isEqualTo("what the user typed (asked-once)");
            assertThat(asked).containsExactly("What shall I note?");
            java.nio.file.Files.delete(work.resolve("notes.txt"));

            McpSchema.CallToolResult ok = client.callTool(McpSchema.CallToolRequest.builder().name("append_note").arguments(Map.of("text", "across generations")).build());
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(((McpSchema.TextContent) ok.content().getFirst()).text()).isEqualTo("noted");
            assertThat(work.resolve("notes.txt")).hasContent("across generations");

            McpSchema.CallToolResult refused = client.callTool(McpSchema.CallToolRequest.builder().name("drop_everything").arguments(Map.of()).build());
            assertThat(refused.isError()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
            assertThat(work.resolve("dropped")).doesNotExist();
        }
    }

    private static boolean upstreamRunning(Path work) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(SdkOpsServer.class.getName() + " " + work));
    }
}
