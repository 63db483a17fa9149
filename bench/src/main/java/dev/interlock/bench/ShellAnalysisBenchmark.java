package dev.interlock.bench;

import dev.interlock.analysis.shell.ShellAnalyzer;
import dev.interlock.analysis.sql.SqlAnalyzer;
import dev.interlock.model.Operation;
import dev.interlock.model.RequestContext;
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

/** Shell analysis alone: a typical ~100-byte command, and 1 MiB adversarial inputs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShellAnalysisBenchmark {

    /** ~100 bytes, three commands: a list, an assignment prefix, a recognizer with flags, a pipe. */
    static final String TYPICAL = "cd /srv/app && AWS_PROFILE=prod aws s3 cp build/app.tar.gz s3://acme-releases/app/ --sse AES256 | tee log";
    /** ~100 bytes, one command. */
    static final String SINGLE = "kubectl --context prod-eu-1 -n payments rollout restart deployment/api-gateway --field-manager=ops";

    private ShellAnalyzer analyzer;
    private RequestContext context;
    private String nestedSubstitutions;
    private String longPipeline;
    private String quotes;

    @Setup
    public void setup() {
        analyzer = ShellAnalyzer.standard(SqlAnalyzer::analyze);
        context = RequestContext.EMPTY.withCwd("/home/dev/project");
        int mib = (1 << 20) - 64; // just under the parser's 1 MiB input limit, so the whole input is parsed
        nestedSubstitutions = "$(".repeat(mib / 2);
        longPipeline = "rm -rf x | ".repeat(mib / 11);
        quotes = "echo \"" + "a'b\\$c\\`d".repeat(mib / 10) + "\"";
    }

    @Benchmark
    public List<Operation> typical100Bytes() {
        return analyzer.analyze(TYPICAL, context);
    }

    @Benchmark
    public List<Operation> single100Bytes() {
        return analyzer.analyze(SINGLE, context);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 3)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Operation> nested1MiB() {
        return analyzer.analyze(nestedSubstitutions, context);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 3)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Operation> pipeline1MiB() {
        return analyzer.analyze(longPipeline, context);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 2)
    @Measurement(iterations = 3, time = 3)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Operation> quotes1MiB() {
        return analyzer.analyze(quotes, context);
    }
}
