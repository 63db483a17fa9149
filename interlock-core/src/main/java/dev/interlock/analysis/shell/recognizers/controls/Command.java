package dev.interlock.analysis.shell.recognizers.controls;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A command as the control tables read it: its command words (positionals, lower-cased, flags and their values left
 * out), its flags, and its whole text with what it reads on standard input (a patch body, a manifest in a heredoc).
 */
record Command(Invocation inv, List<String> path, IacArgs args) {

    /**
     * {@code valued}: flags known to take a value; {@code greedy}: any other flag followed by a plain word takes it
     * (gcloud's and az's usual form) unless it is one of {@code booleans}.
     */
    static Command parse(Invocation inv, Set<String> valued, Set<String> booleans, boolean greedy) {
        Set<String> flags = booleans;
        if (greedy) {
            // --no-enable, --no-paginate: a negated option never takes a value
            flags = new java.util.HashSet<>(booleans);
            for (Arg w : inv.args()) {
                if (w.value().startsWith("--no-")) {
                    flags.add(w.value().substring(2));
                }
            }
        }
        IacArgs a = IacArgs.parse(inv.args(), valued, flags, greedy);
        return new Command(inv, a.positionals().stream().map(Arg::value).map(w -> w.toLowerCase(Locale.ROOT)).toList(), a);
    }

    boolean startsWith(List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    /** The command word at {@code i}, or empty. */
    String word(int i) {
        return i < path.size() ? path.get(i) : "";
    }

    boolean has(String... flags) {
        return args.has(flags);
    }

    String value(String... flags) {
        return args.value(flags).orElse("");
    }

    /** Every value of these flags, joined: options such as {@code --source-ranges a b} or repeated ones. */
    String values(String... flags) {
        return String.join(" ", args.values(flags).stream().map(Arg::value).toList());
    }

    /** The arguments and the standard input, for bodies whose shape varies (JSON, shorthand, YAML). */
    boolean text(Pattern p) {
        return p.matcher(String.join(" ", inv.words())).find() || inv.stdin().map(s -> p.matcher(s).find()).orElse(false);
    }

    Optional<String> stdin() {
        return inv.stdin();
    }
}
