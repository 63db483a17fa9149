package dev.interlock.bench;

import dev.interlock.Interlock;
import dev.interlock.analysis.plan.ManifestAction;
import dev.interlock.analysis.plan.Plans;
import dev.interlock.environment.AmbientContext;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Payload;
import dev.interlock.model.Plan;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and deciding a Terraform plan of N changes (streaming read with the plan digest, analysis, environment,
 * risk and the shipped policy). Single-shot and one fork per measurement: a CLI reads a plan once, cold.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 5, jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
public class PlanBenchmark {

    @Param({"50000"})
    int changes;

    private Path file;
    private Interlock interlock;

    @Setup
    public void setup() throws IOException {
        file = Files.createTempFile("interlock-bench-plan", ".json");
        LargePlan.write(changes, file);
        interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).decisionIds(() -> "bench").build();
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public Decision readAndDecide() throws IOException {
        Plan plan;
        try (InputStream in = Files.newInputStream(file)) {
            plan = Plans.read(in, Optional.empty(), ManifestAction.APPLY);
        }
        return interlock.decide(new Request("", plan.kind(), new Payload.Document(plan),
                new RequestContext(Optional.empty(), Optional.of("/srv/infra"), java.util.Map.of(), Optional.empty()), Actor.UNKNOWN));
    }
}
