package dev.interlock.mcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;

/**
 * One agent's MCP session through Interlock: messages from the agent in ({@link #receive}), messages to it out
 * through the consumer it was built with, whatever carries them (stdio lines, HTTP posts and event streams).
 */
public interface Gateway extends AutoCloseable {

    /** Starts the upstream servers. */
    void start() throws IOException;

    /** One JSON-RPC message from the agent (malformed ones are answered with a JSON-RPC error). */
    void receive(String message);

    /** Stops the upstream servers (stdin closed, then SIGTERM, then SIGKILL). */
    @Override
    void close();

    /** The gateway {@code config} describes: one upstream passed through as it is, several aggregated. */
    static Gateway of(GatewayConfig config, CallDecider decider, java.util.function.Consumer<String> client, PrintStream log) {
        if (config.upstreams().size() > 1) {
            return new AggregatingGateway(config.upstreams(), config.separator(), decider, client, log);
        }
        return new PassThroughGateway(config.upstream(), decider, client, log);
    }

    /** The gateway for one stdio client of either protocol generation: a stateless one gets its handshake made for it. */
    static Gateway stdio(GatewayConfig config, CallDecider decider, java.util.function.Consumer<String> client, PrintStream log) {
        return StatelessFront.of(config, decider, client, log);
    }

    /** Serves {@code gateway} over stdio until the agent closes its end; the exit code. */
    static int serve(Gateway gateway, BufferedReader from) throws IOException {
        // An agent that stops the gateway with a signal must not leave the upstream servers running.
        Thread stop = new Thread(gateway::close, "interlock-mcp-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        gateway.start();
        try {
            String line;
            while ((line = from.readLine()) != null) {
                if (!line.isBlank()) {
                    gateway.receive(line);
                }
            }
        } finally {
            gateway.close();
        }
        return 0;
    }

    /** One message a line on {@code out}, whole lines only however many threads answer. */
    static java.util.function.Consumer<String> lines(PrintStream out) {
        return line -> {
            synchronized (out) {
                out.print(line);
                out.print('\n');
                out.flush();
            }
        };
    }
}
