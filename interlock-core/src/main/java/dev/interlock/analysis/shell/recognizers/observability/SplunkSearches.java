package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.recognizers.controls.AuditIndexes;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Splunk search, from the CLI ({@code splunk search '…'}) or the REST API ({@code /services/search/jobs}): it reads,
 * unless it is piped into the {@code delete} command, which erases every event it found from the index for good. Erased
 * from the audit index ({@code index=_audit}), the events were the audit trail ({@link AuditIndexes}).
 */
public final class SplunkSearches {

    private SplunkSearches() {
    }

    /** {@code … | delete} as a command of the pipeline, not a word inside a field or a string. */
    private static final Pattern DELETE = Pattern.compile("(?i)\\|\\s*delete\\s*(?:$|\\|)");
    private static final Pattern INDEX = Pattern.compile("(?i)\\bindex\\s*=\\s*[\"']?([^\\s\"'|)]+)");

    /** What the search does, on the server {@code host} ("" for the one the CLI talks to by default). */
    public static Operation search(String query, String host, Evidence evidence) {
        Matcher index = INDEX.matcher(query);
        String name = index.find() ? index.group(1) : "";
        Operation.Builder b = Operation.builder("splunk", Verb.READ).resource("events", name).confidence(Confidence.INFERRED).evidence(evidence);
        if (!host.isEmpty()) {
            b.locator("host", host);
        }
        if (!DELETE.matcher(query).find()) {
            return b.build();
        }
        Operation deleted = b.verb(Verb.DELETE).stateful(true).reversible(false).scope(name.isEmpty() || name.contains("*") ? Scope.ALL : Scope.MANY)
                .note("a search piped to delete erases the events it finds" + (name.isEmpty() ? "" : " from index " + name) + " for good").build();
        return AuditIndexes.erased(name).map(control -> SecurityControls.marked(deleted, control)).orElse(deleted);
    }

    /** Whether a request path is Splunk's search API ({@code /services/search/jobs}, {@code /servicesNS/u/app/search/v2/jobs/export}). */
    public static boolean api(String path) {
        return path.matches("/services(NS/[^/]+/[^/]+)?/search(/v2)?/jobs(/export|/oneshot)?/?");
    }
}
