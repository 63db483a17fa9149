package dev.interlock.analysis.shell.recognizers;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words that name a shared deployment environment — production and staging spellings — wherever a command line
 * or a path says where code runs ({@code ./deploy.sh prod}, {@code make deploy-staging}, {@code envs/production/}).
 * Development words are not here: code told to act in dev carries nothing elsewhere that the local tier misses.
 */
public final class DeploymentWords {

    private static final List<String> PRODUCTION = List.of("prod", "production", "prd", "live");
    private static final List<String> STAGING = List.of("staging", "stage", "stg", "uat", "preprod");
    private static final Map<String, String> TIER_OF = tiers();
    private static final Pattern PARTS = Pattern.compile("[-_]");
    /** A directory named for production anywhere in a path. */
    private static final Pattern PRODUCTION_DIRECTORY = Pattern.compile(
            "(?i).*/(" + String.join("|", PRODUCTION) + ")([-_.][^/]*)?/.*");

    private DeploymentWords() {
    }

    /** {@code production} or {@code staging} for one word ({@code prd}, {@code uat}, …), case aside. */
    public static Optional<String> tierOf(String word) {
        return Optional.ofNullable(TIER_OF.get(word.toLowerCase(Locale.ROOT)));
    }

    /** True when the word, or one of its {@code -}/{@code _} parts ({@code prod-eu-1}, {@code eu_staging}), names one. */
    public static boolean named(String word) {
        if (tierOf(word).isPresent() || word.equalsIgnoreCase("pre-prod")) {
            return true;
        }
        for (String part : PARTS.split(word)) {
            if (tierOf(part).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** {@code infra/prod/main.tf}, {@code envs/production-eu/}: a directory named for production. */
    public static boolean inProductionDirectory(String path) {
        return PRODUCTION_DIRECTORY.matcher(path).matches();
    }

    private static Map<String, String> tiers() {
        Map<String, String> tiers = new java.util.HashMap<>();
        PRODUCTION.forEach(w -> tiers.put(w, "production"));
        STAGING.forEach(w -> tiers.put(w, "staging"));
        return Map.copyOf(tiers);
    }
}
