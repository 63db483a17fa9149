package dev.interlock.server.approval;

import java.util.Locale;

/** Whom a grant covers: the agent session that asked, or every session of the same principal. */
public enum GrantScope {
    SESSION, PRINCIPAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GrantScope parse(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
