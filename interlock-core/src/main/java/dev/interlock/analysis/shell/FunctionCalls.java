package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Command;
import dev.interlock.analysis.shell.syntax.Redirect;
import dev.interlock.analysis.shell.syntax.Script;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.analysis.shell.syntax.WordPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Shell functions that take their arguments ({@code k(){ kubectl --context prod-eu-1 "$@"; }; k get pods}): the body
 * is walked at each call with {@code $1…$9}, {@code "$@"} and {@code "$*"} bound to the call's words, so that
 * {@code k get} is a read and {@code k delete ns x} a deletion where the context points. A function that takes none
 * is walked where it is defined, as before; one that takes arguments and is never called is walked once at the end
 * with them unknown.
 */
final class FunctionCalls {

    /** Positional parameter names besides the digits: {@code $@}, {@code $*}, {@code $#}. */
    private static final Set<String> SPECIAL = Set.of("@", "*", "#");
    private static final List<String> POSITIONAL_NAMES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "#");

    private final ShellWalk walk;
    /** Functions that take arguments, by name, as last defined in the line. */
    private final Map<String, Command.Function> defined = new LinkedHashMap<>();
    private final Set<String> called = new HashSet<>();
    /** Functions being expanded now: a function calling itself is not walked again. */
    private final Set<String> active = new HashSet<>();
    /** The words bound to the positional parameters of the call being walked; empty outside any call. */
    private Optional<List<Arg>> positionals = Optional.empty();

    FunctionCalls(ShellWalk walk) {
        this.walk = walk;
    }

    /** Remembers {@code f}; true when its body is walked at its calls instead of here. */
    boolean define(Command.Function f) {
        if (!takesArguments(f.body())) {
            defined.remove(f.name());
            return false;
        }
        defined.put(f.name(), f);
        return true;
    }

    /** True when {@code program} is a function of this line that takes arguments and its body has been walked for this call. */
    boolean call(String program, List<Arg> args, SimpleCommands.Run run) {
        Command.Function f = defined.get(program);
        if (f == null || active.contains(program)) {
            return f != null;
        }
        called.add(program);
        active.add(program);
        Optional<List<Arg>> savedPositionals = positionals;
        // only the positional parameters are the call's own: what the body assigns stays in force after it, as in bash
        Map<String, String> savedParameters = new HashMap<>();
        POSITIONAL_NAMES.forEach(n -> savedParameters.put(n, walk.variables.get(n)));
        positionals = Optional.of(List.copyOf(args));
        bind(args);
        try {
            walk.body(f.body(), Optional.of(run.evidence()), run.env());
        } finally {
            positionals = savedPositionals;
            savedParameters.forEach((n, v) -> {
                if (v == null) {
                    walk.variables.remove(n);
                } else {
                    walk.variables.put(n, v);
                }
            });
            active.remove(program);
        }
        return true;
    }

    /** {@code shift [n]} inside a call: the positional parameters move down. */
    boolean shift(List<Arg> args) {
        if (positionals.isEmpty()) {
            return false;
        }
        int n = args.isEmpty() ? 1 : args.getFirst().literal() && args.getFirst().value().matches("\\d{1,2}")
                ? Integer.parseInt(args.getFirst().value()) : -1;
        List<Arg> now = positionals.get();
        List<Arg> rest = n < 0 ? List.of() : now.subList(Math.min(n, now.size()), now.size());
        positionals = n < 0 ? Optional.empty() : Optional.of(List.copyOf(rest));
        bind(n < 0 ? List.of() : rest);
        return true;
    }

    /** The words {@code "$@"} (or {@code $*}) stands for in the call being walked, when the word is only that. */
    Optional<List<Arg>> all(Word word) {
        if (positionals.isEmpty() || word.parts().size() != 1
                || !(word.parts().getFirst() instanceof WordPart.Parameter p) || !p.expression().equals(p.name())
                || !(p.name().equals("@") || p.name().equals("*"))) {
            return Optional.empty();
        }
        if (p.name().equals("*") && p.quoted()) {
            List<Arg> words = positionals.get();
            boolean literal = words.stream().allMatch(Arg::literal);
            String joined = String.join(" ", words.stream().map(Arg::value).toList());
            return Optional.of(words.isEmpty() ? List.of() : List.of(new Arg(joined, literal, false, words.getFirst().evidence())));
        }
        return positionals;
    }

    /** Functions that take arguments and were never called: walked once with their arguments unknown. */
    void uncalled() {
        for (Command.Function f : new ArrayList<>(defined.values())) {
            if (!called.contains(f.name())) {
                called.add(f.name());
                walk.body(f.body(), Optional.empty(), Map.of());
            }
        }
    }

    private void bind(List<Arg> args) {
        for (int i = 1; i <= 9; i++) {
            String name = String.valueOf(i);
            if (i <= args.size() && args.get(i - 1).literal()) {
                walk.variables.put(name, args.get(i - 1).value());
            } else {
                walk.variables.remove(name);
            }
        }
        walk.variables.put("#", String.valueOf(args.size()));
    }

    /** Whether a body reads its positional parameters anywhere, substitutions and nested bodies included. */
    static boolean takesArguments(Command c) {
        return switch (c) {
            case Command.Simple s -> s.words().stream().anyMatch(FunctionCalls::reads)
                    || s.assignments().stream().anyMatch(a -> reads(a.value())) || redirects(s.redirects());
            case Command.Pipeline p -> p.stages().stream().anyMatch(FunctionCalls::takesArguments);
            case Command.AndOr a -> a.items().stream().anyMatch(FunctionCalls::takesArguments);
            case Command.Background b -> takesArguments(b.command());
            case Command.Subshell s -> script(s.body()) || redirects(s.redirects());
            case Command.Group g -> script(g.body()) || redirects(g.redirects());
            case Command.If i -> i.conditions().stream().anyMatch(FunctionCalls::script) || i.bodies().stream().anyMatch(FunctionCalls::script)
                    || i.elseBody().map(FunctionCalls::script).orElse(false);
            // for x; do …: a loop without a list runs over the positional parameters
            case Command.Loop l -> l.keyword().equals("for") && l.items().isEmpty() && !l.variable().isEmpty()
                    || l.items().stream().anyMatch(FunctionCalls::reads) || l.condition().map(FunctionCalls::script).orElse(false)
                    || script(l.body());
            case Command.Case k -> reads(k.subject()) || k.bodies().stream().anyMatch(FunctionCalls::script);
            case Command.Function f -> false;
            case Command.Test t -> t.words().stream().anyMatch(FunctionCalls::reads);
        };
    }

    private static boolean script(Script s) {
        return s.commands().stream().anyMatch(FunctionCalls::takesArguments);
    }

    private static boolean redirects(List<Redirect> redirects) {
        return redirects.stream().anyMatch(r -> reads(r.target()));
    }

    private static boolean reads(Word w) {
        for (WordPart part : w.parts()) {
            boolean positional = switch (part) {
                case WordPart.Parameter p -> SPECIAL.contains(p.name()) || p.name().length() == 1 && Character.isDigit(p.name().charAt(0))
                        && p.name().charAt(0) != '0';
                case WordPart.CommandSubstitution cs -> script(cs.script());
                case WordPart.ProcessSubstitution ps -> script(ps.script());
                default -> false;
            };
            if (positional) {
                return true;
            }
        }
        return false;
    }
}
