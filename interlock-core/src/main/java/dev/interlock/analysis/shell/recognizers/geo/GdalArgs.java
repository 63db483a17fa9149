package dev.interlock.analysis.shell.recognizers.geo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A GDAL/OGR command line cut into options and dataset names. GDAL's options take a fixed number of values
 * ({@code -spat xmin ymin xmax ymax}, {@code --config KEY VALUE}) or up to a number of numbers ({@code -scale},
 * {@code -gcp}), which a plain option parser would take for dataset names.
 */
record GdalArgs(List<String> positionals, Map<String, List<String>> flags) {

    /** Up to this many numbers follow (negative arity in the tables). */
    static final int NUMBERS = -1;

    static GdalArgs scan(List<String> words, Map<String, Integer> arity) {
        List<String> positionals = new ArrayList<>();
        Map<String, List<String>> flags = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (!w.startsWith("-") || w.length() < 2 || number(w)) {
                positionals.add(w);
                continue;
            }
            String name = w;
            List<String> values = new ArrayList<>();
            int eq = w.indexOf('=');
            if (w.startsWith("--") && eq > 0) {
                name = w.substring(0, eq);
                values.add(w.substring(eq + 1));
            } else if (name.equals("--config")) {
                int n = i + 1 < words.size() && words.get(i + 1).contains("=") ? 1 : 2;
                for (int k = 0; k < n && i + 1 < words.size(); k++) {
                    values.add(words.get(++i));
                }
            } else {
                int n = arity.getOrDefault(name, 0);
                if ((name.equals("-clipsrc") || name.equals("-clipdst")) && i + 1 < words.size() && number(words.get(i + 1))) {
                    n = 4; // a bounding box rather than a WKT or a data source
                }
                if (n < 0) {
                    while (values.size() < -n && i + 1 < words.size() && number(words.get(i + 1))) {
                        values.add(words.get(++i));
                    }
                } else {
                    for (int k = 0; k < n && i + 1 < words.size(); k++) {
                        values.add(words.get(++i));
                    }
                }
            }
            flags.computeIfAbsent(name, k -> new ArrayList<>()).add(String.join(" ", values));
        }
        return new GdalArgs(List.copyOf(positionals), flags);
    }

    static boolean number(String w) {
        return w.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    boolean has(String... names) {
        for (String n : names) {
            if (flags.containsKey(n)) {
                return true;
            }
        }
        return false;
    }

    Optional<String> value(String... names) {
        String found = null;
        for (String n : names) {
            List<String> v = flags.get(n);
            if (v != null && !v.isEmpty() && !v.getLast().isEmpty()) {
                found = v.getLast();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The value of a creation option given as {@code -lco KEY=VALUE} (any of the option's flags), if set. */
    Optional<String> option(String key, String... names) {
        String prefix = key.toUpperCase(Locale.ROOT) + "=";
        String found = null;
        for (String n : names) {
            for (String v : flags.getOrDefault(n, List.of())) {
                if (v.toUpperCase(Locale.ROOT).startsWith(prefix)) {
                    found = v.substring(prefix.length());
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
