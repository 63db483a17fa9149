package dev.interlock.analysis;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * {@code String.matches}/{@code split}/{@code replaceAll} without compiling the pattern on every call: analysis runs
 * them per word, and compiling dominated its cost. Patterns are compiled once and shared.
 */
public final class Regex {

    private static final ConcurrentHashMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regex() {
    }

    public static Pattern pattern(String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile);
    }

    public static boolean matches(CharSequence text, String regex) {
        return pattern(regex).matcher(text).matches();
    }

    public static boolean find(CharSequence text, String regex) {
        return pattern(regex).matcher(text).find();
    }

    public static String[] split(CharSequence text, String regex) {
        return pattern(regex).split(text);
    }

    public static String[] split(CharSequence text, String regex, int limit) {
        return pattern(regex).split(text, limit);
    }

    /**
     * {@code text} up to the first match of {@code regex}, all of it when there is none: {@code split(regex)[0]}
     * without its failure on a text made only of separators ({@code ":".split(":")} has no element 0).
     */
    public static String before(CharSequence text, String regex) {
        java.util.regex.Matcher m = pattern(regex).matcher(text);
        return (m.find() ? text.subSequence(0, m.start()) : text).toString();
    }

    public static String replaceAll(CharSequence text, String regex, String replacement) {
        return pattern(regex).matcher(text).replaceAll(replacement);
    }

    public static String replaceFirst(CharSequence text, String regex, String replacement) {
        return pattern(regex).matcher(text).replaceFirst(replacement);
    }
}
