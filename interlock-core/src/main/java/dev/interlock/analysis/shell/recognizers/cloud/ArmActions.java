package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Azure Resource Manager actions called with POST that only read: a Cost Management query, a Resource Graph query,
 * a name-availability check, a what-if. ARM uses POST for queries whose input is a body, so the method alone says
 * nothing; the action (the URL's last segment, with the provider that owns it) does. Actions that list keys, secrets
 * or connection strings print credentials.
 */
final class ArmActions {

    private ArmActions() {
    }

    /** {@code provider/action} pairs that only query: the action word means something else elsewhere. */
    private static final Set<String> PROVIDER_QUERIES = Set.of("microsoft.costmanagement/query",
            "microsoft.costmanagement/forecast", "microsoft.resourcegraph/resources", "microsoft.resourcegraph/resourcechanges",
            "microsoft.resourcegraph/resourcechangedetails", "microsoft.resourcegraph/resourceshistory",
            "microsoft.insights/metrics", "microsoft.operationalinsights/query",
            "microsoft.security/assessments", "microsoft.policyinsights/querypolicystates",
            "microsoft.authorization/checkaccess");
    /** Actions of any provider that only look. */
    private static final Set<String> QUERIES = Set.of("checknameavailability", "whatif", "validate", "exporttemplate",
            "querypolicystates", "summarize", "query");
    /** What a {@code list…} action returns that is a secret. */
    private static final String SECRETS = ".*(key|keys|secret|secrets|credential|credentials|connectionstring|connectionstrings"
            + "|password|passwords|token|tokens|sas|settings|settingsv2|profile|profilexmlwithsecrets)$";

    /**
     * What POSTing to the ARM {@code url} does when its action says: a read for a query, a credential read for a
     * {@code listKeys}-like action; empty when the action may change something.
     */
    static Optional<Verb> postedAction(String url) {
        String path = Regex.replaceFirst(url, "[?#].*$", "").toLowerCase(Locale.ROOT);
        int at = path.lastIndexOf("/providers/");
        if (at < 0) {
            return Optional.empty();
        }
        String[] segments = path.substring(at + "/providers/".length()).split("/");
        String action = segments[segments.length - 1];
        String provider = segments[0];
        if (segments.length == 2 && PROVIDER_QUERIES.contains(provider + "/" + action) || segments.length > 1 && QUERIES.contains(action)) {
            return Optional.of(Verb.READ);
        }
        if (segments.length > 2 && action.startsWith("list")) {
            // a bare list names what it lists by the segment before it (sites/app/config/appsettings/list)
            String listed = action.equals("list") ? segments[segments.length - 2] : action;
            return Optional.of(Regex.matches(listed, SECRETS) ? Verb.CREDENTIAL : Verb.READ);
        }
        return Optional.empty();
    }
}
