package dev.interlock.analysis.shell.recognizers.ci;

import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a run of a CI/CD pipeline, job or deployment lands. A deploy verb takes its environment from its target: the
 * environment flag ({@code --environment Production}), a parameter ({@code -p environment=prod}, {@code DEPLOY_ENV:production},
 * {@code "deploy_env":"production"}), or the name of the job or pipeline ({@code payments/deploy-prod}, "Deploy to Dev",
 * {@code shop-preview-pr-1287}). A run that names none is a build or test run when nothing in it deploys and its branch
 * is not one that ships (main, master, release); otherwise it stays unplaced, which is treated like production.
 */
public final class CiRuns {

    private CiRuns() {
    }

    /** A parameter or variable that says the environment: {@code environment=prod}, {@code DEPLOY_ENV:production}. */
    private static final Pattern PARAMETER = Pattern.compile("(?i)(?:[\\w]*_)?(env|environment|stage|target|tier|deploy_?env)[:=](.+)");
    /** The same in a JSON body: {@code "deploy_env":"production"}. */
    private static final Pattern JSON_PARAMETER = Pattern.compile(
            "(?i)\"(?:[\\w]*_)?(?:env|environment|stage|target|tier|deploy_?env)\"\\s*:\\s*\"([^\"]+)\"");
    /** Words of a run that deploys or publishes, wherever it deploys to. */
    private static final Pattern DEPLOYS = Pattern.compile("(?i).*(deploy|release|publish|rollout|promote|rollback|ship|destroy|teardown).*");
    /** Branches whose pipelines ship: main, master, release and production branches. */
    private static final Pattern SHIPPING_BRANCH = Pattern.compile("(?i)(refs/heads/)?(main|master|trunk|release.*|prod.*|production.*|live|hotfix.*)");
    /** The environment a parameter, variable or JSON field among {@code values} gives, if one does. */
    public static Optional<String> parameter(List<String> values) {
        for (String v : values) {
            Matcher m = PARAMETER.matcher(v);
            if (m.matches()) {
                return Optional.of(m.group(2));
            }
            Matcher json = JSON_PARAMETER.matcher(v);
            if (json.find()) {
                return Optional.of(json.group(1));
            }
        }
        return Optional.empty();
    }

    /**
     * Places a run whose command line names no production or staging environment: by a parameter, a development
     * word in its operands, or else as a build or test run when nothing in it deploys and its branch does not ship.
     */
    public static Operation.Builder place(Operation.Builder b, List<String> operands, Optional<String> branch, boolean deployment) {
        Optional<String> named = parameter(operands)
                .or(() -> operands.stream().map(DeploymentWords::development).flatMap(Optional::stream).findFirst());
        if (named.isPresent()) {
            return b.locator("environment", named.get());
        }
        boolean ships = deployment || branch.filter(br -> SHIPPING_BRANCH.matcher(br).matches()).isPresent()
                || operands.stream().anyMatch(w -> DEPLOYS.matcher(w).matches());
        return ships ? b : b.environment(Tier.DEV, "a CI run that deploys nowhere"
                + branch.map(br -> " (branch " + br + ")").orElse("") + ": a build or test run");
    }
}
