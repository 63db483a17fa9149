package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock mcp} between a scripted MCP client (this test, speaking JSON-RPC over the gateway's stdio) and the
 * real {@code @modelcontextprotocol/server-filesystem} from npm: what is allowed passes through unchanged, what is not
 * never reaches the server (the file is not written), bad input is a JSON-RPC error, and a crashed server is restarted.
 */
class McpGatewayEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FILESYSTEM = "@modelcontextprotocol/server-filesystem@2026.8.31";
    static final String EVERYTHING = "@modelcontextprotocol/server-everything@2026.8.31";
    static Path server;
    static Path everything;

    @BeforeAll
    static void installTheRealServer() throws Exception {
        // Build once, up front: on a clean clone the launcher's first run builds, which must not eat a client's timeout.
        assertThat(ServerEndToEndTest.run(java.util.Map.of(), "--version").exit()).isZero();
        Path prefix = ROOT.resolve("interlock-cli/target/mcp-peers");
        server = prefix.resolve("node_modules/@modelcontextprotocol/server-filesystem/dist/index.js");
        everything = prefix.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
        if (!Files.isRegularFile(server) || !Files.isRegularFile(everything)) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), FILESYSTEM, EVERYTHING)
                    .redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).as("npm install " + FILESYSTEM + " " + EVERYTHING + ":\n" + log).isZero();
        }
        assertThat(server).isRegularFile();
        assertThat(everything).isRegularFile();
    }

    /** The gateway process and the messages it writes, one JSON-RPC message a line. */
    static final class Gateway implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final BlockingQueue<JsonNode> out = new LinkedBlockingQueue<>();
        final Path log;

        Gateway(Path dir, String... args) throws IOException {
            this(dir, java.util.Map.of(), args);
        }

        Gateway(Path dir, java.util.Map<String, String> env, String... args) throws IOException {
            this(env, withServer(dir, args));
        }

        private static List<String> withServer(Path dir, String... args) {
            List<String> all = new ArrayList<>(List.of(args));
            all.addAll(List.of("--", "node", server.toString(), dir.toString()));
            return all;
        }

        Gateway(java.util.Map<String, String> env, List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of(ROOT.resolve("interlock").toString(), "mcp"));
            command.addAll(args);
            log = Files.createTempFile("interlock-mcp", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectError(log.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER") || k.equals("KUBECONFIG"));
            pb.environment().put("HOME", ROOT.resolve("interlock-cli/target").toString());
            pb.environment().putAll(env);
            process = pb.start();
            in = process.getOutputStream();
            Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.add(JSON.readTree(line));
                    }
                } catch (IOException e) {
                    // the gateway closed
                }
            });
        }

        void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        JsonNode call(int id, String method, String params) throws Exception {
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            return answer(id);
        }

        JsonNode answer(Object id) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<JsonNode> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonNode m = out.poll(1, TimeUnit.SECONDS);
                if (m == null) {
                    continue;
                }
                if (m.has("id") && !m.has("method") && m.get("id").asText().equals(String.valueOf(id))) {
                    out.addAll(seen);
                    return m;
                }
                seen.add(m);
            }
            throw new AssertionError("no answer to " + id + " within 60 s; other messages " + seen + "\n" + Files.readString(log));
        }

        /** The next message the predicate accepts (others stay queued). */
        JsonNode await(java.util.function.Predicate<JsonNode> wanted) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            List<JsonNode> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                JsonNode m = out.poll(1, TimeUnit.SECONDS);
                if (m != null && wanted.test(m)) {
                    out.addAll(seen);
                    return m;
                }
                if (m != null) {
                    seen.add(m);
                }
            }
            throw new AssertionError("no such message within 60 s; saw " + seen + "\n" + Files.readString(log));
        }

        void initialize() throws Exception {
            initialize("secure-filesystem-server");
        }

        /** The handshake; {@code serverName} null when any server's name will do. */
        void initialize(String serverName) throws Exception {
            JsonNode init = call(1, "initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"e2e\",\"version\":\"1\"}}");
            assertThat(init.has("result")).as(init.toString()).isTrue();
            if (serverName != null) {
                assertThat(init.at("/result/serverInfo/name").asText()).as(init.toString()).isEqualTo(serverName);
            }
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        @Override
        public void close() throws Exception {
            in.close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void severalServersAreOneGatewayWithTheirToolsNamespaced(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  identity: { principal: alice@example.com, agent: claude-code }
                  upstreams:
                    - { name: docs, command: [node, "%s", "%s"], environment: dev }
                    - { name: data, command: [node, "%s", "%s"], environment: prod }
                """.formatted(server, docs, server, data));
        try (Gateway g = new Gateway(java.util.Map.of(), List.of("--config", config.toString()))) {
            g.initialize("interlock-gateway");
            JsonNode tools = g.call(2, "tools/list", "{}");
            assertThat(tools.at("/result/tools").findValuesAsText("name")).contains("docs__write_file", "data__write_file", "data__read_text_file");
            JsonNode ok = g.call(3, "tools/call", write(docs.resolve("a.md").toString(), "# a").replace("\"write_file\"", "\"docs__write_file\""));
            assertThat(ok.at("/result/content/0/text").asText()).as(ok.toString()).isEqualTo("Successfully wrote to " + docs.resolve("a.md"));
            assertThat(docs.resolve("a.md")).hasContent("# a");
            JsonNode refused = g.call(4, "tools/call", write(data.resolve("teardown.sh").toString(),
                    "#!/bin/sh\nkubectl --context prod-eu-1 delete namespace payments\n").replace("\"write_file\"", "\"data__write_file\""));
            assertThat(refused.at("/result/isError").asBoolean()).as(refused.toString()).isTrue();
            assertThat(data.resolve("teardown.sh")).doesNotExist();
            JsonNode unknown = g.call(5, "tools/call", "{\"name\":\"nowhere__write_file\",\"arguments\":{}}");
            assertThat(unknown.at("/error/code").asInt()).isEqualTo(-32602);
            JsonNode dirs = g.call(6, "tools/call", "{\"name\":\"data__list_allowed_directories\",\"arguments\":{}}");
            assertThat(dirs.at("/result/content/0/text").asText()).contains(data.toString()).doesNotContain(docs.toString());
        }
    }

    @Test
    void theServersOwnRequestsReachTheClientAndItsAnswerReachesTheServer(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  upstreams:
                    - { name: everything, command: [node, "%s", stdio] }
                    - { name: files, command: [node, "%s", "%s"] }
                """.formatted(everything, server, dir));
        List<List<String>> gateways = List.of(List.of("--", "node", everything.toString(), "stdio"), List.of("--config", config.toString()));
        for (List<String> args : gateways) {
            try (Gateway g = new Gateway(java.util.Map.of(), args)) {
                g.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{\"roots\":{\"listChanged\":true}},\"clientInfo\":{\"name\":\"e2e\",\"version\":\"1\"}}}");
                assertThat(g.answer(1).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
                g.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                // Every server that wants roots asks (server-filesystem too); each answer must reach the one that asked.
                while (true) {
                    JsonNode m = g.await(x -> x.path("method").asText().equals("roots/list")
                            || x.path("method").asText().equals("notifications/message") && x.at("/params/data").asText().contains("Roots updated"));
                    if (m.path("method").asText().equals("notifications/message")) {
                        assertThat(m.at("/params/data").asText()).as(args.toString()).contains("Roots updated: 1 root");
                        break;
                    }
                    g.send("{\"jsonrpc\":\"2.0\",\"id\":" + m.get("id") + ",\"result\":{\"roots\":[{\"uri\":\"file:///srv/a\",\"name\":\"a\"}]}}");
                }
            }
        }
    }

    @Test
    void aResourceIsReadFromTheServerThatListedItEvenWhenItIsNotTheFirst(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  upstreams:
                    - { name: files, command: [node, "%s", "%s"] }
                    - { name: everything, command: [node, "%s", stdio] }
                """.formatted(server, dir, everything));
        try (Gateway g = new Gateway(java.util.Map.of(), List.of("--config", config.toString()))) {
            g.initialize(null);
            JsonNode listed = g.call(2, "resources/list", "{}");
            String uri = listed.at("/result/resources").findValuesAsText("uri").stream()
                    .filter(u -> u.startsWith("demo://resource/static/document/")).findFirst().orElseThrow(() -> new AssertionError(listed.toString()));
            JsonNode read = g.call(3, "resources/read", JSON.createObjectNode().put("uri", uri).toString());
            assertThat(read.at("/result/contents/0/uri").asText()).as(read.toString()).isEqualTo(uri);
        }
    }

    /** A gateway config whose one upstream is another Interlock's {@code /mcp} at {@code url}, with {@code token}. */
    static Path centralConfig(Path dir, String url, String token) throws IOException {
        return Files.writeString(dir.resolve("gateway.yaml"), """
                apiVersion: interlock.dev/v1
                kind: Gateway
                spec:
                  upstreams:
                    - name: central
                      url: "%s/mcp"
                      headers: { Authorization: "Bearer %s" }
                      environment: dev
                """.formatted(url, token));
    }

    static String write(String path, String content) throws Exception {
        return JSON.createObjectNode().put("name", "write_file").set("arguments",
                JSON.createObjectNode().put("path", path).put("content", content)).toString();
    }

    @Test
    void allowedCallsPassThroughUnchangedAndRefusedOnesNeverReachTheServer(@TempDir Path dir) throws Exception {
        try (Gateway g = new Gateway(dir)) {
            g.initialize();
            JsonNode tools = g.call(2, "tools/list", "{}");
            assertThat(tools.at("/result/tools").findValuesAsText("name")).contains("write_file", "read_text_file", "move_file");

            JsonNode ok = g.call(3, "tools/call", write(dir.resolve("notes.txt").toString(), "hello"));
            assertThat(ok.at("/result/isError").asBoolean(false)).as(ok.toString()).isFalse();
            assertThat(ok.at("/result/content/0/text").asText()).isEqualTo("Successfully wrote to " + dir.resolve("notes.txt"));
            assertThat(dir.resolve("notes.txt")).hasContent("hello");

            JsonNode refused = g.call(4, "tools/call", write(dir.resolve(".claude/settings.json").toString(), "{\"hooks\":{}}"));
            assertThat(refused.at("/result/isError").asBoolean()).isTrue();
            assertThat(refused.at("/result/content/0/text").asText()).startsWith("Interlock denied this call")
                    .contains("self-protection").contains("Do not retry");
            assertThat(dir.resolve(".claude")).as("the server never saw the call").doesNotExist();

            g.send("this is not JSON");
            JsonNode parse = g.answer("null");
            assertThat(parse.at("/error/code").asInt()).isEqualTo(-32700);
            JsonNode after = g.call(5, "tools/call", "{\"name\":\"list_allowed_directories\",\"arguments\":{}}");
            assertThat(after.at("/result/content/0/text").asText()).as("the gateway goes on after bad input").contains(dir.toString());
        }
    }

    @Test
    void theEnvironmentDecidesAndAnUpstreamCrashIsRestarted(@TempDir Path dir) throws Exception {
        try (Gateway g = new Gateway(dir, "--env", "prod", "--name", "files")) {
            g.initialize();
            JsonNode script = g.call(2, "tools/call", write(dir.resolve("teardown.sh").toString(),
                    "#!/bin/sh\nkubectl --context prod-eu-1 delete namespace payments\n"));
            assertThat(script.at("/result/isError").asBoolean()).isTrue();
            assertThat(script.at("/result/content/0/text").asText()).contains("denied");
            assertThat(dir.resolve("teardown.sh")).doesNotExist();

            ProcessHandle node = g.process.descendants().filter(p -> p.info().command().orElse("").endsWith("node"))
                    .findFirst().orElseThrow();
            node.destroyForcibly();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.readString(g.log).contains("restarting it")) {
                assertThat(System.nanoTime()).as(Files.readString(g.log)).isLessThan(deadline);
                Thread.sleep(200);
            }
            JsonNode again = g.call(3, "tools/call", "{\"name\":\"list_allowed_directories\",\"arguments\":{}}");
            assertThat(again.at("/result/content/0/text").asText()).as(again.toString()).contains(dir.toString());
        }
    }
}
