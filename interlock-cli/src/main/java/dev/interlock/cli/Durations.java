package dev.interlock.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as people type them ({@code 90s}, {@code 10m}, {@code 1h30m}) and as the server writes them ({@code PT15S}). */
final class Durations {

    private Durations() {
    }

    /** For picocli options: a bad duration is a usage error (exit 2) naming the value. */
    static final class Converter implements picocli.CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Parses {@code 1h30m}, {@code 45s}, {@code 2d}, {@code 250ms}, a bare number of seconds, or ISO-8601 {@code PT1M}. */
    static Duration parse(String text) {
        return dev.interlock.policy.DurationText.parse(text);
    }

    /** The server's spelling of a wait: whole seconds, which its parser and ours both read. */
    static String wire(Duration d) {
        return Math.max(0, d.toSeconds()) + "s";
    }

    /** Short and human: {@code 12s}, {@code 4m10s}, {@code 2h05m}, {@code 3d4h}. Negative durations read as {@code 0s}. */
    static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "m" : s / 60 + "m" + String.format(Locale.ROOT, "%02ds", s % 60);
        }
        if (s < 86_400) {
            long m = (s % 3600) / 60;
            return s / 3600 + "h" + (m == 0 ? "" : String.format(Locale.ROOT, "%02dm", m));
        }
        long h = (s % 86_400) / 3600;
        return s / 86_400 + "d" + (h == 0 ? "" : h + "h");
    }

    /** {@code --since}: an ISO-8601 instant ({@code 2025-01-31T12:00:00Z}) or a duration back from {@code now}. */
    static Instant since(String text, Instant now) {
        String s = text == null ? "" : text.strip();
        if (s.length() >= 10 && Character.isDigit(s.charAt(0)) && s.charAt(4) == '-') {
            try {
                return Instant.parse(s.length() == 10 ? s + "T00:00:00Z" : s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 instant (example: 2025-01-31T12:00:00Z) or a duration (example: 24h)");
            }
        }
        return now.minus(parse(s));
    }
}
