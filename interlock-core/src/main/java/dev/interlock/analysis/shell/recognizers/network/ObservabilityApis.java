package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.observability.MonitorScopes;
import dev.interlock.analysis.shell.recognizers.observability.SplunkSearches;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HTTP APIs of observability backends, where the method alone misleads. Grafana issues keys and service-account tokens
 * with a POST (a {@code grant}: a new credential with a role), changes roles and permissions with POST/PATCH/PUT,
 * overwrites a dashboard with {@code POST /api/dashboards/db}, and answers data-source queries to a POST; Datadog
 * issues API and application keys the same way and searches logs, spans and metrics with POSTs; Prometheus, Mimir,
 * Thanos, VictoriaMetrics and Loki answer queries to a POST while their admin endpoints ({@code delete_series},
 * {@code clean_tombstones}, Loki's {@code delete}), behind any mount prefix, erase stored telemetry (all of it for a
 * selector of every series). A Datadog downtime or mute lands in the environment its scope names; a Splunk search job
 * reads unless its query pipes into {@code delete}. Other requests are the plain HTTP reading.
 */
final class ObservabilityApis {

    /** One row: a path (after an optional mount prefix) and the methods it applies to → what the request does. */
    private record Route(Pattern path, Pattern methods, Verb verb, String type, boolean stateful, String note) {

        boolean matches(String p, String method) {
            return path.matcher(p).matches() && methods.matcher(method).matches();
        }
    }

    private static Route route(String path, String methods, Verb verb, String type, String note) {
        return new Route(Pattern.compile("(/[^/]+)?(?:" + path + ")/?"), Pattern.compile(methods), verb, type, verb == Verb.DELETE, note);
    }

    /** A Prometheus-compatible path behind any mount prefix: VictoriaMetrics cluster's {@code /delete/0/prometheus/…}. */
    private static Route tsdb(String path, String methods, Verb verb, String type, String note) {
        return new Route(Pattern.compile("(/[^/]+)*?(?:" + path + ")/?"), Pattern.compile(methods), verb, type, verb == Verb.DELETE, note);
    }

    private static final String ANY = ".*";
    private static final String CHANGES = "POST|PUT|PATCH|DELETE";

    /** Grafana's HTTP API; first match wins, so the narrower paths come first. */
    private static final List<Route> GRAFANA = List.of(
            route("/api/auth/keys(/[^/]+)?", "POST", Verb.GRANT, "api-key", "creates a Grafana API key with a role"),
            route("/api/serviceaccounts/[^/]+/tokens(/[^/]+)?", "POST", Verb.GRANT, "service-account-token",
                    "issues a token for a Grafana service account"),
            route("/api/serviceaccounts/search", ANY, Verb.READ, "service-account", ""),
            route("/api/serviceaccounts(/[^/]+)?", "POST|PATCH|PUT", Verb.GRANT, "service-account",
                    "creates a Grafana service account or changes its role"),
            route("/api/(admin/users/[^/]+/password|user/password)", CHANGES, Verb.CREDENTIAL, "password",
                    "sets a Grafana user's password"),
            route("/api/admin/users(/[^/]+/(permissions|quotas))?", "POST|PUT|PATCH", Verb.GRANT, "user",
                    "creates a Grafana user or changes what one may do"),
            route("/api/(org|orgs/[^/]+)/users(/[^/]+)?", CHANGES, Verb.GRANT, "org-user", "changes who is in the Grafana org, with which role"),
            route("/api/teams/[^/]+/members(/[^/]+)?", CHANGES, Verb.GRANT, "team", "changes a Grafana team's members"),
            route("/api/(folders|dashboards/uid|dashboards/id|datasources|datasources/uid)/[^/]+/permissions(/.*)?", CHANGES,
                    Verb.GRANT, "permissions", "changes who may see or edit it"),
            route("/api/access-control/.+", CHANGES, Verb.GRANT, "role", "changes Grafana's role assignments"),
            route("/api/dashboards/(db|import)", "POST|PUT", Verb.UPDATE, "dashboard", "creates or overwrites a Grafana dashboard"),
            route("/api/(ds/query|tsdb/query|datasources/proxy/.+/api/v1/(query|query_range|series|labels))", ANY, Verb.READ,
                    "datasource", "a data-source query"));

    private static final String DOWNTIME = "downtime";

    /** Datadog's API (api.datadoghq.com and its regional sites). */
    private static final List<Route> DATADOG = List.of(
            route("/api/v[12]/(api_keys?|application_keys?|current_user/application_keys)", "POST", Verb.GRANT, "api-key",
                    "issues a Datadog API or application key"),
            route("/api/v1/(api_key|application_key)(/[^/]+)?", "GET", Verb.CREDENTIAL, "api-key", "lists Datadog keys with their values"),
            route("/api/v2/api_keys/[^/]+", "GET", Verb.CREDENTIAL, "api-key", "reads a Datadog API key's value"),
            route("/api/v2/(roles|users|service_accounts)(/.*)?", "POST|PUT|PATCH", Verb.GRANT, "role",
                    "changes who may do what in Datadog"),
            route("/api/v2/.+/(search|aggregate|list)|/api/v2/query/(timeseries|scalar)|/api/v1/logs-queries/list", "POST", Verb.READ,
                    "telemetry", "a Datadog search"),
            // placed by the environment its scope names (MonitorScopes): env:dev silences dev alone, * or none everything
            route("/api/v[12]/downtime(/[^/]+)?|/api/v1/monitor/[^/]+/mute|/api/v1/host/[^/]+/mute", "POST|PUT|PATCH", Verb.UPDATE,
                    DOWNTIME, "silences the alerts of the monitors it covers"));

    /** Prometheus-compatible stores (Prometheus, Mimir, Cortex, Thanos, VictoriaMetrics) and Loki. */
    private static final List<Route> TSDB = List.of(
            // VictoriaMetrics deletes on any method, a GET included
            tsdb("/api/v1/admin/tsdb/delete_series", ANY, Verb.DELETE, "series", "deletes stored series"),
            tsdb("/api/v1/admin/tsdb/clean_tombstones", "POST|PUT", Verb.DELETE, "series",
                    "erases deleted series from disk for good"),
            tsdb("/api/v1/admin/tsdb/snapshot", "POST|PUT", Verb.CREATE, "snapshot", "writes a snapshot of the data directory"),
            tsdb("/(loki/)?api/v1/(query|query_range|query_exemplars|series|labels|label/[^/]+/values|format_query|parse_query"
                    + "|index/stats|index/volume|index/volume_range|patterns|detected_fields|detected_labels)", ANY, Verb.READ,
                    "telemetry", "a query"),
            tsdb("/loki/api/v1/delete", "POST|PUT", Verb.DELETE, "logs", "deletes stored log lines"),
            tsdb("/loki/api/v1/delete", "DELETE", Verb.UPDATE, "delete-request", "cancels a pending log deletion"));

    /** A downtime's or mute's scope in a JSON body: a string ({@code "env:dev service:x"}) or a list of tags. */
    private static final Pattern SCOPE = Pattern.compile("\"scope\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\])");

    private static final Pattern GRAFANA_HOST = Pattern.compile("(?i).*grafana.*|.*\\.grafana\\.net");
    /** Paths only Grafana serves: a request to one is Grafana's wherever it runs. */
    private static final Pattern GRAFANA_PATH = Pattern.compile(
            "(/[^/]+)?/api/(auth/keys|serviceaccounts|dashboards/(db|uid|import)|ds/query|folders/[^/]+/permissions|access-control|admin/users).*");
    private static final Pattern DATADOG_HOST = Pattern.compile("(?i)(.+\\.)?(datadoghq\\.(com|eu)|ddog-gov\\.com)");
    private static final Pattern TSDB_HOST = Pattern.compile("(?i).*(prometheus|mimir|cortex|thanos|victoria|vmselect|loki).*");
    private static final Pattern TSDB_PORTS = Pattern.compile("9090|9009|8428|8481|10902|10904");

    private ObservabilityApis() {
    }

    /** A series selector that matches every series: {@code {__name__=~".+"}}, {@code {__name__=~".*"}}. */
    private static final Pattern EVERY_SERIES = Pattern.compile("__name__\\s*=~\\s*\\\\?[\"'`]\\.[+*]\\\\?[\"'`]");

    /** A form body URL-decoded; as written when it is not valid URL encoding (a bare % in a query). */
    private static String decoded(String form) {
        try {
            return java.net.URLDecoder.decode(form, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return form;
        }
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        boolean sends = !body.isEmpty();
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        String m = method.isEmpty() ? (sends ? "POST" : "GET") : method.toUpperCase(Locale.ROOT);
        if (SplunkSearches.api(path)) {
            // the search is in the form's search= field, URL-encoded or not
            String query = body.stream().flatMap(part -> java.util.Arrays.stream(part.split("&")))
                    .filter(field -> field.startsWith("search=")).map(field -> decoded(field.substring("search=".length())))
                    .findFirst().orElse("");
            return Optional.of(List.of(SplunkSearches.search(query, host, inv.evidence())));
        }
        List<Route> table = GRAFANA_HOST.matcher(host).matches() || GRAFANA_PATH.matcher(path).matches() ? GRAFANA
                : DATADOG_HOST.matcher(host).matches() ? DATADOG
                : path.contains("/loki/api/") || path.contains("/api/v1/admin/tsdb/") || TSDB_HOST.matcher(host).matches()
                        || TSDB_PORTS.matcher(NetworkRecognizer.port(url)).matches() && path.contains("/api/v1/") ? TSDB : List.of();
        for (Route r : table) {
            if (r.matches(path, m)) {
                // a time-series store is a database: one on this machine is a sandbox, as a local Elasticsearch is
                Operation.Builder b = Operation.builder(table == TSDB ? DatabaseOps.SYSTEM : "http", r.verb()).resource(r.type(), path).locator("host", host)
                        .stateful(r.stateful()).reversible(!r.stateful() && r.verb() != Verb.CREDENTIAL).evidence(inv.evidence());
                if (r.stateful()) {
                    boolean every = EVERY_SERIES.matcher(url).find() || body.stream().anyMatch(x -> EVERY_SERIES.matcher(x).find());
                    b.scope(every ? Scope.ALL : Scope.MANY);
                }
                if (!r.note().isEmpty()) {
                    b.note(r.note() + (host.isEmpty() ? "" : " on " + host));
                }
                if (r.type().equals(DOWNTIME)) {
                    List<String> scopes = new java.util.ArrayList<>();
                    body.forEach(text -> SCOPE.matcher(text).results().forEach(s -> scopes.add(s.group(1))));
                    MonitorScopes.of(scopes).apply(b, false);
                }
                return Optional.of(List.of(b.build()));
            }
        }
        return Optional.empty();
    }
}
