package dev.interlock.environment;

import dev.interlock.model.Operation;
import java.util.Optional;
import java.util.Set;

/**
 * A named cloud resource that nothing else places ({@code az webapp restart -n shop-dev-weu}, {@code aws lambda
 * update-function-configuration --function-name orders-dev}) is placed by its own name, looked up as the inventory's
 * {@code app}: teams name functions, services and stores for the environment they serve. The name is one more
 * locator, so a stricter tier named elsewhere (a prod profile, project or subscription) still wins.
 */
final class OwnNames {

    private OwnNames() {
    }

    private static final Set<String> CLOUDS = Set.of("aws", "gcp", "azure");

    /** Resources deployed once per environment, whose names carry it. */
    private static final Set<String> TYPES = Set.of("function", "function-app", "app", "containerapp", "service",
            "configuration-store", "configuration-key", "feature-flag", "queue", "topic", "table", "cluster");

    /** The resource's own name, as the inventory's {@code app}, when it is one literal name. */
    static Optional<String> of(Operation op) {
        if (!CLOUDS.contains(op.system()) || !TYPES.contains(op.resource().type())) {
            return Optional.empty();
        }
        String name = op.resource().name();
        // a queue URL or topic ARN ends with the name; the account and region before it say nothing of the tier
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
        if (name.isEmpty() || name.indexOf(',') >= 0 || name.indexOf('*') >= 0 || name.indexOf('$') >= 0) {
            return Optional.empty();
        }
        // only a name with an environment as one of its words: devices-sync or latest-prices say nothing of a tier
        for (String word : name.toLowerCase(java.util.Locale.ROOT).split("[-_.]")) {
            if (TierWords.any(word)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
