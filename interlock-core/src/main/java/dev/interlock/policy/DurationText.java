package dev.interlock.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in policy, gateway configs, options and query strings: {@code 90s}, {@code 10m},
 * {@code 1h30m}, {@code 2d}, {@code 250ms}, a bare number of seconds, or ISO-8601 {@code PT1M}. Never negative.
 */
public final class DurationText {

    private static final Pattern HUMAN = Pattern.compile("(\\d+)(ms|d|h|m|s)");

    private DurationText() {
    }

    /** The duration {@code text} says; an {@link IllegalArgumentException} that quotes it when it says none. */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty duration (examples: 90s, 10m, 1h30m)");
        }
        if (s.startsWith("p") || s.startsWith("-p")) {
            try {
                return nonNegative(Duration.parse(s.toUpperCase(Locale.ROOT)), text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 10m, 1h30m)");
            }
        }
        try {
            if (s.chars().allMatch(Character::isDigit)) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            Matcher m = HUMAN.matcher(s);
            Duration total = Duration.ZERO;
            int at = 0;
            while (m.find() && m.start() == at) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                at = m.end();
            }
            if (at != s.length()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 90s, 10m, 1h30m)");
            }
            return total;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
    }

    private static Duration nonNegative(Duration d, String text) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative");
        }
        return d;
    }
}
