package dev.interlock.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL environment rules are written in: variables {@code op}, {@code request}, {@code actor}, {@code context}
 * (maps). Compiles once at load; a compiled {@link Expression} evaluates many times.
 */
final class CelExpressions {

    private static final CelType MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("op", MAP).addVar("request", MAP).addVar("actor", MAP).addVar("context", MAP)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private CelExpressions() {
    }

    static CelExpression compile(String source, CelType resultType, SourceLocation where, String field) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(source).getAst();
            if (!resultType.equals(ast.getResultType()) && !SimpleType.DYN.equals(ast.getResultType())) {
                throw PolicyException.at(where, field + " must be a CEL " + resultType.name() + " expression, but '"
                        + source + "' is " + ast.getResultType().name()
                        + (field.equals("message") ? " (to write plain text, quote it: message: \"'your text'\")" : ""));
            }
            return new CelExpression(source, RUNTIME.createProgram(ast), where);
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().getFirst();
            int line = first.getSourceLocation().getLine();
            int column = first.getSourceLocation().getColumn();
            SourceLocation at = line <= 1
                    ? new SourceLocation(where.file(), where.line(), where.column() + Math.max(column, 0))
                    : new SourceLocation(where.file(), where.line() + line - 1, Math.max(column, 0) + 1);
            throw PolicyException.at(at, field + " is not valid CEL: " + first.getMessage()
                    + (field.equals("message") ? " (a message is a CEL string expression; quote plain text: \"'text'\")" : ""));
        } catch (dev.cel.common.CelException e) {
            throw PolicyException.at(where, field + " cannot be compiled: " + e.getMessage());
        }
    }
}
