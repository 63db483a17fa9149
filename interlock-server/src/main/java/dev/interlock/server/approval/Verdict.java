package dev.interlock.server.approval;

import java.util.Locale;

/** A reviewer's answer. */
public enum Verdict {
    APPROVE, DENY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Verdict parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
