package dev.interlock.analysis.plan;

import java.util.Locale;

/**
 * What kubectl does with manifests: {@code apply}, {@code create}, {@code replace} ({@code force}: delete and
 * recreate) or {@code delete}; {@code prune} deletes what the manifests no longer name; {@code pruneAll} without a
 * label selector.
 */
public record ManifestAction(String verb, boolean force, boolean prune, boolean pruneAll) {

    public static final ManifestAction APPLY = new ManifestAction("apply", false, false, false);

    public ManifestAction {
        verb = verb == null || verb.isBlank() ? "apply" : verb.toLowerCase(Locale.ROOT);
        if (!verb.equals("apply") && !verb.equals("create") && !verb.equals("replace") && !verb.equals("delete")) {
            throw new PlanFormatException("manifest action '" + verb + "' is not one of apply, create, replace, delete");
        }
    }
}
