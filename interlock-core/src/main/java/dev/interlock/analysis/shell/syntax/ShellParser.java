package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses POSIX sh and bash command text into a {@link Script}. It never throws and does work roughly linear in the
 * input: nesting beyond {@link Limits#maxDepth()}, unterminated constructs and syntax errors end in a Script with
 * {@code complete == false} and a problem naming the offset, holding the commands parsed before that point.
 *
 * <p>Representation choices the analyzer relies on:
 * <ul>
 *   <li>{@code time [-p]} before a pipeline is dropped (it only times the pipeline).</li>
 *   <li>Substitutions inside text kept raw still run, so they are added as extra parts right after it: after a
 *       {@link WordPart.Parameter} for {@code ${x:-$(cmd)}}, after an {@link WordPart.Arithmetic} for
 *       {@code $(( $(cmd) ))}, and after the raw literal of an array assignment {@code a=(x $(cmd))}.</li>
 *   <li>{@code ((…))} becomes {@code Test("((", words)} and {@code for ((…))} a {@code Loop} with keyword
 *       {@code for}, empty variable and the arithmetic words as items; the words split at blanks only.</li>
 *   <li>{@code NAME+=value} gives an {@link Assignment} named {@code NAME}; {@code NAME[sub]=value} one named
 *       {@code NAME[sub]}, with substitutions in the subscript added to the value's parts. Before the command name,
 *       {@code NAME[…]} is one unit up to its {@code ]} even across blanks and {@code #}, as in bash.</li>
 *   <li>{@code declare}, {@code local}, {@code export}, {@code readonly}, {@code typeset}: an array argument
 *       {@code x=(a b)} is one word.</li>
 *   <li>Heredoc bodies stay data in {@link Redirect.HereDoc#body()}; {@link Redirect.HereDoc#parts()} shows the
 *       parameters and substitutions an unquoted body expands. A newline inside {@code $(…)} or {@code <(…)} reads
 *       only the heredocs announced inside it, as in bash.</li>
 *   <li>Redirections after {@code [[ ]]} or {@code (( ))} have no place in {@link Command.Test}: they are a problem.</li>
 *   <li>Inside backticks, spans point at the original text, so a word's {@code raw} keeps the escaping as written.</li>
 * </ul>
 */
public final class ShellParser {

    /** Bounds on the work one parse may do. */
    public record Limits(int maxDepth, int maxWords, int maxLength) {
        /** 64 levels, 100,000 words (no real command line comes near), 1 MiB. */
        public static final Limits DEFAULT = new Limits(64, 100_000, 1 << 20);

        public Limits {
            // The descent uses a handful of stack frames per level; far deeper would risk the stack it guards.
            if (maxDepth < 1 || maxDepth > 1000 || maxWords < 1 || maxLength < 0) {
                throw new IllegalArgumentException("limits out of range: " + maxDepth + ", " + maxWords + ", "
                        + maxLength);
            }
        }
    }

    private static final int MAX_PASSES = 3;

    private ShellParser() {
    }

    public static Script parse(String source) {
        return parse(source, Limits.DEFAULT);
    }

    public static Script parse(String source, Limits limits) {
        String text = source == null ? "" : source;
        limits = limits == null ? Limits.DEFAULT : limits;
        try {
            if (text.length() > limits.maxLength()) {
                return failed(text, "input of " + text.length() + " characters is longer than the limit of "
                        + limits.maxLength());
            }
            // Heredoc bodies come after their line, but the records holding them are built before: another pass over
            // the same text, which takes exactly the same path, fills them in. A body whose substitutions hold
            // heredocs of their own needs one more pass per level.
            Map<Integer, Redirect.HereDoc> known = Map.of();
            for (int pass = 1; ; pass++) {
                ParseContext ctx = new ParseContext(text, limits, known);
                Script script = Parser.top(ctx);
                if (!ctx.sawHeredoc || ctx.foundBodies.equals(known)) {
                    return script;
                }
                if (pass == MAX_PASSES) {
                    List<String> problems = new ArrayList<>(script.problems());
                    problems.add("heredocs nested inside heredoc bodies more than " + (MAX_PASSES - 2) + " deep");
                    return new Script(script.commands(), problems, false, script.span());
                }
                known = ctx.foundBodies;
            }
        } catch (RuntimeException | StackOverflowError e) {
            return failed(text, "parser failure (" + e.getClass().getSimpleName() + "); treat the input as opaque");
        }
    }

    private static Script failed(String text, String problem) {
        return new Script(List.of(), List.of(problem), false, new Span(0, text.length()));
    }
}
