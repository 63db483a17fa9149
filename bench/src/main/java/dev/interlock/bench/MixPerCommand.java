package dev.interlock.bench;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Request;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * CPU time per decision for each command of {@link DecisionBenchmark}'s mix, after a warm-up: which command costs what.
 * Thread CPU time rather than wall time, so that a busy machine (other builds, other benchmarks) shifts the figures
 * less; compare two builds in the same run, alternating.
 * {@code java -cp bench/target/benchmarks.jar dev.interlock.bench.MixPerCommand [WARMUP_ROUNDS]}
 */
public final class MixPerCommand {

    private static final int REPEATS = 2_000;

    private MixPerCommand() {
    }

    public static void main(String[] args) {
        Interlock interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).decisionIds(() -> "bench").build();
        List<Request> requests = Requests.all();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        for (int i = 0; i < rounds; i++) {
            for (Request r : requests) {
                interlock.decide(r);
            }
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double total = 0;
        for (int k = 0; k < requests.size(); k++) {
            long best = Long.MAX_VALUE;
            for (int rep = 0; rep < 5; rep++) {
                long start = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < REPEATS; i++) {
                    interlock.decide(requests.get(k));
                }
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - start) / REPEATS);
            }
            total += best / 1000.0;
            System.out.printf("%7.1f µs  %s%n", best / 1000.0, Requests.COMMANDS.get(k));
        }
        System.out.printf("%7.1f µs  mean over the mix (best of 5 × %,d each)%n", total / requests.size(), REPEATS);
    }
}
