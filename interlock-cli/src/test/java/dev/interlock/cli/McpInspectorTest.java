package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @modelcontextprotocol/inspector --cli} (from npm), a client no one here wrote, launching {@code interlock mcp}
 * in front of the real server-filesystem: it lists the tools, makes an allowed call that writes the file, and a
 * refused one that it reports as the tool's error while the file never appears.
 */
class McpInspectorTest {

    static final String INSPECTOR = "@modelcontextprotocol/inspector@2.12.0";
    static Path inspector;

    @BeforeAll
    static void install() throws Exception {
        McpGatewayEndToEndTest.installTheRealServer();
        Path prefix = McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target/mcp-inspector");
        inspector = prefix.resolve("node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");
        if (!Files.isRegularFile(inspector)) {
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--prefix", prefix.toString(), INSPECTOR)
                    .redirectErrorStream(true).start();
            String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(npm.exitValue()).as("npm install " + INSPECTOR + ":\n" + log).isZero();
        }
        assertThat(inspector).isRegularFile();
    }

    record Run(int exit, String out) {
    }

    static Run inspect(Path dir, String... method) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", inspector.toString(), "--cli",
                McpGatewayEndToEndTest.ROOT.resolve("interlock").toString(), "mcp", "--",
                "node", McpGatewayEndToEndTest.server.toString(), dir.toString(), "--connect-timeout", "120000"));
        command.addAll(List.of(method));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER"));
        pb.environment().put("HOME", McpGatewayEndToEndTest.ROOT.resolve("interlock-cli/target").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theInspectorListsCallsAndIsRefusedThroughTheGateway(@TempDir Path dir) throws Exception {
        Run list = inspect(dir, "--method", "tools/list");
        assertThat(list.exit()).as(list.out()).isZero();
        assertThat(list.out()).contains("\"write_file\"", "\"list_allowed_directories\"");

        Run write = inspect(dir, "--method", "tools/call", "--tool-name", "write_file",
                "--tool-arg", "path=" + dir.resolve("hello.txt"), "--tool-arg", "content=hi");
        assertThat(write.exit()).as(write.out()).isZero();
        assertThat(write.out()).contains("Successfully wrote to");
        assertThat(dir.resolve("hello.txt")).hasContent("hi");

        Run refused = inspect(dir, "--method", "tools/call", "--tool-name", "write_file",
                "--tool-arg", "path=" + dir.resolve(".codex/config.toml"), "--tool-arg", "content=approval_policy = \"never\"");
        assertThat(refused.exit()).isNotZero();
        assertThat(refused.out()).contains("Interlock denied this call", "\"isError\": true");
        assertThat(dir.resolve(".codex")).doesNotExist();
    }
}
