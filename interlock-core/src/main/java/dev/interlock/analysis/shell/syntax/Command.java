package dev.interlock.analysis.shell.syntax;

import java.util.List;
import java.util.Optional;

/** A node of the command tree. Every node knows its span in the source. */
public sealed interface Command {

    Span span();

    /** {@code a=1 b=2 prog arg… >out}. {@code words} may be empty (assignments or redirections only). */
    record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, Span span) implements Command {
        public Simple {
            assignments = List.copyOf(assignments);
            words = List.copyOf(words);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code a | b | c}; {@code negated} for a leading {@code !}. {@code |&} counts as {@code |}. */
    record Pipeline(List<Command> stages, boolean negated, Span span) implements Command {
        public Pipeline {
            stages = List.copyOf(stages);
        }
    }

    /** {@code a && b || c}: {@code operators.get(i)} joins {@code items.get(i)} and {@code items.get(i + 1)}. */
    record AndOr(List<Command> items, List<String> operators, Span span) implements Command {
        public AndOr {
            items = List.copyOf(items);
            operators = List.copyOf(operators);
        }
    }

    /** A command run in the background with {@code &}. */
    record Background(Command command, Span span) implements Command {
    }

    /** {@code ( … )}. */
    record Subshell(Script body, List<Redirect> redirects, Span span) implements Command {
        public Subshell {
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code { …; }}. */
    record Group(Script body, List<Redirect> redirects, Span span) implements Command {
        public Group {
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code if c1; then b1; elif c2; then b2; else e; fi}: conditions and bodies pair up by index. */
    record If(List<Script> conditions, List<Script> bodies, Optional<Script> elseBody, List<Redirect> redirects, Span span)
            implements Command {
        public If {
            conditions = List.copyOf(conditions);
            bodies = List.copyOf(bodies);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code while}/{@code until} loops ({@code condition} present) and {@code for}/{@code select} loops ({@code items}). */
    record Loop(String keyword, Optional<Script> condition, String variable, List<Word> items, Script body,
                List<Redirect> redirects, Span span) implements Command {
        public Loop {
            items = List.copyOf(items);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code case word in pattern) body;; esac}. */
    record Case(Word subject, List<List<Word>> patterns, List<Script> bodies, List<Redirect> redirects, Span span)
            implements Command {
        public Case {
            patterns = patterns.stream().map(List::copyOf).toList();
            bodies = List.copyOf(bodies);
            redirects = List.copyOf(redirects);
        }
    }

    /** {@code name() { … }} or {@code function name { … }}. */
    record Function(String name, Command body, Span span) implements Command {
    }

    /** {@code (( … ))} and {@code [[ … ]]}: {@code words} are the tokens inside, as words (they may hold substitutions). */
    record Test(String keyword, List<Word> words, Span span) implements Command {
        public Test {
            words = List.copyOf(words);
        }
    }
}
