package dev.interlock.bench;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Decision;
import dev.interlock.model.Request;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Analyze + resolve + risk + policy for one request of the 20-command mix, with the shipped policy. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DecisionBenchmark {

    private Interlock interlock;
    private List<Request> requests;
    private int next;
    private List<Request> distinct;
    private int nextDistinct;

    @Setup
    public void setup() {
        interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).decisionIds(() -> "bench").build();
        requests = Requests.all();
        distinct = Requests.distinct(200_000);
    }

    @Benchmark
    public Decision decideMix() {
        Request r = requests.get(next);
        next = (next + 1) % requests.size();
        return interlock.decide(r);
    }

    /** The same mix, but no request is ever seen twice: what a history of new commands costs per decision. */
    @Benchmark
    public Decision decideDistinct() {
        Request r = distinct.get(nextDistinct);
        nextDistinct = (nextDistinct + 1) % distinct.size();
        return interlock.decide(r);
    }
}
