package dev.interlock.cli;

import dev.interlock.server.InterlockServer;
import dev.interlock.server.ServerConfig;
import dev.interlock.server.notify.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code interlock serve}: the decision API, approvals, grants and the audit log, until stopped. */
@Command(name = "serve", description = {
        "Run the Interlock server: decisions over HTTP, approvals a second human gives, grants, session-aware policy,",
        "and the hash-chained audit log. Embedded SQLite in the data directory by default; --database postgresql://…",
        "for several servers sharing state. Stops gracefully on SIGTERM/Ctrl-C (requests in flight finish)."})
final class ServeCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8470", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ~/.local/share/interlock).")
    Path data;

    @Option(names = "--database", paramLabel = "URL", description = "postgresql://user:password@host:port/db to share state between servers (default: SQLite in the data directory).")
    String database;

    @Option(names = "--policy", paramLabel = "DIR", description = "Policy directory or file, watched for changes (default: the shipped pack).")
    Path policy;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Inventory YAML consulted before the shipped default inventory.")
    Path inventory;

    @Option(names = "--webhook", paramLabel = "GROUP=URL", description = "Notify approver GROUP (or * for all) at URL; repeatable.")
    List<String> webhooks = new ArrayList<>();

    @Option(names = "--public-url", paramLabel = "URL", description = "The URL reviewers reach this server at, for links (default: the listen address).")
    String publicUrl;

    @Option(names = "--mcp", paramLabel = "FILE", description = "Gateway config (kind: Gateway): serve its MCP servers at /mcp, every tool call decided here.")
    Path mcp;

    @Option(names = "--checkpoint-every", defaultValue = "1000", description = "Sign the audit head every N events (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Override
    public Integer call() throws Exception {
        List<Webhook> hooks = new ArrayList<>();
        for (String w : webhooks) {
            hooks.add(Webhook.parse(w));
        }
        Path dataDir = data != null ? data : ServerConfig.defaultDataDir();
        ServerConfig config = new ServerConfig(host, port, dataDir, database, Optional.ofNullable(policy), Optional.ofNullable(inventory),
                hooks, publicUrl, checkpointEvery, Duration.ofSeconds(1));
        if (mcp != null) {
            try {
                config = config.withMcp(dev.interlock.mcp.GatewayConfig.read(mcp));
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("interlock serve: " + e.getMessage());
                return Main.USAGE;
            }
        }
        InterlockServer server = InterlockServer.start(config, System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "interlock-shutdown"));
        server.awaitStop();
        return 0;
    }
}
