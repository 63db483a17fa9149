package dev.interlock.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Added latency of {@code interlock mcp} per {@code tools/call}: the same MCP server over stdio, called directly and
 * through the gateway, alternating, one call in flight at a time (what an agent does). Prints p50/p99 of each and of
 * the difference. {@code java -cp bench/target/benchmarks.jar dev.interlock.bench.McpLatency CALLS DIR -- SERVER CMD…}
 * (the gateway is started as {@code ./interlock mcp --env dev -- SERVER CMD…}).
 */
public final class McpLatency {

    private McpLatency() {
    }

    /** One MCP server process spoken to over its stdio. */
    private static final class Peer implements AutoCloseable {
        final Process process;
        final OutputStream in;
        final BufferedReader out;
        int next = 1;

        Peer(List<String> command) throws IOException {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            in = process.getOutputStream();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            call("initialize", "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}");
            send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        void send(String line) throws IOException {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        /** Round trip of one request, in nanoseconds. */
        long call(String method, String params) throws IOException {
            int id = next++;
            long start = System.nanoTime();
            send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
            String marker = "\"id\":" + id;
            String line;
            while ((line = out.readLine()) != null) {
                if (line.contains(marker) && !line.contains("\"method\"")) {
                    return System.nanoTime() - start;
                }
            }
            throw new IOException("the server closed before answering " + method);
        }

        @Override
        public void close() throws Exception {
            in.close();
            process.waitFor();
        }
    }

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        String interlock = args[1];
        List<String> server = Arrays.asList(args).subList(Arrays.asList(args).indexOf("--") + 1, args.length);
        List<String> gateway = new ArrayList<>(List.of(interlock, "mcp", "--env", "dev", "--"));
        gateway.addAll(server);
        String params = "{\"name\":\"list_allowed_directories\",\"arguments\":{}}";
        try (Peer direct = new Peer(server); Peer proxied = new Peer(gateway)) {
            for (int i = 0; i < Math.min(1000, calls); i++) { // warm-up: JIT on both sides
                direct.call("tools/call", params);
                proxied.call("tools/call", params);
            }
            long[] d = new long[calls];
            long[] p = new long[calls];
            for (int i = 0; i < calls; i++) {
                d[i] = direct.call("tools/call", params);
                p[i] = proxied.call("tools/call", params);
            }
            long[] added = new long[calls];
            for (int i = 0; i < calls; i++) {
                added[i] = p[i] - d[i];
            }
            System.out.printf("direct    p50 %.3f ms  p99 %.3f ms%n", pct(d, 50), pct(d, 99));
            System.out.printf("gateway   p50 %.3f ms  p99 %.3f ms%n", pct(p, 50), pct(p, 99));
            System.out.printf("added     p50 %.3f ms  p99 %.3f ms (pairwise, %d calls)%n", pct(added, 50), pct(added, 99), calls);
        }
    }

    private static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
