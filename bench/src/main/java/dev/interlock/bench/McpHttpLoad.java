package dev.interlock.bench;

import dev.interlock.bench.load.KeepAliveConnection;
import dev.interlock.bench.load.KeepAliveConnection.Answer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The MCP gateway over streamable HTTP: the same upstream called directly and through {@code interlock serve --mcp}.
 * First latency — one call in flight, alternating direct and proxied, pairwise difference p50/p99 — then throughput:
 * CLIENTS sessions calling as fast as they are answered for SECONDS, on each side.
 * {@code java -cp bench/target/benchmarks.jar dev.interlock.bench.McpHttpLoad DIRECT_URL GATEWAY_URL TOKEN CALLS CLIENTS SECONDS [WARM_SECONDS]}
 */
public final class McpHttpLoad {

    private static final String CALL = "{\"name\":\"get-sum\",\"arguments\":{\"a\":2,\"b\":3}}";

    private McpHttpLoad() {
    }

    /** One MCP session over streamable HTTP, on one keep-alive connection (the JDK's HttpClient cost more CPU). */
    private static final class Session implements AutoCloseable {
        final URI url;
        final KeepAliveConnection connection;
        final String token;
        String id;
        int next = 1;

        Session(String url, String token) throws Exception {
            this.url = URI.create(url);
            this.token = token;
            this.connection = new KeepAliveConnection(this.url);
            Answer r = post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
            id = r.headers().get("mcp-session-id");
            if (id == null) {
                throw new IllegalStateException("no session from " + url + ": " + r.status() + " " + r.body());
            }
            post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        }

        Answer post(String body) {
            return connection.exchange(KeepAliveConnection.post(url, headers(), body), true);
        }

        /** Ends the session on the server (DELETE), so that repeated runs do not fill its session table. */
        @Override
        public void close() {
            connection.exchange(KeepAliveConnection.request("DELETE", url, headers(), ""), false);
            connection.close();
        }

        private Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Accept", "application/json, text/event-stream");
            headers.put("MCP-Protocol-Version", "2025-11-25");
            if (id != null) {
                headers.put("Mcp-Session-Id", id);
            }
            if (!token.isEmpty()) {
                headers.put("Authorization", "Bearer " + token);
            }
            return headers;
        }

        /** One tools/call's round trip in nanoseconds; fails unless the answer is the tool's own. */
        long call() throws Exception {
            int n = next++;
            long start = System.nanoTime();
            Answer r = post("{\"jsonrpc\":\"2.0\",\"id\":" + n + ",\"method\":\"tools/call\",\"params\":" + CALL + "}");
            long took = System.nanoTime() - start;
            if (r.status() != 200 || !r.body().contains("\"id\":" + n) || r.body().contains("isError\":true")) {
                throw new IllegalStateException("call " + n + " to " + url + " failed: " + r.status() + " " + r.body());
            }
            return took;
        }
    }

    public static void main(String[] args) throws Exception {
        String direct = args[0];
        String gateway = args[1];
        String token = args[2];
        int calls = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmSeconds = args.length > 6 ? Integer.parseInt(args[6]) : 0;
        if (warmSeconds > 0) { // a long-running server is measured after its JIT has settled, not while it compiles
            throughput(gateway, token, clients, warmSeconds);
            throughput(direct, "", clients, warmSeconds);
        }
        try (Session d = new Session(direct, ""); Session g = new Session(gateway, token)) {
            latency(d, g, calls);
        }
        System.out.printf("direct    %,.0f calls/s with %d clients%n", throughput(direct, "", clients, seconds), clients);
        System.out.printf("gateway   %,.0f calls/s with %d clients%n", throughput(gateway, token, clients, seconds), clients);
    }

    /** One call in flight, alternating direct and proxied; prints each side and the pairwise difference. */
    private static void latency(Session d, Session g, int calls) throws Exception {
        for (int i = 0; i < Math.min(1000, calls); i++) {
            d.call();
            g.call();
        }
        long[] dl = new long[calls];
        long[] gl = new long[calls];
        long[] added = new long[calls];
        for (int i = 0; i < calls; i++) {
            dl[i] = d.call();
            gl[i] = g.call();
            added[i] = gl[i] - dl[i];
        }
        System.out.printf("direct    p50 %.3f ms  p99 %.3f ms%n", pct(dl, 50), pct(dl, 99));
        System.out.printf("gateway   p50 %.3f ms  p99 %.3f ms%n", pct(gl, 50), pct(gl, 99));
        System.out.printf("added     p50 %.3f ms  p99 %.3f ms (pairwise, %d calls)%n", pct(added, 50), pct(added, 99), calls);
    }

    private static double throughput(String url, String token, int clients, int seconds) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            sessions.add(new Session(url, token));
        }
        LongAdder done = new LongAdder();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (Session s : sessions) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    while (!stop.get()) {
                        s.call();
                        if (counting.get()) {
                            done.increment();
                        }
                    }
                } catch (Exception e) {
                    System.err.println(e.getMessage());
                }
            }));
        }
        Thread.sleep(2000); // warm-up
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        counting.set(false);
        double rate = done.sum() / ((System.nanoTime() - start) / 1e9);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        for (Session s : sessions) {
            s.close();
        }
        return rate;
    }

    private static double pct(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
