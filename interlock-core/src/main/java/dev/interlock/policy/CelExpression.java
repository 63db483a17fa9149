package dev.interlock.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/** A compiled CEL expression and where it was written. */
public record CelExpression(String source, CelRuntime.Program program, SourceLocation where) {
    Object eval(Map<String, ?> vars) throws CelEvaluationException {
        return program.eval(vars);
    }
}
