package dev.interlock.policy;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.function.Supplier;

/** A CEL expression, where it was written, and its program (compiled once, at load or at first use). */
public final class CelExpression {
    private final String source;
    private final SourceLocation where;
    private final Supplier<CelRuntime.Program> compiler;
    private volatile CelRuntime.Program program;

    CelExpression(String source, SourceLocation where, Supplier<CelRuntime.Program> compiler) {
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
    CelRuntime.Program program() {
        CelRuntime.Program p = program;
        if (p == null) {
            p = compiler.get();
            program = p;
        }
        return p;
    }

    Object eval(Map<String, ?> vars) throws CelEvaluationException {
        return program().eval(vars);
    }

    @Override
    public String toString() {
        return source;
    }
}
