package dev.interlock.cli.install;

import dev.interlock.hooks.Agent;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interlock install AGENT}: puts Interlock's hook in the agent's configuration. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Put Interlock's hook in an agent's configuration, before its shell, edit and MCP tools, with the",
                "agent's fail-closed option set where it has one. Other settings and hooks are kept; a backup is written.",
                "Local mode (default): the hook decides on this machine. --server URL: the Interlock server decides (a curl",
                "script, not a JVM). AGENT: claude-code, codex, gemini, cursor, copilot, kiro."})
public final class InstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AGENT")
    String agentName;

    @Mixin
    Scope scope;

    @Option(names = "--server", paramLabel = "URL", description = "Server mode: the Interlock server that decides.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "Server mode: the agent token (stored 0600 in the data directory).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Server mode: read the agent token from FILE.")
    Path tokenFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Server mode: where the hook client lives (default ~/.local/share/interlock).")
    Path data;

    @Option(names = "--policy", paramLabel = "DIR", description = "Local mode: the policy directory the hook decides with (default: the shipped pack).")
    Path policy;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Local mode: the inventory the hook decides with.")
    Path inventory;

    @Option(names = "--dry-run", description = "Say what would change; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Agent agent = Installer.agent(agentName);
            HookLayout layout = HookLayout.of(agent, scope.kiroName);
            Path file = scope.file(layout);
            String command = command(agent);
            Installer.Change change = Installer.install(layout, file, command, scope.kiroName, dryRun, server != null && !server.isBlank());
            out.println(agent.displayName() + ": " + change.file() + ": " + change.what());
            change.backup().ifPresent(b -> out.println("  backup of the previous file: " + b));
            out.println("  hook command: " + command);
            if (!layout.caveat().isEmpty()) {
                out.println("  note: " + layout.caveat());
            }
            out.println("  check it with: " + launcher() + " verify " + agent.id() + (scope.isUser() ? " --user" : " --dir " + scope.projectDir()));
            return 0;
        } catch (InstallException e) {
            spec.commandLine().getErr().println("interlock install: " + e.getMessage());
            return 2;
        }
    }

    private String command(Agent agent) throws java.io.IOException {
        if (server == null || server.isBlank()) {
            return quote(launcher()) + " hook " + agent.id()
                    + (policy == null ? "" : " --policy " + quote(existing(policy).toString()))
                    + (inventory == null ? "" : " --inventory " + quote(existing(inventory).toString()));
        }
        if (policy != null || inventory != null) {
            throw new InstallException("--policy and --inventory are for local mode; with --server the server's policy decides");
        }
        if (!server.matches("https?://.+")) {
            throw new InstallException("--server must be an http:// or https:// URL, not '" + server + "'");
        }
        String secret = tokenFile != null ? Files.readString(tokenFile).strip() : token;
        Path dataDir = data != null ? data.toAbsolutePath() : HookClient.defaultData(scope.homeDir());
        Path script = dataDir.resolve("bin/interlock-hook-client");
        if (!dryRun) {
            script = HookClient.write(dataDir, server, secret);
        }
        return quote(script.toString()) + " " + agent.id();
    }

    private static Path existing(Path p) {
        if (!Files.exists(p)) {
            throw new InstallException(p + " does not exist");
        }
        return p.toAbsolutePath().normalize();
    }

    static String launcher() {
        String l = System.getProperty("interlock.launcher");
        if (l == null || l.isBlank()) {
            throw new InstallException("run this through the interlock launcher (./interlock), which the hook command names");
        }
        return l;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
