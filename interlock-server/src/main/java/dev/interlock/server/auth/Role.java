package dev.interlock.server.auth;

import java.util.Locale;

/** What a token may do. Agents act; approvers review; admins also manage tokens. Declared from least to most. */
public enum Role {
    AGENT, APPROVER, ADMIN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code agent}, {@code approver} or {@code admin}; the message lists what is accepted. */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equals(text == null ? "" : text.strip().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new TokenException(TokenException.Kind.INVALID, "unknown role '" + text + "': use agent, approver or admin");
    }
}
