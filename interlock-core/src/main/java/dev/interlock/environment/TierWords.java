package dev.interlock.environment;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words teams use for their environments, one table for every reader that places something by a word in its name
 * or path: production's ({@code prd}, {@code live}), staging's ({@code uat}, {@code preprod}) and development's
 * ({@code qa}, {@code sandbox}, {@code preview}).
 */
public final class TierWords {

    public static final List<String> PRODUCTION = List.of("prod", "production", "prd", "live");
    public static final List<String> STAGING = List.of("staging", "stage", "stg", "uat", "preprod");
    public static final Set<String> DEVELOPMENT = Set.of("dev", "develop", "development", "test", "tests", "testing", "qa",
            "sandbox", "sbx", "preview", "review", "e2e");

    /** Words that, put before a tier word, say the opposite: {@code -k "not live"}, {@code non-prod}, {@code without staging}. */
    private static final Set<String> NEGATIONS = Set.of("not", "non", "!", "no", "except", "without");

    private TierWords() {
    }

    /** Whether {@code word}, put before a tier word, negates it. */
    public static boolean negates(String word) {
        return NEGATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Whether one word of a name ({@code prod}, {@code dev2}, {@code uat}) names an environment of any tier. */
    public static boolean any(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceFirst("\\d+$", "");
        return PRODUCTION.contains(w) || STAGING.contains(w) || DEVELOPMENT.contains(w);
    }
}
