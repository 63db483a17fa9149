package dev.interlock.model;

/** What happens to a request. Declared from loosest to strictest: strictest wins. */
public enum Effect implements Wire {
    ALLOW, ASK, REQUIRE_APPROVAL, DENY;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Effect strictest(Effect a, Effect b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public boolean stricterThan(Effect other) {
        return compareTo(other) > 0;
    }

    /** The process exit code of {@code interlock check}: 0 allow, 10 ask, 11 require_approval, 12 deny. */
    public int exitCode() {
        return switch (this) {
            case ALLOW -> 0;
            case ASK -> 10;
            case REQUIRE_APPROVAL -> 11;
            case DENY -> 12;
        };
    }
}
