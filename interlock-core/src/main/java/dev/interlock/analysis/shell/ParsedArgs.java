package dev.interlock.analysis.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Arguments split into flags and positionals the way most CLIs read them: {@code --name=value}, {@code --name value}
 * (when the flag is known to take a value), {@code -n value}, {@code -nvalue}, {@code -name=value} (Go's flags),
 * bundled short flags ({@code -rf} → r, f), and {@code --} ending the flags. Flag names are kept with their dashes.
 */
public record ParsedArgs(List<Arg> positionals, Map<String, List<String>> flags, List<Arg> afterDoubleDash) {

    public static ParsedArgs parse(List<Arg> args, Set<String> valued) {
        List<Arg> positionals = new ArrayList<>();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        List<Arg> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            Arg arg = args.get(i);
            String w = arg.value();
            if (w.equals("--")) {
                rest.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (w.startsWith("--") && w.length() > 2) {
                int eq = w.indexOf('=');
                if (eq > 0) {
                    put(flags, w.substring(0, eq), w.substring(eq + 1));
                } else if (valued.contains(w) && i + 1 < args.size()) {
                    put(flags, w, args.get(++i).value());
                } else {
                    put(flags, w, "");
                }
            } else if (w.startsWith("-") && w.length() > 1 && !isNumber(w)) {
                int eq = w.indexOf('=');
                if (eq > 0 && valued.contains(w.substring(0, eq))) {
                    put(flags, w.substring(0, eq), w.substring(eq + 1));
                } else if (valued.contains(w)) {
                    put(flags, w, i + 1 < args.size() ? args.get(++i).value() : "");
                } else if (w.length() > 2 && valued.contains(w.substring(0, 2))) {
                    put(flags, w.substring(0, 2), w.substring(2));
                } else if (eq > 2 && !valued.contains(w.substring(0, 2))) {
                    // -ttl=720h, -address=https://…: a Go-style long flag with its value, not bundled letters
                    put(flags, w.substring(0, eq), w.substring(eq + 1));
                } else if (w.length() > 2 && !w.substring(1).contains("-")) {
                    for (int c = 1; c < w.length(); c++) {
                        String f = "-" + w.charAt(c);
                        if (valued.contains(f)) {
                            put(flags, f, c + 1 < w.length() ? w.substring(c + 1) : i + 1 < args.size() ? args.get(++i).value() : "");
                            break;
                        }
                        put(flags, f, "");
                    }
                } else {
                    put(flags, w, "");
                }
            } else {
                positionals.add(arg);
            }
        }
        return new ParsedArgs(List.copyOf(positionals), flags, List.copyOf(rest));
    }

    private static boolean isNumber(String w) {
        return w.length() > 1 && w.substring(1).chars().allMatch(Character::isDigit);
    }

    private static void put(Map<String, List<String>> flags, String name, String value) {
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    /** True when any of the names is present ({@code has("-f", "--force")}). */
    public boolean has(String... names) {
        for (String n : names) {
            if (flags.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    /** The last value given for any of the names. */
    public Optional<String> value(String... names) {
        String found = null;
        for (String n : names) {
            List<String> values = flags.get(n);
            if (values != null && !values.isEmpty()) {
                found = values.getLast();
            }
        }
        return Optional.ofNullable(found).filter(v -> !v.isEmpty());
    }

    public List<String> words() {
        return positionals.stream().map(Arg::value).toList();
    }

    public Optional<String> positional(int index) {
        return index < positionals.size() ? Optional.of(positionals.get(index).value()) : Optional.empty();
    }
}
