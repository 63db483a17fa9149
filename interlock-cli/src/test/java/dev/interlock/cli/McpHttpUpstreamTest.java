package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock mcp} in front of the real server-everything over streamable HTTP (its own process on a loopback
 * port): alone, every message passes through (an allowed call's content unchanged, a refused one never sent); beside
 * server-filesystem over stdio, one gateway serves both.
 */
class McpHttpUpstreamTest {

    static Process everything;
    static String url;

    @BeforeAll
    static void startEverythingOverHttp() throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        url = "http://127.0.0.1:" + port + "/mcp";
        ProcessBuilder pb = new ProcessBuilder("node", McpGatewayEndToEndTest.everything.toString(), "streamableHttp").redirectErrorStream(true);
        pb.environment().put("PORT", Integer.toString(port));
        everything = pb.start();
        CountDownLatch listening = new CountDownLatch(1);
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(everything.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains("listening on port")) {
                        listening.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // it stopped
            }
        });
        assertThat(listening.await(60, TimeUnit.SECONDS)).as("server-everything listening on " + url).isTrue();
    }

    @AfterAll
    static void stop() {
        everything.destroy();
    }

    private static JsonNode text(JsonNode answer) {
        return answer.at("/result/content/0/text");
    }

    @Test
    void oneHttpServerPassesThroughAndARefusedCallIsNeverSent(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  identity: { principal: alice@example.com, agent: claude-code }
                  upstreams:
                    - name: everything
                      url: "%s"
                      headers: { Authorization: "Bearer the-gateway's-own-credential" }
                      environment: dev
                """.formatted(url));
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(Map.of(), List.of("--config", config.toString()))) {
            g.initialize("mcp-servers/everything");
            JsonNode tools = g.call(2, "tools/list", "{}");
            assertThat(tools.at("/result/tools").findValuesAsText("name")).contains("echo", "get-sum");

            JsonNode sum = g.call(3, "tools/call", "{\"name\":\"get-sum\",\"arguments\":{\"a\":2,\"b\":3}}");
            assertThat(sum.at("/result/isError").asBoolean(false)).as(sum.toString()).isFalse();
            assertThat(text(sum).asText()).contains("5");

            JsonNode echo = g.call(4, "tools/call", "{\"name\":\"echo\",\"arguments\":{\"message\":\"hello\"}}");
            assertThat(echo.at("/result/isError").asBoolean()).as("an unknown tool is opaque: the user confirms it first").isTrue();
            assertThat(text(echo).asText()).startsWith("Interlock wants your user to confirm this call first");

            assertThat(g.call(5, "ping", "{}").has("result")).isTrue();
        }
    }

    @Test
    void anHttpServerAndAStdioServerBehindOneGateway(@TempDir Path dir) throws Exception {
        Path files = Files.createDirectories(dir.resolve("files"));
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  upstreams:
                    - { name: everything, url: "%s", environment: dev }
                    - { name: files, command: [node, "%s", "%s"], environment: dev }
                """.formatted(url, McpGatewayEndToEndTest.server, files));
        try (McpGatewayEndToEndTest.Gateway g = new McpGatewayEndToEndTest.Gateway(Map.of(), List.of("--config", config.toString()))) {
            g.initialize("interlock-gateway");
            JsonNode tools = g.call(2, "tools/list", "{}");
            assertThat(tools.at("/result/tools").findValuesAsText("name")).contains("everything__get-sum", "files__write_file");

            JsonNode sum = g.call(3, "tools/call", "{\"name\":\"everything__get-sum\",\"arguments\":{\"a\":20,\"b\":22}}");
            assertThat(text(sum).asText()).as(sum.toString()).contains("42");
            JsonNode write = g.call(4, "tools/call", "{\"name\":\"files__write_file\",\"arguments\":{\"path\":\"" + files.resolve("a.txt") + "\",\"content\":\"x\"}}");
            assertThat(write.at("/result/isError").asBoolean(false)).as(write.toString()).isFalse();
            assertThat(files.resolve("a.txt")).hasContent("x");
        }
    }
}
