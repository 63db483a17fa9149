package dev.interlock.mcp;

import java.io.IOException;

/** One upstream MCP server as a stream of JSON-RPC messages, whatever carries them (a process's stdio, HTTP). */
interface Upstream extends AutoCloseable {

    /** The server of {@code config}, its generation probed at the client's first {@code initialize}. */
    static Upstream start(GatewayConfig.Upstream config, java.io.PrintStream log) throws IOException {
        Upstream raw = config.url().isEmpty() ? ProcessUpstream.start(config.command(), config.env()) : new HttpUpstream(config);
        return new EraProbe(raw, config.name(), log);
    }

    /** One message to the server. */
    void send(String message) throws IOException;

    /** The next message from the server, or null when it is gone (exited, or closed by us). */
    String receive() throws IOException;

    /** How it ended (a process's exit code; 0 for HTTP). */
    int exitCode();

    @Override
    void close();
}
