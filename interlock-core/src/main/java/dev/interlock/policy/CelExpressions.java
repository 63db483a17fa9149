package dev.interlock.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL environment rules are written in: variables {@code op}, {@code request}, {@code actor}, {@code context}
 * (maps) and {@code session} (the session's recent history, with {@code count}, {@code count_effect} and
 * {@code touched}; see {@link SessionFunctions}). Compiles once at load; a compiled expression evaluates many times.
 */
final class CelExpressions {

    private static final CelType MAP = MapType.create(SimpleType.STRING, SimpleType.DYN);
    static final CelType SESSION = OpaqueType.create("interlock.Session");
    /** Built on first compile: a process that evaluates no CEL (a hook answering a read) never pays for it. */
    private static final class Environment {
        private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
                .addVar("op", MAP).addVar("request", MAP).addVar("actor", MAP).addVar("context", MAP).addVar("args", MAP)
                .addVar("session", SESSION)
                .setStandardMacros(dev.cel.parser.CelStandardMacro.STANDARD_MACROS)
                .addFunctionDeclarations(
                        CelFunctionDecl.newFunctionDeclaration("count", CelOverloadDecl.newMemberOverload("session_count",
                                SimpleType.INT, SESSION, ListType.create(SimpleType.STRING), SimpleType.DURATION)),
                        CelFunctionDecl.newFunctionDeclaration("count_effect", CelOverloadDecl.newMemberOverload(
                                "session_count_effect", SimpleType.INT, SESSION, SimpleType.STRING, SimpleType.DURATION)),
                        CelFunctionDecl.newFunctionDeclaration("touched", CelOverloadDecl.newMemberOverload(
                                "session_touched", SimpleType.BOOL, SESSION, SimpleType.STRING)))
                .build();
        private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
                .addFunctionBindings(SessionFunctions.bindings())
                .build();
    }

    private CelExpressions() {
    }

    /** Compiles now: errors surface at load, with file:line. */
    static CelExpression compile(String source, CelType resultType, SourceLocation where, String field) {
        CelExpression e = defer(source, resultType, where, field);
        e.program();
        return e;
    }

    /**
     * Compiles at first evaluation. For a policy already known to compile and pass its tests (a short-lived hook
     * process pays for only the expressions of the rules that match); an error then is a failed condition, which
     * fails closed.
     */
    static CelExpression defer(String source, CelType resultType, SourceLocation where, String field) {
        return new CelExpression(source, where, () -> program(source, resultType, where, field));
    }

    private static CelExpression.Compiled program(String source, CelType resultType, SourceLocation where, String field) {
        try {
            CelAbstractSyntaxTree ast = Environment.COMPILER.compile(source).getAst();
            if (!resultType.equals(ast.getResultType()) && !SimpleType.DYN.equals(ast.getResultType())) {
                throw PolicyException.at(where, field + " must be a CEL " + resultType.name() + " expression, but '"
                        + source + "' is " + ast.getResultType().name()
                        + (field.equals("message") ? " (to write plain text, quote it: message: \"'your text'\")" : ""));
            }
            return new CelExpression.Compiled(Environment.RUNTIME.createProgram(ast), DirectEvaluation.of(ast.getExpr()));
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
