package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A vendor's administrative command language (RMAN, Data Guard's DGMGRL, IBM MQ's MQSC, TSO) read as a table: the
 * first word of a command (or the first two, for the few whose second word changes the meaning) gives its verb, and
 * a word the table does not list is {@link Verb#UNKNOWN}, never a read.
 */
public record CommandWords(Map<String, Verb> verbs) {

    public CommandWords {
        verbs = Map.copyOf(verbs);
    }

    /** The verb of one command: its first two words, else its first word. */
    public Verb verb(String command) {
        String[] w = words(command);
        if (w.length == 0) {
            return Verb.READ;
        }
        if (w.length > 1 && verbs.containsKey(w[0] + " " + w[1])) {
            return verbs.get(w[0] + " " + w[1]);
        }
        return verbs.getOrDefault(w[0], Verb.UNKNOWN);
    }

    /** The command's words, upper case, split at spaces and parentheses ({@code DIS QL(X)} → DIS, QL, X). */
    public static String[] words(String command) {
        String t = command.trim().toUpperCase(Locale.ROOT);
        return t.isEmpty() ? new String[0] : Regex.split(t, "[\\s(),=']+");
    }

    /** A script cut into commands at {@code separators} (a regex), blank pieces and comments dropped. */
    public static List<String> commands(String script, String separators, String comment) {
        List<String> out = new ArrayList<>();
        for (String piece : Regex.split(script, separators)) {
            String t = Regex.replaceAll(piece, comment, "").trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
