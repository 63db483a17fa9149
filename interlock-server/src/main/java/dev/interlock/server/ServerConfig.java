package dev.interlock.server;

import dev.interlock.server.notify.Webhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a server runs: where it listens, where its data lives ({@code dataDir}; SQLite there unless
 * {@code databaseUrl} names a PostgreSQL), its policy and inventory (shipped defaults when empty), approver webhooks,
 * the URL reviewers reach it at (for links), and the MCP servers {@code /mcp} stands in front of (none: no gateway).
 */
public record ServerConfig(String host, int port, Path dataDir, String databaseUrl, Optional<Path> policy,
                           Optional<Path> inventory, List<Webhook> webhooks, String publicUrl, int checkpointEvery,
                           Duration webhookBackoff, Optional<dev.interlock.mcp.GatewayConfig> mcp) {

    public static final int DEFAULT_PORT = 8470;

    public ServerConfig {
        databaseUrl = databaseUrl == null ? "" : databaseUrl;
        webhooks = List.copyOf(webhooks);
        publicUrl = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
    }

    public ServerConfig(String host, int port, Path dataDir, String databaseUrl, Optional<Path> policy, Optional<Path> inventory,
                        List<Webhook> webhooks, String publicUrl, int checkpointEvery, Duration webhookBackoff) {
        this(host, port, dataDir, databaseUrl, policy, inventory, webhooks, publicUrl, checkpointEvery, webhookBackoff, Optional.empty());
    }

    public ServerConfig withMcp(dev.interlock.mcp.GatewayConfig gateway) {
        return new ServerConfig(host, port, dataDir, databaseUrl, policy, inventory, webhooks, publicUrl, checkpointEvery,
                webhookBackoff, Optional.of(gateway));
    }

    public static Path defaultDataDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("interlock");
    }

    /** The URL links point at: the configured public URL, else the address the server listens on. */
    public String linkBase(int actualPort) {
        return publicUrl.isEmpty() ? "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + actualPort : publicUrl;
    }
}
