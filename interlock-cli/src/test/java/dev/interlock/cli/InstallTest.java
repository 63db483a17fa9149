package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock install|uninstall} on temporary project and home directories. */
class InstallTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void launcher() {
        System.setProperty("interlock.launcher", "/opt/interlock/interlock");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--dir";
        all[args.length + 1] = dir.resolve("project").toString();
        all[args.length + 2] = "--home";
        all[args.length + 3] = dir.resolve("home").toString();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(exit, out.toString(), err.toString());
    }

    JsonNode json(String relative) throws Exception {
        return JSON.readTree(dir.resolve(relative).toFile());
    }

    /** In server mode Claude Code and Gemini CLI also report how each allowed call ended; local mode has no log to tell. */
    @Test
    void serverModeAddsTheAfterTheToolHookAndUninstallRemovesIt() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("install", "claude-code", "--server", "http://127.0.0.1:8470", "--token", "il_secret", "--data", data.toString()).exit()).isZero();
        JsonNode claude = json("project/.claude/settings.json");
        assertThat(claude.at("/hooks/PostToolUse/0/hooks/0/command").asText()).isEqualTo("'" + data.resolve("bin/interlock-hook-client") + "' claude-code");
        assertThat(claude.at("/hooks/PostToolUse/0/hooks/0/onFailure").isMissingNode()).as("reporting never blocks").isTrue();
        assertThat(run("install", "gemini", "--server", "http://127.0.0.1:8470", "--token", "il_secret", "--data", data.toString()).exit()).isZero();
        assertThat(json("project/.gemini/settings.json").at("/hooks/AfterTool/0/hooks/0/command").asText()).endsWith("' gemini");
        assertThat(run("uninstall", "claude-code").out()).contains("removed 2 Interlock hook entries");
        assertThat(json("project/.claude/settings.json").at("/hooks/PostToolUse").size()).isZero();

        assertThat(run("install", "claude-code").exit()).isZero();
        assertThat(json("project/.claude/settings.json").at("/hooks/PostToolUse").size()).as("local mode: nothing to report to").isZero();
    }

    /** Codex, Cursor, Copilot and Kiro get their own after-the-tool events in server mode, never with a fail-closed option. */
    @Test
    void theOtherAgentsGetTheirAfterTheToolEventsInServerMode() throws Exception {
        Path data = dir.resolve("data");
        for (String agent : new String[] {"codex", "cursor", "copilot", "kiro"}) {
            assertThat(run("install", agent, "--server", "http://127.0.0.1:8470", "--token", "il_secret", "--data", data.toString()).exit())
                    .as(agent).isZero();
        }
        JsonNode codex = json("project/.codex/hooks.json");
        assertThat(codex.at("/hooks/PostToolUse/0/matcher").asText()).isEqualTo("Bash|apply_patch|mcp__.*");
        assertThat(codex.at("/hooks/PostToolUse/0/hooks/0/command").asText()).endsWith("' codex");
        JsonNode cursor = json("project/.cursor/hooks.json");
        for (String event : new String[] {"afterShellExecution", "afterMCPExecution"}) {
            assertThat(cursor.at("/hooks/" + event + "/0/command").asText()).as(event).endsWith("' cursor");
            assertThat(cursor.at("/hooks/" + event + "/0/failClosed").isMissingNode()).as("reporting never blocks").isTrue();
        }
        assertThat(json("project/.github/hooks/interlock.json").at("/hooks/postToolUse/0/bash").asText()).endsWith("' copilot");
        assertThat(run("uninstall", "cursor").out()).contains("removed 6 Interlock hook entries");
        assertThat(json("project/.cursor/hooks.json").at("/hooks/afterShellExecution").size()).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "claude-code, project/.claude/settings.json, /hooks/PreToolUse/0/hooks/0/command",
            "codex, project/.codex/hooks.json, /hooks/PreToolUse/0/hooks/0/command",
            "gemini, project/.gemini/settings.json, /hooks/BeforeTool/0/hooks/0/command",
            "cursor, project/.cursor/hooks.json, /hooks/beforeShellExecution/0/command",
            "copilot, project/.github/hooks/interlock.json, /hooks/preToolUse/0/bash",
            "kiro, project/.kiro/agents/interlock.json, /hooks/preToolUse/0/command"})
    void eachAgentGetsTheHookInItsOwnFile(String agent, String file, String commandPointer) throws Exception {
        Result r = run("install", agent);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("added the Interlock hook");
        JsonNode config = json(file);
        assertThat(config.at(commandPointer).asText()).isEqualTo("'/opt/interlock/interlock' hook " + agent);
    }

    @Test
    void theAgentsFailClosedOptionsAreSet() throws Exception {
        run("install", "claude-code");
        assertThat(json("project/.claude/settings.json").at("/hooks/PreToolUse/0/hooks/0/onFailure").asText()).isEqualTo("block");
        assertThat(json("project/.claude/settings.json").at("/hooks/PreToolUse/0/matcher").asText()).contains("Bash").contains("Edit").contains("mcp__");
        run("install", "cursor");
        JsonNode cursor = json("project/.cursor/hooks.json");
        assertThat(cursor.get("version").asInt()).isEqualTo(1);
        for (String event : new String[] {"beforeShellExecution", "beforeMCPExecution", "beforeReadFile", "preToolUse"}) {
            assertThat(cursor.at("/hooks/" + event + "/0/failClosed").asBoolean()).as(event).isTrue();
        }
        run("install", "gemini");
        assertThat(json("project/.gemini/settings.json").at("/hooks/BeforeTool/0/hooks/0/timeout").asInt()).as("milliseconds").isEqualTo(30000);
    }

    @Test
    void otherSettingsAndHooksAreKeptAndInstallingTwiceLeavesOneEntry() throws Exception {
        Path settings = Files.createDirectories(dir.resolve("home/.claude")).resolve("settings.json");
        Files.writeString(settings, """
                {"model": "opus", "permissions": {"deny": ["Bash(curl:*)"]},
                 "hooks": {"PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "my-linter"}]}],
                           "PostToolUse": [{"matcher": "Edit", "hooks": [{"type": "command", "command": "prettier"}]}]}}""");
        assertThat(run("install", "claude-code", "--user").exit()).isZero();
        Result again = run("install", "claude-code", "--user");
        assertThat(again.out()).contains("unchanged");
        JsonNode config = JSON.readTree(settings.toFile());
        assertThat(config.get("model").asText()).isEqualTo("opus");
        assertThat(config.at("/permissions/deny/0").asText()).isEqualTo("Bash(curl:*)");
        assertThat(config.at("/hooks/PreToolUse")).hasSize(2);
        assertThat(config.at("/hooks/PreToolUse/0/hooks/0/command").asText()).isEqualTo("my-linter");
        assertThat(config.at("/hooks/PostToolUse/0/hooks/0/command").asText()).isEqualTo("prettier");
        assertThat(settings.resolveSibling("settings.json.interlock-backup")).exists();

        Result removed = run("uninstall", "claude-code", "--user");
        assertThat(removed.out()).contains("removed 1 Interlock hook entry");
        JsonNode after = JSON.readTree(settings.toFile());
        assertThat(after.at("/hooks/PreToolUse")).hasSize(1);
        assertThat(after.at("/hooks/PreToolUse/0/hooks/0/command").asText()).isEqualTo("my-linter");
        assertThat(after.get("model").asText()).isEqualTo("opus");
        assertThat(run("uninstall", "claude-code", "--user").out()).contains("nothing to remove");
    }

    @Test
    void aFileThatIsNotJsonIsLeftAloneWithAReason() throws Exception {
        Path settings = Files.createDirectories(dir.resolve("project/.gemini")).resolve("settings.json");
        Files.writeString(settings, "{\"theme\": \"dark\",,}");
        Result r = run("install", "gemini");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not valid JSON").contains("nothing was changed");
        assertThat(Files.readString(settings)).isEqualTo("{\"theme\": \"dark\",,}");
    }

    @Test
    void localModeCanNameItsPolicyAndInventory() throws Exception {
        Path policies = Files.createDirectories(dir.resolve("team policies"));
        Path inventory = Files.writeString(dir.resolve("inventory.yaml"), "apiVersion: interlock.dev/v1\n");
        assertThat(run("install", "codex", "--policy", policies.toString(), "--inventory", inventory.toString()).exit()).isZero();
        assertThat(json("project/.codex/hooks.json").at("/hooks/PreToolUse/0/hooks/0/command").asText()).isEqualTo(
                "'/opt/interlock/interlock' hook codex --policy '" + policies + "' --inventory '" + inventory + "'");
        assertThat(run("install", "codex", "--policy", dir.resolve("missing").toString()).err()).contains("does not exist");
    }

    @Test
    void aDryRunWritesNothing() {
        Result r = run("install", "codex", "--dry-run");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("dry run");
        assertThat(dir.resolve("project/.codex/hooks.json")).doesNotExist();
    }

    @Test
    void serverModeInstallsTheCurlClientWithItsUrlAndAPrivateToken() throws Exception {
        Path data = dir.resolve("data");
        Result r = run("install", "kiro", "--server", "http://interlock.internal:8470", "--token", "il_secret", "--data", data.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("kiro-cli chat --agent interlock");
        assertThat(json("project/.kiro/agents/interlock.json").at("/hooks/preToolUse/0/command").asText())
                .isEqualTo("'" + data.resolve("bin/interlock-hook-client") + "' kiro");
        assertThat(Files.isExecutable(data.resolve("bin/interlock-hook-client"))).isTrue();
        assertThat(Files.readString(data.resolve("hook-url")).strip()).isEqualTo("http://interlock.internal:8470");
        assertThat(Files.getPosixFilePermissions(data.resolve("hook-token"))).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(run("install", "kiro", "--server", "ftp://x").err()).contains("http:// or https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"emacs", ""})
    void anUnknownAgentIsAUsageError(String agent) {
        Result r = run("install", agent);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("claude-code");
    }
}
