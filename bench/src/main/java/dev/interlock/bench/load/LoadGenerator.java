package dev.interlock.bench.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load for {@code POST /v1/decisions}. Two modes: {@code --concurrency N} keeps N requests in flight (closed loop:
 * the sustained throughput), {@code --rate R} sends R requests a second on schedule whatever the answers do (open
 * loop: latency at a given load, measured from the scheduled send time, so a stall is not hidden; {@code --connections}
 * keep-alive connections carry it). Prints throughput,
 * latency percentiles and the status codes seen. Bounded in count and time; targets loopback.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.interlock.bench.load.LoadGenerator --url http://127.0.0.1:8470 \
 *   --token-file DATA/agent-token --seconds 20 --concurrency 64</pre>
 */
public final class LoadGenerator {

    /** A realistic mix: mostly reads and workspace work, some dev changes, a few held or denied. */
    static final List<String> COMMANDS = List.of(
            "kubectl --context prod-eu-1 -n payments get pods",
            "git status && git diff --stat",
            "mvn -q test",
            "rm -rf ./target",
            "kubectl --context dev-1 -n scratch rollout restart deployment/api",
            "terraform -chdir=envs/dev plan",
            "aws s3 ls s3://logs-dev --profile dev",
            "psql postgres://db.dev.internal/app -c 'select count(*) from orders'",
            "kubectl --context prod-eu-1 -n payments delete namespace payments",
            "cat README.md | grep -n interlock");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Args.parse(args);
        URI url = URI.create(o.getOrDefault("url", "http://127.0.0.1:8470") + "/v1/decisions");
        String token = Args.token(o);
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int sessions = Integer.parseInt(o.getOrDefault("sessions", "200"));
        Recorder warm = new Recorder();
        Recorder main = new Recorder();
        if (o.containsKey("rate")) {
            int rate = Integer.parseInt(o.get("rate"));
            int connections = Integer.parseInt(o.getOrDefault("connections", "64"));
            openLoop(url, token, rate, connections, warmup, sessions, warm);
            openLoop(url, token, rate, connections, seconds, sessions, main);
            System.out.println(main.report("open loop at " + rate + "/s for " + seconds + " s", seconds));
        } else {
            int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "64"));
            closedLoop(url, token, concurrency, warmup, sessions, warm);
            closedLoop(url, token, concurrency, seconds, sessions, main);
            System.out.println(main.report("closed loop, " + concurrency + " in flight, " + seconds + " s", seconds));
        }
    }

    static byte[] request(URI url, String token, long n, int sessions) {
        String command = COMMANDS.get((int) (n % COMMANDS.size()));
        String body = "{\"kind\":\"shell\",\"command\":\"" + command.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"context\":{\"cwd\":\"/srv/app\"},\"actor\":{\"session\":\"load-" + (n % sessions) + "\"}}";
        return KeepAliveConnection.post(url, token, body);
    }

    static void closedLoop(URI url, String token, int concurrency, int seconds, int sessions, Recorder r) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong counter = new AtomicLong();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                pool.execute(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(url)) {
                        while (System.nanoTime() < end) {
                            long start = System.nanoTime();
                            int status = connection.exchange(request(url, token, counter.getAndIncrement(), sessions));
                            r.record(status, System.nanoTime() - start);
                        }
                    }
                });
            }
        }
    }

    /**
     * Requests are due on a fixed schedule and wait in a queue for one of the connections; latency runs from the
     * time a request was due, so a stall in the server shows in every request it delayed (no coordinated omission,
     * as long as there are enough connections for the rate).
     */
    static void openLoop(URI url, String token, int rate, int connections, int seconds, int sessions, Recorder r)
            throws InterruptedException {
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long total = (long) rate * seconds;
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        long[] stop = {-1, 0};
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                pool.execute(() -> {
                    try (KeepAliveConnection connection = new KeepAliveConnection(url)) {
                        for (long[] next = take(due); next != stop; next = take(due)) {
                            int status = connection.exchange(request(url, token, next[0], sessions));
                            r.record(status, System.nanoTime() - next[1]);
                        }
                    }
                });
            }
            long begin = System.nanoTime();
            for (long i = 0; i < total; i++) {
                long scheduled = begin + i * interval;
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                due.add(new long[] {i, scheduled});
            }
            for (int i = 0; i < connections; i++) {
                due.add(stop);
            }
        }
    }

    private static long[] take(BlockingQueue<long[]> due) {
        try {
            return due.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Latencies and status codes, thread-safe. */
    static final class Recorder {
        private final ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();

        void record(int status, long nanos) {
            samples.add(new long[] {status, nanos});
        }

        String report(String title, int seconds) {
            List<long[]> all = new ArrayList<>(samples);
            long[] latencies = all.stream().mapToLong(s -> s[1]).sorted().toArray();
            Map<Long, Long> statuses = new java.util.TreeMap<>();
            all.forEach(s -> statuses.merge(s[0], 1L, Long::sum));
            return String.format("%s: %d requests, %.0f/s; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; statuses %s",
                    title, all.size(), all.size() / (double) seconds, pct(latencies, 50), pct(latencies, 90), pct(latencies, 99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, statuses);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
            return sorted[Math.max(0, i)] / 1e6;
        }
    }

    private LoadGenerator() {
    }

    /** {@code --key value} pairs. */
    static final class Args {
        static Map<String, String> parse(String[] args) {
            Map<String, String> out = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --option value pairs, got " + Arrays.toString(args));
                }
                out.put(args[i].substring(2), args[i + 1]);
            }
            return out;
        }

        static String token(Map<String, String> o) throws java.io.IOException {
            if (o.containsKey("token")) {
                return o.get("token");
            }
            if (o.containsKey("token-file")) {
                return java.nio.file.Files.readString(java.nio.file.Path.of(o.get("token-file"))).strip();
            }
            throw new IllegalArgumentException("--token or --token-file is required");
        }
    }
}
