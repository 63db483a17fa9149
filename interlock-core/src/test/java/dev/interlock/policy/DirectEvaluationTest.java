package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.types.SimpleType;
import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Operation;
import dev.interlock.model.Request;
import dev.interlock.model.SessionHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The direct evaluation answers as CEL does, or hands the expression back to CEL. */
class DirectEvaluationTest {

    private static final SourceLocation HERE = new SourceLocation("test", 1, 1);

    private static CelExpression compile(String source) {
        try {
            return CelExpressions.compile(source, SimpleType.BOOL, HERE, "when");
        } catch (PolicyException notBool) {
            return CelExpressions.compile(source, SimpleType.STRING, HERE, "message");
        }
    }

    private static Map<String, Object> vars() {
        Map<String, Object> resource = new HashMap<>(Map.of("host", "localhost", "name", "app_test", "type", "database",
                "locators", Map.of("host", "localhost", "pod", "web-1")));
        Map<String, Object> op = new HashMap<>(Map.of("system", "database", "verb", "delete", "resource", resource,
                "environment", "local", "stateful", true));
        op.put("count", 3L);
        op.put("size", 3);
        return Map.of("op", op, "request", Map.of("kind", "shell", "paths", List.of("a", "b")));
    }

    /** Expressions in the subset, with what CEL itself says ({@code matches} is RE2's partial match, as in CEL). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "op.system == 'database' && op.verb in ['delete', 'replace'];true",
        "op.system != 'database' || op.resource.host.startsWith('127.');false",
        "'pod' in op.resource.locators && !('runs-in' in op.resource.locators);true",
        "op.resource.name.matches('(?i).*(_test|_dev)$');true",
        "op.resource.name.matches('test');true",
        "op.resource.host.endsWith('host') ? op.system + '@' + op.resource.host : 'elsewhere';database@localhost",
        "'a' in request.paths;true",
        "op.stateful == true && op.count == 3;true",
        "has(op.resource.locators.pod) && !has(op.resource.locators.path);true",
        "op.resource.name.contains('_te');true",
        "'at ' + op.resource.locators['pod'];at web-1",
    })
    void answersAsCelDoes(String source, String expected) throws Exception {
        CelExpression e = compile(source);
        assertThat(e.program().direct()).as("translated").isPresent();
        Object direct = e.program().direct().get().eval(vars());
        Object cel = e.program().program().eval(vars());
        assertThat(direct).isEqualTo(cel);
        assertThat(String.valueOf(direct)).isEqualTo(expected);
    }

    /** Where CEL's own rules decide — a missing key, mixed types, an error absorbed by || — the direct path gives up. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "op.resource.missing == 'x' || op.system == 'database'",
        "op.size == 3",
        "op.resource.locators['path'] == ''",
        "op.stateful == 'true'",
        "op.resource.locators.path == ''",
    })
    void givesUpWhereCelDecides(String source) throws Exception {
        CelExpression e = compile(source);
        assertThat(e.program().direct()).isPresent();
        Map<String, Object> vars = vars();
        boolean gaveUp = false;
        try {
            e.program().direct().get().eval(vars);
        } catch (DirectEvaluation.GivenUp expected) {
            gaveUp = true;
        }
        assertThat(gaveUp).as("gave up").isTrue();
        Object cel;
        try {
            cel = e.program().program().eval(vars);
        } catch (dev.cel.runtime.CelEvaluationException celError) {
            cel = celError.getClass();
        }
        Object through;
        try {
            through = e.eval(vars);
        } catch (dev.cel.runtime.CelEvaluationException celError) {
            through = celError.getClass();
        }
        assertThat(through).isEqualTo(cel);
    }

    @Test
    void expressionsOutsideTheSubsetAreLeftToCel() {
        assertThat(compile("request.paths.exists(p, p.endsWith('.tf'))").program().direct()).isEmpty();
        assertThat(compile("size(request.paths) > 1").program().direct()).isEmpty();
        assertThat(compile("op.count == 3.0").program().direct()).isEmpty();
        assertThat(compile("op.resource.name.matches(op.system)").program().direct()).isEmpty();
    }

    /**
     * Every condition and message of the shipped policy is in the subset, and on the operations the analysis makes of
     * the project's corpus (one request in thirteen) it gives CEL's answer.
     */
    @Test
    void theShippedPolicyIsEvaluatedDirectlyWithCelsAnswers() throws Exception {
        CompiledPolicy policy = PolicyLoader.loadVerified(PolicyFile.defaults());
        List<CelExpression> expressions = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            rule.when().ifPresent(expressions::add);
            rule.message().ifPresent(expressions::add);
        }
        assertThat(expressions).allSatisfy(e -> assertThat(e.program().direct()).as(e.source()).isPresent());

        Interlock interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corpus"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i += 13) {
                    if (lines.get(i).isBlank()) {
                        continue;
                    }
                    JsonNode c = json.readTree(lines.get(i));
                    Request request = RequestReader.read(c);
                    Decision d = interlock.decide(request);
                    Map<String, Object> requestVars = Activation.request(request, SessionHistory.EMPTY);
                    for (Operation op : d.operations()) {
                        Map<String, Object> vars = Activation.withOperation(requestVars, op);
                        for (CelExpression e : expressions) {
                            Object cel;
                            try {
                                cel = e.program().program().eval(vars);
                            } catch (dev.cel.runtime.CelEvaluationException celError) {
                                cel = "error";
                            }
                            Object direct;
                            try {
                                direct = e.program().direct().get().eval(vars);
                            } catch (DirectEvaluation.GivenUp gaveUp) {
                                continue;
                            }
                            assertThat(direct).as(e.source() + " on " + c.path("id").asText()).isEqualTo(cel);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(5_000);
    }
}
