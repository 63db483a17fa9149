package dev.interlock.analysis.shell.recognizers.resilience;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a load test's requests go when no flag says so: URLs in text the command line shows (vegeta targets piped from
 * {@code echo}, a k6 script fed on standard input), and the server a script's variables or the tool's properties name
 * ({@code -e BASE_URL=…}, {@code -Jhost=…}, {@code -DbaseUrl=…}), read the way {@link LocalFiles#serverInEnv} reads a
 * script's environment.
 */
final class LoadTargets {

    private LoadTargets() {
    }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|wss?|grpcs?)://[^\\s'\"`<>)\\]}]+");

    /** Every URL in {@code text}, in order. */
    static List<String> urls(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** A target operand: a URL, or {@code host:port} ({@code ghz … api.prod.internal:443}); options' values never get here. */
    static boolean target(String word) {
        return word.contains("://") || Regex.matches(word, "[A-Za-z0-9][A-Za-z0-9.-]*:\\d{1,5}(/.*)?");
    }

    /**
     * {@code NAME=value} properties and variables ({@code k6 -e}, {@code jmeter -J}, {@code -D} in {@code JAVA_OPTS}) as
     * variables {@link LocalFiles#serverInEnv} reads: {@code baseUrl} and {@code base.url} become {@code BASE_URL}; a
     * property whose value is a URL counts whatever its name ({@code -Jtarget=https://…}).
     */
    static Map<String, String> variables(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = a.substring(0, eq).replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_")
                    .toUpperCase(Locale.ROOT);
            String value = a.substring(eq + 1);
            out.put(value.contains("://") && !name.endsWith("_URL") ? name + "_URL" : name, value);
        }
        return out;
    }

    /** {@code -DbaseUrl=https://…} options in a JVM options variable ({@code JAVA_OPTS}), without their {@code -D}. */
    static List<String> systemProperties(String options) {
        List<String> out = new ArrayList<>();
        for (String w : options.trim().split("\\s+")) {
            if (w.startsWith("-D") && w.length() > 2) {
                out.add(w.substring(2));
            }
        }
        return out;
    }

    /** The host the requests go to: the first that is not this machine, else the first. */
    static Optional<String> host(List<String> targets) {
        List<String> hosts = targets.stream().map(Hosts::of).filter(h -> !h.isEmpty()).toList();
        return hosts.stream().filter(h -> !Hosts.loopback(h)).findFirst().or(() -> hosts.stream().findFirst());
    }
}
