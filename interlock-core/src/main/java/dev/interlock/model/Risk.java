package dev.interlock.model;

/** The risk model's verdict on one operation (see docs/risk.md). */
public enum Risk implements Wire {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Risk max(Risk a, Risk b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
