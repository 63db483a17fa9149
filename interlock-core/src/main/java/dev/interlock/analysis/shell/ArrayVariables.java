package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.syntax.Assignment;
import dev.interlock.analysis.shell.syntax.Word;
import dev.interlock.analysis.shell.syntax.WordPart;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bash arrays assigned with literal words earlier in the line ({@code cmd=(kubectl --context prod-eu-1 get pods)}) and
 * the expansions that read them back ({@code "${cmd[@]}"}, {@code ${cmd[0]}}), plus indirection ({@code ${!name}}) through
 * variables of the line: a command assembled at run time from values in view is the command they spell, so it is judged
 * as that command instead of as opaque. An array with any element not known here is forgotten, and so stays opaque.
 */
final class ArrayVariables {

    private final Map<String, List<String>> known = new HashMap<>();

    /**
     * Records {@code NAME=(…)} or {@code NAME+=(…)} standing alone, and gives what {@code $NAME} then holds (its first
     * element); empty, and {@code NAME} forgotten, when an element or the earlier value is not known here.
     */
    Optional<String> assign(Assignment a, ShellWalk walk) {
        List<String> values = new ArrayList<>();
        boolean resolved = true;
        if (a.append()) {
            if (known.containsKey(a.name())) {
                values.addAll(known.get(a.name()));
            } else if (walk.variables.containsKey(a.name())) {
                values.add(walk.variables.get(a.name()));
            } else {
                resolved = false; // it may come from the environment
            }
        }
        for (Word w : a.elements().orElse(List.of())) {
            Optional<String> v = walk.value(w);
            // [i]=x sets an index, which is not followed
            if (!resolved || v.isEmpty() || w.raw().startsWith("[")) {
                resolved = false;
                break;
            }
            values.add(v.get());
        }
        if (!resolved) {
            known.remove(a.name());
            return Optional.empty();
        }
        known.put(a.name(), List.copyOf(values));
        return Optional.of(values.isEmpty() ? "" : values.getFirst());
    }

    /**
     * {@code NAME=value} or {@code NAME[i]=value}: an element changes, which is not followed, so the array is forgotten.
     */
    void forget(String name) {
        int bracket = name.indexOf('[');
        known.remove(bracket < 0 ? name : name.substring(0, bracket));
    }

    /** Builtins that fill or drop an array by name: what it then holds is not known here. */
    private static final java.util.Set<String> FILLERS = java.util.Set.of("read", "mapfile", "readarray", "unset", "declare",
            "typeset", "local");

    /** {@code mapfile -t hosts < f}, {@code read -a args}, {@code unset cmd}: the arrays they name are forgotten. */
    void filled(List<Arg> words) {
        if (known.isEmpty() || words.isEmpty() || !FILLERS.contains(words.getFirst().value())) {
            return;
        }
        for (Arg a : words.subList(1, words.size())) {
            int eq = a.value().indexOf('=');
            forget(eq > 0 ? a.value().substring(0, eq) : a.value());
        }
    }

    /**
     * The words a word made only of {@code "${NAME[@]}"} (or {@code ${NAME[*]}}) stands for: each element, one element
     * split into fields when unquoted, all joined into one for a quoted {@code [*]}; empty when it is not such a word or
     * the array is not known.
     */
    Optional<List<String>> words(Word word) {
        if (known.isEmpty() || word.parts().size() != 1 || !(word.parts().getFirst() instanceof WordPart.Parameter p)) {
            return Optional.empty();
        }
        String all = p.expression().length() == p.name().length() + 3 ? p.expression().substring(p.name().length()) : "";
        if (!(all.equals("[@]") || all.equals("[*]")) || !p.expression().startsWith(p.name()) || !known.containsKey(p.name())) {
            return Optional.empty();
        }
        List<String> elements = known.get(p.name());
        if (p.quoted() && all.equals("[*]")) {
            return Optional.of(elements.isEmpty() ? List.of() : List.of(String.join(" ", elements)));
        }
        if (p.quoted()) {
            return Optional.of(elements);
        }
        List<String> fields = new ArrayList<>();
        for (String e : elements) {
            for (String f : e.strip().split("\\s+")) {
                if (!f.isEmpty()) {
                    fields.add(f);
                }
            }
        }
        return Optional.of(fields);
    }

    /**
     * The text one parameter expansion gives inside a word: an element ({@code ${NAME[1]}}), all of them joined
     * ({@code ${NAME[@]}}), an array's first element ({@code $NAME}), or the variable another names ({@code ${!NAME}},
     * where {@code NAME} holds the name of a variable assigned earlier in the line); empty when not known.
     */
    Optional<String> value(WordPart.Parameter p, Map<String, String> variables) {
        String expr = p.expression();
        if (expr.length() == p.name().length() + 1 && expr.charAt(0) == '!') {
            String target = variables.get(p.name());
            if (target == null || !dev.interlock.analysis.Regex.matches(target, "[A-Za-z_][A-Za-z0-9_]*")) {
                return Optional.empty();
            }
            List<String> elements = known.get(target);
            return elements != null ? elements.stream().findFirst() : Optional.ofNullable(variables.get(target));
        }
        List<String> elements = known.get(p.name());
        if (elements == null || !expr.startsWith(p.name())) {
            return Optional.empty();
        }
        String rest = expr.substring(p.name().length());
        if (rest.isEmpty()) {
            return elements.stream().findFirst().or(() -> Optional.of(""));
        }
        if (rest.equals("[@]") || rest.equals("[*]")) {
            return Optional.of(String.join(" ", elements));
        }
        if (dev.interlock.analysis.Regex.matches(rest, "\\[[0-9]{1,4}\\]")) {
            int i = Integer.parseInt(rest.substring(1, rest.length() - 1));
            return Optional.of(i < elements.size() ? elements.get(i) : "");
        }
        return Optional.empty();
    }
}
