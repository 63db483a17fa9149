package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of an unfamiliar command line read for what they mean: destructive verbs (alone or glued to their object:
 * {@code deletefile}, {@code dropdb}), the resource after them and the noun before them, and a word's parts.
 */
final class CommandWords {

    private CommandWords() {
    }

    /** Endings that make a past participle, a state (--verdict DROPPED, list --state deleted), not a command. */
    private static final Set<String> PAST = Set.of("d", "ed", "ped");

    /** The verb a word of an unfamiliar CLI means: a destructive word, or one glued to its object ({@code deletefile}, {@code dropdb}). */
    static Verb destructive(String part) {
        Verb exact = KnownPrograms.DESTRUCTIVE.get(part);
        if (exact != null) {
            return exact;
        }
        for (String prefix : List.of("delete", "remove", "purge", "destroy", "drop", "truncate", "wipe")) {
            if (part.startsWith(prefix) && part.length() > prefix.length() + 2 && Character.isLetter(part.charAt(prefix.length()))
                    && !PAST.contains(part.substring(prefix.length()))) {
                return Verb.DELETE;
            }
        }
        return null;
    }

    /** The resource after the destructive word: {@code delete queue name=orders}, {@code --delete --topic orders}. */
    static String[] target(List<Arg> args, int at) {
        List<String> rest = args.subList(at + 1, args.size()).stream().map(Arg::value).toList();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < rest.size(); i++) {
            String w = rest.get(i);
            String name = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (KnownPrograms.NOUN_FLAGS.contains(name)) {
                String value = w.contains("=") ? w.substring(w.indexOf('=') + 1) : i + 1 < rest.size() ? rest.get(i + 1) : "";
                return new String[] {Regex.replaceFirst(name, "^-+", ""), value};
            }
            if ((KnownPrograms.LOCATOR_FLAGS.containsKey(name) || name.equals("-h")) && !w.contains("=")) {
                i++;
            } else if (!w.startsWith("-")) {
                positionals.add(w);
            }
        }
        if (positionals.isEmpty()) {
            return new String[] {"", ""};
        }
        if (positionals.size() == 1) {
            return new String[] {"", valueOf(positionals.getFirst())};
        }
        return new String[] {positionals.get(0), valueOf(positionals.get(1))};
    }

    /**
     * The resource type named before the destructive word: {@code fly apps destroy x} → app, {@code heroku
     * apps:destroy} → app, {@code consul kv delete} → kv.
     */
    static String noun(List<Arg> args, int at, String word) {
        String noun = "";
        if (word.contains(":")) {
            noun = word.substring(0, word.indexOf(':'));
        } else {
            for (int i = 0; i < at; i++) {
                String w = args.get(i).value();
                if (!w.startsWith("-") && (i == 0 || !args.get(i - 1).value().startsWith("-"))) {
                    noun = w;
                }
            }
        }
        noun = noun.toLowerCase(Locale.ROOT);
        if (noun.endsWith("ies")) {
            return noun.substring(0, noun.length() - 3) + "y";
        }
        if (noun.endsWith("xes") || noun.endsWith("sses") || noun.endsWith("ches") || noun.endsWith("shes")) {
            return noun.substring(0, noun.length() - 2);
        }
        return noun.endsWith("s") && noun.length() > 3 ? noun.substring(0, noun.length() - 1) : noun;
    }

    private static String valueOf(String w) {
        return w.contains("=") ? w.substring(w.indexOf('=') + 1) : w;
    }

    /** {@code delete-queue} → delete-queue, delete, queue; {@code topics:delete} → topics, delete. */
    static List<String> parts(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        parts.add(w);
        for (String p : Regex.split(w, "[-_:./]")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }
}
