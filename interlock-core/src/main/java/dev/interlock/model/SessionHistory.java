package dev.interlock.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one session did before the request being decided: a snapshot the server passes into policy evaluation so that
 * CEL rules can limit a runaway agent ({@code session.count(["delete"], duration("5m")) > 10}). The engine never
 * looks it up itself; without a server it is {@link #EMPTY} and every count is zero.
 */
public record SessionHistory(Instant now, List<Entry> entries) {

    public static final SessionHistory EMPTY = new SessionHistory(Instant.EPOCH, List.of());

    /** One earlier decision in the session: its time, effect, and each operation's verb and address. */
    public record Entry(Instant at, Effect effect, List<Verb> verbs, List<String> addresses) {
        public Entry {
            verbs = List.copyOf(verbs);
            addresses = List.copyOf(addresses);
        }

        /** Allowed or asked: the agent could go on and do it. Held and denied requests did nothing. */
        public boolean proceeded() {
            return effect == Effect.ALLOW || effect == Effect.ASK;
        }
    }

    public SessionHistory {
        entries = List.copyOf(entries);
    }

    /** Operations with one of {@code verbs} that proceeded within {@code within} before now. */
    public long count(Collection<String> verbs, Duration within) {
        Instant since = now.minus(within);
        long n = 0;
        for (Entry e : entries) {
            if (e.proceeded() && !e.at().isBefore(since)) {
                n += e.verbs().stream().filter(v -> verbs.contains(v.wire())).count();
            }
        }
        return n;
    }

    /** Earlier decisions of this session with {@code effect} within {@code within} before now. */
    public long countEffect(String effect, Duration within) {
        Instant since = now.minus(within);
        return entries.stream().filter(e -> !e.at().isBefore(since) && e.effect().wire().equals(effect.toLowerCase(Locale.ROOT))).count();
    }

    /**
     * Whether a proceeded operation's address ({@code system:[namespace/]type/name}) matched {@code pattern}: a glob where
     * {@code *} is any run of characters; a pattern without {@code :} or {@code /} matches the resource name alone.
     */
    public boolean touched(String pattern) {
        Pattern glob = GlobPattern.compile(pattern, false);
        boolean nameOnly = pattern.indexOf(':') < 0 && pattern.indexOf('/') < 0;
        for (Entry e : entries) {
            if (!e.proceeded()) {
                continue;
            }
            for (String address : e.addresses()) {
                String subject = nameOnly ? address.substring(address.lastIndexOf('/') + 1) : address;
                if (glob.matcher(subject).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
