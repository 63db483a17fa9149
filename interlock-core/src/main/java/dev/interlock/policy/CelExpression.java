package dev.interlock.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A CEL expression, where it was written, and its program (compiled once, at load or at first use). */
public final class CelExpression {
    private final String source;
    private final SourceLocation where;
    private final Supplier<Compiled> compiler;
    private volatile Compiled compiled;

    /** CEL's program, and the direct evaluation of it when the expression is in {@link DirectEvaluation}'s subset. */
    record Compiled(CelRuntime.Program program, Optional<DirectEvaluation.Node> direct) {
    }

    CelExpression(String source, SourceLocation where, Supplier<Compiled> compiler) {
        this.source = source;
        this.where = where;
        this.compiler = compiler;
    }

    public String source() {
        return source;
    }

    public SourceLocation where() {
        return where;
    }

    /** Throws {@link PolicyException} when the expression does not compile. */
    Compiled program() {
        Compiled c = compiled;
        if (c == null) {
            c = compiler.get();
            compiled = c;
        }
        return c;
    }

    Object eval(Map<String, ?> vars) throws CelEvaluationException {
        Compiled c = program();
        if (c.direct().isPresent()) {
            try {
                return c.direct().get().eval(vars);
            } catch (DirectEvaluation.GivenUp e) {
                // CEL decides what the direct evaluation would have had to guess
            }
        }
        return c.program().eval(vars);
    }

    @Override
    public String toString() {
        return source;
    }
}
