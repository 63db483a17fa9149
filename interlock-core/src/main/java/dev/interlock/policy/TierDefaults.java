package dev.interlock.policy;

import dev.interlock.model.Effect;
import dev.interlock.model.Risk;
import dev.interlock.model.Tier;
import java.util.EnumMap;
import java.util.Map;

/**
 * The effect for an operation no rule matched, by its tier and risk. Policies may set their own; when several do, the
 * strictest wins per cell, and cells nobody set keep the built-in table (which is also the shipped pack's).
 */
public record TierDefaults(Map<Tier, Map<Risk, Effect>> table) {

    public static final TierDefaults BUILT_IN = builtIn();

    private static TierDefaults builtIn() {
        Map<Tier, Map<Risk, Effect>> t = new EnumMap<>(Tier.class);
        t.put(Tier.LOCAL, row(Effect.ALLOW, Effect.ALLOW, Effect.ASK, Effect.DENY));
        t.put(Tier.DEV, row(Effect.ALLOW, Effect.ALLOW, Effect.ALLOW, Effect.ASK));
        t.put(Tier.STAGING, row(Effect.ALLOW, Effect.ALLOW, Effect.ASK, Effect.REQUIRE_APPROVAL));
        t.put(Tier.PROD, row(Effect.ALLOW, Effect.REQUIRE_APPROVAL, Effect.REQUIRE_APPROVAL, Effect.REQUIRE_APPROVAL));
        t.put(Tier.UNKNOWN, row(Effect.ALLOW, Effect.REQUIRE_APPROVAL, Effect.REQUIRE_APPROVAL, Effect.REQUIRE_APPROVAL));
        return new TierDefaults(t);
    }

    static Map<Risk, Effect> row(Effect low, Effect medium, Effect high, Effect critical) {
        Map<Risk, Effect> row = new EnumMap<>(Risk.class);
        row.put(Risk.LOW, low);
        row.put(Risk.MEDIUM, medium);
        row.put(Risk.HIGH, high);
        row.put(Risk.CRITICAL, critical);
        return row;
    }

    public TierDefaults {
        Map<Tier, Map<Risk, Effect>> copy = new EnumMap<>(Tier.class);
        table.forEach((tier, row) -> copy.put(tier, Map.copyOf(row)));
        table = Map.copyOf(copy);
    }

    public Effect effect(Tier tier, Risk risk) {
        Map<Risk, Effect> row = table.get(tier);
        Effect e = row == null ? null : row.get(risk);
        return e != null ? e : BUILT_IN.table.get(tier).get(risk);
    }
}
