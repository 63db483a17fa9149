package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A script whose text is not in view, run with a production cloud identity in its environment ({@code AWS_PROFILE=prod},
 * {@code GOOGLE_CLOUD_PROJECT=acme-prod}, a {@code KUBECONFIG} named for production) and a flag that says it applies
 * its changes ({@code --apply}, {@code --execute}, {@code --yes} …): code whose effect no one here has read, acting on
 * production — opaque there, not a local run. Without such a flag, with a dry-run flag, or with an identity that names
 * no production, the run stays what it was (local work).
 */
public final class AppliedScripts {

    private AppliedScripts() {
    }

    /** Flags by which scripts commonly switch from reporting to changing. */
    private static final Set<String> APPLIES = Set.of("--apply", "--execute", "--commit", "--force", "--delete", "--yes",
            "--no-dry-run", "--confirm", "--for-real");
    /** Flags that keep it reporting, whatever else is given. */
    private static final Set<String> LOOKS = Set.of("--dry-run", "--dryrun", "-n", "--plan", "--check", "--preview", "--noop");
    /** Identity variable → the locator the environment resolver places by (inventory patterns and names). */
    private static final List<Map.Entry<String, String>> IDENTITIES = List.of(
            Map.entry("KUBECONFIG", "kubeconfig"), Map.entry("AWS_PROFILE", "profile"), Map.entry("AWS_DEFAULT_PROFILE", "profile"),
            Map.entry("GOOGLE_CLOUD_PROJECT", "project"), Map.entry("CLOUDSDK_CORE_PROJECT", "project"), Map.entry("GCLOUD_PROJECT", "project"),
            Map.entry("AZURE_SUBSCRIPTION_ID", "subscription"), Map.entry("ARM_SUBSCRIPTION_ID", "subscription"));

    /** A production cloud or cluster identity in {@code env}: variable, the locator it stands for, and its value. */
    public record Identity(String variable, String locator, String value) {
    }

    /**
     * The first identity variable of {@code env} that names production ({@code AWS_PROFILE=prod},
     * {@code KUBECONFIG=~/.kube/prod-eu-1.yaml}): where code Interlock cannot read acts with those credentials.
     */
    public static Optional<Identity> productionIdentity(Map<String, String> env) {
        for (Map.Entry<String, String> identity : IDENTITIES) {
            String value = env.getOrDefault(identity.getKey(), "");
            boolean production = identity.getValue().equals("kubeconfig")
                    ? DeploymentWords.forProduction(value) : DeploymentWords.namesProduction(value);
            if (production) {
                return Optional.of(new Identity(identity.getKey(), identity.getValue(), value));
            }
        }
        return Optional.empty();
    }

    /** The opaque operation the run is in production, when its flags and its environment say so. */
    public static Optional<Operation> inProduction(String script, List<Arg> operands, Map<String, String> env, Evidence evidence) {
        boolean applies = false;
        for (Arg a : operands) {
            String w = a.value();
            if (!w.startsWith("-")) {
                continue;
            }
            String flag = w.indexOf('=') > 0 ? w.substring(0, w.indexOf('=')) : w;
            if (LOOKS.contains(flag)) {
                return Optional.empty();
            }
            applies |= APPLIES.contains(flag) && (flag.equals(w) || !w.endsWith("=false"));
        }
        if (!applies) {
            return Optional.empty();
        }
        return productionIdentity(env).map(identity -> Operation.builder("process", Verb.UNKNOWN).resource("script", script)
                .locator(identity.locator(), identity.value()).confidence(Confidence.OPAQUE).reversible(false).evidence(evidence)
                .note("runs the script " + script + ", whose contents are not analyzed, with " + identity.variable() + "="
                        + identity.value() + " and a flag that applies its changes: what it does there is unknown")
                .build());
    }
}
