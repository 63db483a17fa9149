package dev.interlock.cli;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.modern.McpSchema;
import io.modelcontextprotocol.modern.server.InputResponses;
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
 * {@code drop_everything} leaves a {@code dropped} file there, {@code confirmed_note} first asks its user what to note
 * (an {@code input_required} result). It refuses the {@code initialize} handshake.
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
        // Asks its user (the input_required round of this generation) what to note, then notes the answer.
        McpSyncTool confirm = McpSyncTool.of(McpSchema.Tool.builder("confirmed_note", Map.of("type", "object")).description("Notes what the user says.").build(),
                (context, call) -> {
                    if (call.inputResponses() == null || !call.inputResponses().containsKey("what")) {
                        return McpSyncResponse.result(McpSchema.InputRequiredResult.builder()
                                .elicit("what", McpSchema.ElicitFormRequest.builder("What shall I note?", Map.of("type", "object",
                                        "properties", Map.of("text", Map.of("type", "string")))).build())
                                .requestState("asked-once").build());
                    }
                    McpSchema.ElicitResult answer = InputResponses.get(call.inputResponses(), "what", McpSchema.ElicitResult.class, McpJsonDefaults.getMapper());
                    String text = answer.content().get("text") + " (" + call.requestState() + ")";
                    write(dir.resolve("notes.txt"), text + "\n");
                    return McpSyncResponse.result(McpSchema.CallToolResult.builder().addContent(McpSchema.TextContent.builder(text).build()).build());
                });
        // Its region is mirrored in an Mcp-Param-Region header over HTTP (x-mcp-header), for routers that read headers.
        McpSyncTool regional = McpSyncTool.of(McpSchema.Tool.builder("note_in_region", Map.of("type", "object", "properties", Map.of(
                        "region", Map.of("type", "string", "x-mcp-header", "Region"), "text", Map.of("type", "string")))).description("Notes, per region.").build(),
                (context, call) -> {
                    String text = call.arguments().get("region") + ": " + call.arguments().get("text");
                    write(dir.resolve("notes.txt"), text + "\n");
                    return McpSyncResponse.result(McpSchema.CallToolResult.builder().addContent(McpSchema.TextContent.builder(text).build()).build());
                });
        List<McpSyncTool> all = List.of(append, drop, confirm, regional);
        McpSyncToolRepository tools = new McpSyncToolRepository() {
            @Override
            public ToolsPage list(McpRequestContext context, String cursor) {
                return ToolsPage.of(all.stream().map(McpSyncTool::definition).toList());
            }

            @Override
            public McpSyncTool find(McpRequestContext context, String name) {
                return all.stream().filter(t -> t.definition().name().equals(name)).findFirst().orElse(null);
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
