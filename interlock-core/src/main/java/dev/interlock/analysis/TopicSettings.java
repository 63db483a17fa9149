package dev.interlock.analysis;

import java.util.Locale;
import java.util.Optional;

/**
 * Kafka topic settings whose change deletes messages: the broker applies a new retention at once, so
 * {@code retention.ms=1} empties a topic as surely as deleting its records, and a new {@code cleanup.policy} compacts
 * away or expires what the old one kept. Shared by the shell's {@code kafka-configs} and the Kafka MCP servers' config
 * tools, so the same change is judged the same way from either.
 */
public final class TopicSettings {

    /** Retention below an hour is a purge, not a tuning: every consumer that is behind loses what it has not read. */
    private static final long PURGE_MS = 3_600_000L;
    /** Retention below a megabyte per partition keeps next to nothing. */
    private static final long PURGE_BYTES = 1_048_576L;

    private TopicSettings() {
    }

    /** Why setting {@code key} to {@code value} loses the topic's messages, or empty when it does not. */
    public static Optional<String> losesData(String key, String value) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        String v = value.strip();
        return switch (k) {
            case "retention.ms", "log.retention.ms", "retention.bytes", "log.retention.bytes" -> {
                long limit = k.endsWith("ms") ? PURGE_MS : PURGE_BYTES;
                try {
                    long n = Long.parseLong(v);
                    // -1 is unlimited
                    yield n >= 0 && n < limit ? Optional.of(k + "=" + v + " deletes all but the newest of the topic's messages at once")
                            : Optional.empty();
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            case "cleanup.policy", "log.cleanup.policy" -> Optional.of(k + "=" + v
                    + " changes which messages the broker keeps: compaction drops all but each key's latest, deletion expires old ones");
            default -> Optional.empty();
        };
    }
}
