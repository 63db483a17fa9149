package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.environment.Hosts;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Collaboration and ticketing SaaS APIs called with curl or wget, where a POST is often a search: Jira's
 * {@code /rest/api/3/search/jql}, Confluence's CQL search, Notion's {@code /v1/search} and database queries, Slack's
 * {@code *.list}, {@code *.history} and {@code search.*} methods, PagerDuty's analytics, Zendesk's search. Those read,
 * whatever the method; any other path on these hosts keeps the general reading (a POST creates, DELETE deletes). File
 * sharing APIs (Google Drive's {@code permissions}, OneDrive's {@code createLink} and {@code invite}) grant access to
 * the file; a grant to {@code anyone} is public.
 */
final class CollaborationApis {

    /** A service by its host, and the paths on it that only read. */
    private record Service(String system, Pattern host, Pattern reads) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("jira", Pattern.compile("[a-z0-9-]+\\.atlassian\\.net|jira\\.[a-z0-9.-]+"),
                    Pattern.compile("(?:/jira)?/rest/api/(?:2|3|latest)/(?:search(?:/jql|/approximate-count)?|jql/(?:parse|match|pdcleaner)"
                            + "|expression/eval|issue/picker)/?")),
            new Service("confluence", Pattern.compile("[a-z0-9-]+\\.atlassian\\.net|confluence\\.[a-z0-9.-]+"),
                    Pattern.compile("(?:/wiki)?/rest/api/(?:search(?:/user)?|content/search)/?")),
            new Service("notion", Pattern.compile("api\\.notion\\.com"),
                    Pattern.compile("/v1/(?:search|(?:databases|data_sources)/[^/]+/query)/?")),
            new Service("slack", Pattern.compile("(?:[a-z0-9-]+\\.)?slack\\.com"),
                    Pattern.compile("/api/(?:search\\.[a-z]+|auth\\.test|[a-z.]+\\.(?:list|info|history|replies|members|get|lookupbyemail"
                            + "|getpresence|getpermalink))/?")),
            new Service("pagerduty", Pattern.compile("api\\.(?:eu\\.)?pagerduty\\.com"), Pattern.compile("/analytics/(?:raw|metrics)/.+")),
            new Service("zendesk", Pattern.compile("[a-z0-9-]+\\.zendesk\\.com"),
                    Pattern.compile("/api/v2/(?:[a-z_]+/)?(?:search|count)(?:\\.json)?(?:/export(?:\\.json)?|/count(?:\\.json)?)?/?")));

    private static final Pattern DRIVE_PERMISSIONS = Pattern.compile("/drive/v[23]/files/([^/]+)/permissions(?:/[^/]+)?/?");
    private static final Pattern GRAPH_SHARING = Pattern.compile("/v1\\.0/.*/items/([^/]+)/(?:createLink|invite)/?");
    private static final Pattern TO_ANYONE = Pattern.compile("\"(?:type|scope)\"\\s*:\\s*\"anyone\"|\"scope\"\\s*:\\s*\"anonymous\"");

    private CollaborationApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url).toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        String path = NetworkRecognizer.path(url);
        boolean readsByMethod = method.equals("GET") || method.equals("HEAD");
        if (method.isEmpty() || method.equals("POST") || readsByMethod) {
            String lower = path.toLowerCase(Locale.ROOT);
            for (Service s : SERVICES) {
                if (s.host().matcher(host).matches() && s.reads().matcher(lower).matches()) {
                    return Optional.of(List.of(Operation.builder(s.system(), Verb.READ).resource("search", path).locator("host", host)
                            .evidence(inv.evidence()).note("a " + s.system() + " search or query: it only reads, though it is posted").build()));
                }
            }
        }
        return sharing(inv, host, path, method, body, readsByMethod || method.isEmpty() && body.isEmpty());
    }

    /** Google Drive's and Microsoft Graph's sharing calls: who else may open the file. */
    private static Optional<List<Operation>> sharing(Invocation inv, String host, String path, String method, List<String> body, boolean reads) {
        java.util.regex.Matcher m = host.equals("www.googleapis.com") ? DRIVE_PERMISSIONS.matcher(path)
                : host.equals("graph.microsoft.com") ? GRAPH_SHARING.matcher(path) : null;
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String system = host.equals("www.googleapis.com") ? "google-drive" : "onedrive";
        Operation.Builder b = Operation.builder(system, reads ? Verb.READ : Verb.GRANT).resource("file", m.group(1))
                .locator("host", host).evidence(inv.evidence());
        if (reads) {
            return Optional.of(List.of(b.note("lists who may open the file").build()));
        }
        boolean anyone = TO_ANYONE.matcher(String.join(" ", body)).find();
        return Optional.of(List.of(b.scope(anyone ? Scope.ALL : Scope.ONE)
                .note(method.equals("DELETE") ? "removes someone's access to the file"
                        : anyone ? "shares the file with anyone who has the link: it is public" : "shares the file with someone else")
                .build()));
    }
}
