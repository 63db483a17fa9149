package dev.interlock.cli;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.McpRequestContext;
import io.modelcontextprotocol.modern.server.McpServer;
import io.modelcontextprotocol.modern.server.McpSyncResponse;
import io.modelcontextprotocol.modern.server.feature.McpSyncTool;
import io.modelcontextprotocol.modern.server.feature.McpSyncToolRepository;
import io.modelcontextprotocol.modern.server.feature.ToolsFeature;
import io.modelcontextprotocol.modern.server.feature.ToolsPage;
import io.modelcontextprotocol.modern.server.transport.StdioMcpTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A stateless (2026-07-28) MCP server on the official Java SDK's {@code io.modelcontextprotocol.modern} server, over
 * stdio, its own process: {@code append_note} appends to {@code notes.txt} in the directory it is given,
 * {@code drop_everything} leaves a {@code dropped} file there. It refuses the {@code initialize} handshake.
 */
public final class SdkStatelessServer {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        McpSyncTool append = tool("append_note", "Appends a note to notes.txt.", call -> {
            write(dir.resolve("notes.txt"), call.arguments().get("text") + "\n");
            return "noted";
        });
        McpSyncTool drop = tool("drop_everything", "Deletes every note.", call -> {
            write(dir.resolve("dropped"), "dropped\n");
            return "dropped";
        });
        McpSyncToolRepository tools = new McpSyncToolRepository() {
            @Override
            public ToolsPage list(McpRequestContext context, String cursor) {
                return ToolsPage.of(List.of(append.definition(), drop.definition()));
            }

            @Override
            public McpSyncTool find(McpRequestContext context, String name) {
                return name.equals("append_note") ? append : name.equals("drop_everything") ? drop : null;
            }
        };
        McpServer server = McpServer.builder().serverInfo(McpSchema.Implementation.builder("sdk-stateless", "1.0.0").build())
                .feature(ToolsFeature.ofSync(tools)).build();
        new StdioMcpTransport(server, McpJsonDefaults.getMapper()).start().block();
    }

    private static McpSyncTool tool(String name, String description, java.util.function.Function<McpSchema.CallToolRequest, String> effect) {
        McpSchema.Tool definition = McpSchema.Tool.builder(name, Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string"))))
                .description(description).build();
        return McpSyncTool.of(definition, (context, call) -> McpSyncResponse.result(McpSchema.CallToolResult.builder()
                .addContent(McpSchema.TextContent.builder(effect.apply(call)).build()).build()));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
