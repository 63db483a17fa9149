package dev.interlock.cli;

import dev.interlock.cli.hook.DeciderDaemon;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code interlock decider run|status|stop}: the local decider that answers local-mode hooks warm (the launcher starts
 * it on a hook's first call; see {@link DeciderDaemon}).
 */
@Command(name = "decider", description = {
        "The local decider: a per-user process that keeps the policy compiled and answers local-mode hooks over a unix",
        "socket (a curl instead of a JVM start per tool call). The launcher starts it on a hook's first call and falls",
        "back to deciding in the hook's own process whenever it is not there; INTERLOCK_DECIDER=off turns it off.",
        "ACTION: run (in the foreground), status, stop."})
final class DeciderCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "run, status or stop")
    String action;

    @Option(names = "--socket", paramLabel = "PATH", description = "The socket (default: the one the launcher's hooks use).")
    Path socket;

    @Option(names = "--idle", paramLabel = "MINUTES", defaultValue = "30", description = "Exit after this long without a request (default: ${DEFAULT-VALUE}).")
    long idleMinutes;

    @Override
    public Integer call() {
        Path sock = socket != null ? socket : defaultSocket();
        if (sock == null) {
            return Cli.usage(spec, "no socket: run this through the interlock launcher, or give --socket PATH");
        }
        return switch (action) {
            case "run" -> DeciderDaemon.run(sock, Duration.ofMinutes(Math.max(1, idleMinutes)), System.err);
            case "status" -> exchange(sock, "GET", "/v1/status", "not running");
            case "stop" -> exchange(sock, "POST", "/v1/stop", "not running (nothing to stop)");
            default -> Cli.usage(spec, "unknown action '" + action + "': run, status or stop");
        };
    }

    private static Path defaultSocket() {
        String s = System.getProperty("interlock.decider", "");
        return s.isBlank() ? null : Path.of(s);
    }

    /** One HTTP/1.0 exchange over the unix socket: enough for a status line, without an HTTP client for one call. */
    private int exchange(Path sock, String method, String path, String absent) {
        if (!Files.exists(sock)) {
            System.out.println("decider " + absent + " (" + sock + ")");
            return "GET".equals(method) ? 3 : 0;
        }
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap((method + " " + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (ch.read(buf) >= 0) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            String response = out.toString(StandardCharsets.UTF_8);
            if (response.isEmpty() && "POST".equals(method)) {
                System.out.println("decider stopping (" + sock + ")"); // it closed the connection on its way out
                return 0;
            }
            int body = response.indexOf("\r\n\r\n");
            System.out.println(body < 0 ? response : response.substring(body + 4));
            return response.startsWith("HTTP/1.1 200") || response.startsWith("HTTP/1.0 200") ? 0 : 1;
        } catch (IOException e) {
            System.out.println("decider " + absent + " (" + sock + ": " + e.getMessage() + ")");
            return "GET".equals(method) ? 3 : 0;
        }
    }
}
