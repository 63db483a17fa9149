package dev.interlock.bench;

import dev.interlock.Interlock;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Decisions on one thread over a JSON Lines file of requests, in order, with the time per decision for every block of
 * 50,000: how the engine's cost settles on a history of distinct requests once the JIT has caught up, without the
 * batch's reading, writing and thread hand-offs. Reading the file is not timed.
 * {@code java -cp bench/target/benchmarks.jar dev.interlock.bench.DistinctDecisions FILE}
 */
public final class DistinctDecisions {

    private static final int BLOCK = 50_000;

    private DistinctDecisions() {
    }

    public static void main(String[] args) throws Exception {
        Interlock interlock = Interlock.builder().build();
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                requests.add(RequestReader.read(RequestReader.tree(line)));
            }
        }
        long last = System.nanoTime();
        long sink = 0;
        int n = 0;
        for (Request r : requests) {
            sink += interlock.decide(r).effect().ordinal();
            if (++n % BLOCK == 0) {
                long now = System.nanoTime();
                System.out.printf("%,9d  %6.1f µs/decision%n", n, (now - last) / (double) BLOCK / 1000);
                last = now;
            }
        }
        System.out.println("(" + sink + ")"); // keeps the decisions from being optimized away
    }
}
