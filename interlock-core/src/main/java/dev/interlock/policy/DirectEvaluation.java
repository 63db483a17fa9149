package dev.interlock.policy;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.cel.common.CelOptions;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the plain subset of CEL that rules are written in — field selection on maps, {@code ==}, {@code in}, the
 * logical operators, map indexing, string tests, {@code matches} and string {@code +} — directly on the activation's maps. CEL-Java's
 * interpreter costs microseconds per condition (it adapts the activation and resolves overloads on every call), and a
 * decision evaluates a dozen conditions. Anything outside the subset is not translated; anything the subset would have
 * to decide by CEL's own rules (a missing key, mixed types, an error absorbed by {@code &&}) gives up, and the caller
 * evaluates the expression with CEL itself. So an answer from here is always the one CEL gives.
 */
final class DirectEvaluation {

    /** Thrown to hand the expression back to CEL; no stack trace, it is control flow. */
    static final class GivenUp extends RuntimeException {
        private static final GivenUp INSTANCE = new GivenUp();

        private GivenUp() {
            super("left to CEL", null, false, false);
        }
    }

    @FunctionalInterface
    interface Node {
        Object eval(Map<String, ?> vars);
    }

    /** CEL's own regex semantics: RE2, whole-string or partial as the runtime's options say. */
    private static final boolean PARTIAL_MATCH = CelOptions.DEFAULT.enableRegexPartialMatch();

    private DirectEvaluation() {
    }

    /** A direct evaluator for {@code expr}, or empty when it uses something outside the subset. */
    static Optional<Node> of(CelExpr expr) {
        try {
            return Optional.of(node(expr));
        } catch (Untranslatable e) {
            return Optional.empty();
        }
    }

    private static final class Untranslatable extends Exception {
        Untranslatable() {
            super(null, null, false, false);
        }
    }

    private static RuntimeException givenUp() {
        return GivenUp.INSTANCE;
    }

    private static Node node(CelExpr expr) throws Untranslatable {
        return switch (expr.getKind()) {
            case CONSTANT -> constant(expr.constant());
            case IDENT -> {
                String name = expr.ident().name();
                yield vars -> {
                    Object v = vars.get(name);
                    if (v == null) {
                        throw givenUp();
                    }
                    return v;
                };
            }
            case SELECT -> select(expr.select());
            case LIST -> list(expr.list().elements());
            case CALL -> call(expr.call());
            default -> throw new Untranslatable();
        };
    }

    private static Node constant(CelConstant c) throws Untranslatable {
        Object value = switch (c.getKind()) {
            case STRING_VALUE -> c.stringValue();
            case BOOLEAN_VALUE -> c.booleanValue();
            case INT64_VALUE -> c.int64Value();
            default -> throw new Untranslatable();
        };
        return vars -> value;
    }

    private static Node select(CelExpr.CelSelect select) throws Untranslatable {
        Node operand = node(select.operand());
        String field = select.field();
        if (select.testOnly()) {
            return vars -> operand.eval(vars) instanceof Map<?, ?> m ? m.containsKey(field) : fail();
        }
        return vars -> {
            if (operand.eval(vars) instanceof Map<?, ?> m) {
                Object v = m.get(field);
                if (v != null) {
                    return v;
                }
            }
            throw givenUp();
        };
    }

    private static Node list(List<CelExpr> elements) throws Untranslatable {
        List<Node> nodes = new ArrayList<>();
        for (CelExpr e : elements) {
            nodes.add(node(e));
        }
        return vars -> {
            List<Object> values = new ArrayList<>(nodes.size());
            for (Node n : nodes) {
                values.add(n.eval(vars));
            }
            return values;
        };
    }

    private static Node call(CelExpr.CelCall call) throws Untranslatable {
        List<CelExpr> args = new ArrayList<>();
        call.target().ifPresent(args::add);
        args.addAll(call.args());
        return switch (call.function() + "/" + args.size()) {
            case "_&&_/2" -> and(node(args.get(0)), node(args.get(1)));
            case "_||_/2" -> or(node(args.get(0)), node(args.get(1)));
            case "!_/1" -> {
                Node operand = node(args.get(0));
                yield vars -> !bool(operand.eval(vars));
            }
            case "_?_:_/3" -> {
                Node condition = node(args.get(0));
                Node then = node(args.get(1));
                Node otherwise = node(args.get(2));
                yield vars -> bool(condition.eval(vars)) ? then.eval(vars) : otherwise.eval(vars);
            }
            case "_==_/2" -> equality(node(args.get(0)), node(args.get(1)), true);
            case "_!=_/2" -> equality(node(args.get(0)), node(args.get(1)), false);
            case "@in/2" -> in(node(args.get(0)), args.get(1));
            case "_+_/2" -> {
                Node left = node(args.get(0));
                Node right = node(args.get(1));
                yield vars -> string(left.eval(vars)).concat(string(right.eval(vars)));
            }
            case "_[_]/2" -> {
                Node container = node(args.get(0));
                Node key = node(args.get(1));
                yield vars -> {
                    if (container.eval(vars) instanceof Map<?, ?> m && m.get(string(key.eval(vars))) instanceof Object v) {
                        return v;
                    }
                    throw givenUp();
                };
            }
            case "startsWith/2" -> strings(node(args.get(0)), node(args.get(1)), String::startsWith);
            case "endsWith/2" -> strings(node(args.get(0)), node(args.get(1)), String::endsWith);
            case "contains/2" -> strings(node(args.get(0)), node(args.get(1)), String::contains);
            case "matches/2" -> matches(node(args.get(0)), args.get(1));
            default -> throw new Untranslatable();
        };
    }

    // CEL's && and || absorb an error on one side when the other decides; only a decided left side is taken here.
    private static Node and(Node left, Node right) {
        return vars -> bool(left.eval(vars)) && bool(right.eval(vars));
    }

    private static Node or(Node left, Node right) {
        return vars -> bool(left.eval(vars)) || bool(right.eval(vars));
    }

    private static Node equality(Node left, Node right, boolean equal) {
        return vars -> {
            Object a = left.eval(vars);
            Object b = right.eval(vars);
            // same plain type only: CEL's cross-type and numeric equality are CEL's business
            if (a.getClass() != b.getClass() || !(a instanceof String || a instanceof Boolean || a instanceof Long)) {
                throw givenUp();
            }
            return a.equals(b) == equal;
        };
    }

    private static Node in(Node needle, CelExpr haystack) throws Untranslatable {
        Set<String> constants = constantStrings(haystack);
        if (constants != null) {
            return vars -> constants.contains(string(needle.eval(vars)));
        }
        Node container = node(haystack);
        return vars -> {
            String key = string(needle.eval(vars));
            return switch (container.eval(vars)) {
                case Map<?, ?> m -> m.containsKey(key);
                case List<?> l when l.stream().allMatch(String.class::isInstance) -> l.contains(key);
                default -> throw givenUp();
            };
        };
    }

    /** A list literal of string constants, as a set; null for anything else. */
    private static Set<String> constantStrings(CelExpr expr) {
        if (expr.getKind() != CelExpr.ExprKind.Kind.LIST) {
            return null;
        }
        Set<String> values = new HashSet<>();
        for (CelExpr e : expr.list().elements()) {
            if (e.getKind() != CelExpr.ExprKind.Kind.CONSTANT || e.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
                return null;
            }
            values.add(e.constant().stringValue());
        }
        return Set.copyOf(values);
    }

    private interface StringTest {
        boolean test(String subject, String argument);
    }

    private static Node strings(Node subject, Node argument, StringTest test) {
        return vars -> test.test(string(subject.eval(vars)), string(argument.eval(vars)));
    }

    private static Node matches(Node subject, CelExpr regex) throws Untranslatable {
        if (regex.getKind() != CelExpr.ExprKind.Kind.CONSTANT || regex.constant().getKind() != CelConstant.Kind.STRING_VALUE) {
            throw new Untranslatable();
        }
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex.constant().stringValue());
        } catch (PatternSyntaxException e) {
            throw new Untranslatable(); // CEL reports the bad pattern when it evaluates
        }
        return vars -> {
            var m = pattern.matcher(string(subject.eval(vars)));
            return PARTIAL_MATCH ? m.find() : m.matches();
        };
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw givenUp();
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw givenUp();
    }

    private static Object fail() {
        throw givenUp();
    }
}
