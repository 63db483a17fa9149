package dev.interlock.server.report;

import java.time.Duration;

/** Durations as a reviewer reads them: "3 min", "1 h 5 min", "40 s", "expired". */
public final class Words {

    private Words() {
    }

    public static String duration(Duration d) {
        if (d.isNegative() || d.isZero()) {
            return "expired";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min";
        }
        long m = (s % 3600) / 60;
        return (s / 3600) + " h" + (m == 0 ? "" : " " + m + " min");
    }
}
