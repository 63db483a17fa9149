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

            McpSchema.CallToolResult ok = client.callTool(new McpSchema.CallToolRequest("write_file",
                    Map.of("path", dir.resolve("hello.txt").toString(), "content", "hi")));
            assertThat(ok.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(dir.resolve("hello.txt")).hasContent("hi");

            McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("write_file",
                    Map.of("path", dir.resolve(".codex/config.toml").toString(), "content", "approval_policy = \"never\"")));
            assertThat(refused.isError()).isTrue();
            assertThat(((McpSchema.TextContent) refused.content().getFirst()).text()).startsWith("Interlock denied this call");
            assertThat(dir.resolve(".codex")).doesNotExist();
        }
    }
}
