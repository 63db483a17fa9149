package dev.interlock.bench;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Request;
import dev.interlock.policy.PolicyFile;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The shipped pack plus N generated rules for other systems (they cannot match a kubectl command): the index by
 * system and verb should keep the cost flat as N grows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RuleScalingBenchmark {

    @Param({"10", "100", "1000", "10000"})
    public int rules;

    private Interlock interlock;
    private Request request;

    @Setup
    public void setup() {
        StringBuilder yaml = new StringBuilder("apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: { name: generated }\nspec:\n  rules:\n");
        for (int i = 0; i < rules; i++) {
            yaml.append("    - { id: generated-").append(i).append(", match: { systems: [service-").append(i)
                    .append("], verbs: [delete] }, when: 'op.resource.name.startsWith(\"x").append(i).append("\")', effect: deny }\n");
        }
        List<PolicyFile> files = new java.util.ArrayList<>(PolicyFile.defaults());
        files.add(new PolicyFile("generated.yaml", yaml.toString()));
        interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).policy(files).decisionIds(() -> "bench").build();
        request = RequestReader.read("{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 -n payments rollout restart deployment/api\"}");
    }

    @Benchmark
    public Decision decide() {
        return interlock.decide(request);
    }
}
