package dev.interlock.model;

import java.util.Locale;

/** The lower-case, dash-separated spelling an enum constant has in JSON, YAML, CEL and text output. */
public interface Wire {
    String name();

    default String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses a wire spelling ({@code require_approval} and {@code require-approval} are both accepted). */
    static <E extends Enum<E> & Wire> E parse(Class<E> type, String text) {
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(normalized)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + spellings(type));
    }

    static <E extends Enum<E> & Wire> String spellings(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            out.append(out.isEmpty() ? "" : ", ").append(constant.wire());
        }
        return out.toString();
    }
}
