package dev.interlock.analysis.shell.recognizers;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A script whose contents are not in view but whose name says it deploys to, or tears down, a named shared
 * environment ({@code ./scripts/deploy-prod.sh}, {@code bash release_production.sh}, {@code ./destroy-staging.sh}): the
 * name is the best evidence of where it acts, as for {@code make deploy-prod}. Builds, checks and plans named for
 * production ({@code build-prod.sh}, {@code check-prod-deploy.sh}) and scripts named for no shared tier stay runs here.
 */
public final class DeploymentScripts {

    private DeploymentScripts() {
    }

    /** Words that say the script changes where it deploys, beyond {@link KnownPrograms#PUBLISH}. */
    private static final Set<String> DEPLOYS = Set.of("apply", "rollout", "promote", "migrate", "cutover", "failover");
    /** Words that say the run only looks or builds. */
    private static final Set<String> LOOKS = Set.of("check", "status", "verify", "diff", "plan", "lint", "dryrun", "test",
            "tests", "validate", "show", "list", "preview", "build", "smoke", "health", "healthcheck");

    /** The deployment or teardown a script's name says it performs in production or staging, as an operation of {@code system}. */
    public static Optional<Operation.Builder> named(String system, String path) {
        if (!DataCopies.script(path)) {
            return Optional.empty();
        }
        List<String> parts = DataCopies.words(path);
        if (parts.stream().anyMatch(LOOKS::contains)) {
            return Optional.empty();
        }
        Optional<String> tier = parts.stream().map(DeploymentWords::tierOf).flatMap(Optional::stream).findFirst();
        Verb destroys = parts.stream().map(KnownPrograms.DESTRUCTIVE::get).filter(v -> v == Verb.DELETE || v == Verb.REPLACE)
                .findFirst().orElse(null);
        boolean deploys = parts.stream().anyMatch(p -> KnownPrograms.PUBLISH.contains(p) || DEPLOYS.contains(p));
        if (tier.isEmpty() || destroys == null && !deploys) {
            return Optional.empty();
        }
        Operation.Builder b = Operation.builder(system, destroys != null ? destroys : Verb.UPDATE).resource("script", path)
                .locator("environment", tier.get()).confidence(Confidence.INFERRED)
                .note("the script's name '" + path.substring(path.lastIndexOf('/') + 1) + "' says it " + (destroys != null ? "tears down" : "deploys to") + " "
                        + tier.get() + " (its contents are not analyzed)");
        return Optional.of(destroys != null ? b.scope(Scope.MANY).stateful(true).reversible(false) : b);
    }
}
