package dev.interlock.analysis.shell.recognizers;

import dev.interlock.environment.TierWords;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that name a shared deployment environment — production and staging spellings — wherever a command line
 * or a path says where code runs ({@code ./deploy.sh prod}, {@code make deploy-staging}, {@code envs/production/}).
 * Development words only place what names its target by them ({@link #development}: a CI job, a per-PR preview app):
 * code told to act in dev carries nothing elsewhere that the local tier misses.
 */
public final class DeploymentWords {

    private static final List<String> PRODUCTION = TierWords.PRODUCTION;
    private static final List<String> STAGING = TierWords.STAGING;
    private static final Map<String, String> TIER_OF = tiers();
    private static final Pattern PARTS = Pattern.compile("[-_]");
    /** The parts of a file's name: {@code values-prod.yaml}, {@code prod.tfvars}. */
    private static final Pattern NAME_PARTS = Pattern.compile("[-_.]");
    /** A directory named for production anywhere in a path. */
    private static final Pattern PRODUCTION_DIRECTORY = Pattern.compile(
            "(?i).*/(" + String.join("|", PRODUCTION) + ")([-_.][^/]*)?/.*");

    private DeploymentWords() {
    }

    /** {@code production} or {@code staging} for one word ({@code prd}, {@code uat}, …), case aside. */
    public static Optional<String> tierOf(String word) {
        return Optional.ofNullable(TIER_OF.get(word.toLowerCase(Locale.ROOT)));
    }

    /**
     * Production's spelling in one of a name's parts, whatever separates them: {@code acme-prod-uploads},
     * {@code arn:aws:rds:…:snapshot:shop-prod-2024-05-01}, {@code prod.daily}. Staging's words do not count.
     */
    public static boolean namesProduction(String name) {
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (PRODUCTION.contains(part.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A single-label host name that names no shared environment ({@code db}, {@code postgres}, {@code redis}): a compose
     * service or container beside the project, not a server of the network ({@code pg-prd-2} names production).
     */
    public static boolean serviceName(String host) {
        return !host.isEmpty() && host.indexOf('.') < 0 && host.indexOf(':') < 0 && !host.startsWith("[")
                && Character.isLetter(host.charAt(0)) && !named(host);
    }

    /** True when the word, or one of its {@code -}/{@code _} parts ({@code prod-eu-1}, {@code eu_staging}), names one. */
    public static boolean named(String word) {
        if (tierOf(word).isPresent() || word.equalsIgnoreCase("pre-prod")) {
            return true;
        }
        if (objectId(word)) {
            return false;
        }
        for (String part : PARTS.split(word)) {
            if (tierOf(part).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * An object's id with a type prefix: Stripe's {@code prod_NWjs8kKbJWmuuc} is a product, not production. The rest is
     * one random token (mixed case, or a long run of letters and digits), where a name's parts are words ({@code prod_eu}).
     */
    static boolean objectId(String word) {
        var m = OBJECT_ID.matcher(word);
        if (!m.matches()) {
            return false;
        }
        String token = m.group(1);
        boolean mixedCase = !token.equals(token.toLowerCase(Locale.ROOT)) && !token.equals(token.toUpperCase(Locale.ROOT));
        return mixedCase || token.length() >= 16 && token.matches(".*[0-9].*") && token.matches(".*[A-Za-z].*");
    }

    private static final Pattern OBJECT_ID = Pattern.compile("[a-z]{2,8}_([A-Za-z0-9]{10,})");

    /**
     * A directory named for one production deployment among its siblings ({@code fleets/sensors-prod/},
     * {@code stacks/eu_production/}); {@code non-prod} and {@code pre-prod} are not production.
     */
    private static final Pattern NAMED_PRODUCTION_DIRECTORY = Pattern.compile(
            "(?i).*/[^/]*(?<!non|pre|not)[-_](" + String.join("|", PRODUCTION) + ")([-_.][^/]*)?/.*");

    /** {@code infra/prod/main.tf}, {@code envs/production-eu/}, {@code fleets/sensors-prod/}: a directory named for production. */
    public static boolean inProductionDirectory(String path) {
        String p = withoutLiveRoot(path);
        return PRODUCTION_DIRECTORY.matcher(p).matches() || NAMED_PRODUCTION_DIRECTORY.matcher(p).matches();
    }

    /**
     * Terragrunt's {@code live/} (or {@code infrastructure-live/}) holds every environment's configuration, one
     * directory each: below it, {@code live/dev/…} is dev's, so {@code live} names production only when no deeper
     * directory names another tier ({@code live/prod/…}, {@code live/us-east-1/…} stay production's).
     */
    private static String withoutLiveRoot(String path) {
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) {
            if (!LIVE_ROOT.matcher(segments[i]).matches()) {
                continue;
            }
            for (int j = i + 1; j < segments.length - 1; j++) {
                if (otherTier(segments[j])) {
                    segments[i] = "_";
                    break;
                }
            }
        }
        return String.join("/", segments);
    }

    private static final Pattern LIVE_ROOT = Pattern.compile("(?i)([^/]*[-_])?live");

    /** A directory named for staging or a development tier ({@code dev}, {@code qa-eu}, {@code sandbox}). */
    private static boolean otherTier(String segment) {
        for (String part : PARTS.split(segment.toLowerCase(Locale.ROOT))) {
            if (STAGING.contains(part) || DEVELOPMENT.contains(part) || part.equals("nonprod")) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code envs/prod/main.tf}, and files named for production whatever their directory: {@code values-production.yaml},
     * {@code prod.tfvars}, {@code docker-compose.prod.yml} (a {@code -}/{@code _}/{@code .} part of the name is a production word).
     */
    public static boolean forProduction(String path) {
        if (inProductionDirectory(path)) {
            return true;
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (String part : NAME_PARTS.split(name)) {
            if (PRODUCTION.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The production or staging word a place names, in any of its parts ({@code /srv/dagster-prod/home} → prod,
     * {@code /etc/nginx/sites-enabled/shop-staging.conf} → staging); {@code non-prod} and {@code pre-prod} are not
     * production, and {@code live} alone is too common a word in paths to count.
     */
    public static Optional<String> tierWordIn(String place) {
        String[] parts = place.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
        for (int i = 0; i < parts.length; i++) {
            // pre-prod is staging's word, spelled in two parts
            boolean negated = i > 0 && (TierWords.negates(parts[i - 1]) || parts[i - 1].equals("pre"));
            if (!negated && !parts[i].equals("live") && tierOf(parts[i]).isPresent()) {
                return Optional.of(parts[i]);
            }
        }
        return Optional.empty();
    }

    /** Development tiers' words in a job's, pipeline's or app's name ("Deploy to Dev", {@code ci-tests}). */
    private static final Set<String> DEVELOPMENT = TierWords.DEVELOPMENT;

    /**
     * A development environment a name says ({@code payments-dev}, "Deploy to Dev", a per-PR preview app
     * {@code shop-preview-pr-1287}), unless it also names production or staging.
     */
    public static Optional<String> development(String name) {
        if (named(name) || dev.interlock.analysis.Regex.find(name, "(?i)(^|[^a-z])(prod|production|prd|live|staging|stg|uat)([^a-z]|$)")) {
            return Optional.empty();
        }
        String[] parts = name.toLowerCase(Locale.ROOT).split("[\\s/_.:-]+");
        for (int i = 0; i < parts.length; i++) {
            boolean pullRequest = (parts[i].equals("pr") || parts[i].equals("mr")) && i + 1 < parts.length
                    && parts[i + 1].matches("\\d+") || parts[i].matches("(pr|mr)\\d+");
            if (pullRequest) {
                return Optional.of("preview");
            }
            if (DEVELOPMENT.contains(parts[i])) {
                return Optional.of(parts[i]);
            }
        }
        return Optional.empty();
    }

    /**
     * The tier word of a name's parts, shared or development ({@code products_prod} → prod, {@code dev_products} → dev;
     * {@code products} names none), or empty: for names an inventory glob like {@code *prod*} would misread.
     */
    public static String tierOfName(String name) {
        return tierWordIn(name).or(() -> development(name)).orElse("");
    }

    /** Development words that name one short-lived deployment rather than a standing environment. */
    private static final Set<String> EPHEMERAL = Set.of("preview", "review");

    /**
     * A per-PR or preview deployment a name says ({@code WebStack-pr-311}, {@code web-preview-42}): one of many
     * throwaway copies, so tearing it down removes one deployment, not an environment. Where it runs is still said
     * by the account or profile (a {@code pr-12} stack in a production account stays production's).
     */
    public static boolean ephemeral(String name) {
        return development(name).filter(EPHEMERAL::contains).isPresent();
    }

    private static Map<String, String> tiers() {
        Map<String, String> tiers = new java.util.HashMap<>();
        PRODUCTION.forEach(w -> tiers.put(w, "production"));
        STAGING.forEach(w -> tiers.put(w, "staging"));
        return Map.copyOf(tiers);
    }
}
