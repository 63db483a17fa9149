package dev.interlock.model;

/** An environment's tier. Environment names are configurable in the inventory; tiers are not. */
public enum Tier implements Wire {
    PROD, STAGING, DEV, LOCAL, UNKNOWN;

    /** How much harm a change here can do; unknown counts as production. */
    public int gravity() {
        return switch (this) {
            case PROD, UNKNOWN -> 3;
            case STAGING -> 2;
            case DEV -> 1;
            case LOCAL -> 0;
        };
    }
}
