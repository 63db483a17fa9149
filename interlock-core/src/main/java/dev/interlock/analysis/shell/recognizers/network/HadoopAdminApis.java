package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hadoop platforms' management APIs, where a plain POST or PUT changes who may do what. Cloudera Manager's
 * {@code /api/vNN/users}, {@code authRoles} and {@code externalUserMappings} and Ambari's {@code /api/v1/users},
 * {@code groups} and {@code privileges} make accounts and hand out roles (a {@code grant}); deleting a cluster, a
 * service or a host through them tears it down, and commands change what the cluster runs. Apache Ranger's policies
 * decide who may read which table and path: creating or changing one is a {@code grant}, and disabling one
 * ({@code "isEnabled": false}) or deleting it switches an authorization control off. Reads stay reads; each lands where
 * its host does.
 */
final class HadoopAdminApis {

    /** One row: a path (after the API's version prefix) and the methods it applies to → what the request does. */
    private record Route(Pattern path, Pattern methods, Verb verb, String type, Scope scope, String note) {

        boolean matches(String p, String method) {
            return path.matcher(p).matches() && methods.matcher(method).matches();
        }
    }

    private static Route route(String path, String methods, Verb verb, String type, Scope scope, String note) {
        return new Route(Pattern.compile("(?:" + path + ")/?"), Pattern.compile(methods), verb, type, scope, note);
    }

    private static final String CHANGES = "POST|PUT|PATCH|DELETE";
    private static final String WRITES = "POST|PUT|PATCH";

    /** Cloudera Manager, after {@code /api/vNN}. */
    private static final List<Route> CLOUDERA_MANAGER = List.of(
            route("/users(/[^/]+)?|/authRoles(/.*)?|/externalUserMappings(/.*)?", CHANGES, Verb.GRANT, "user", Scope.ONE,
                    "changes Cloudera Manager's users or the roles they hold"),
            route("/clusters/[^/]+", "DELETE", Verb.DELETE, "cluster", Scope.ALL, "deletes the cluster from Cloudera Manager"),
            route("/clusters/[^/]+/services/[^/]+(/roles/[^/]+)?", "DELETE", Verb.DELETE, "service", Scope.ONE,
                    "deletes a service (or role) and its configuration"),
            route("/hosts/[^/]+", "DELETE", Verb.DELETE, "host", Scope.ONE, "removes a host from the deployment"),
            route("/cm/deployment", WRITES, Verb.UPDATE, "deployment", Scope.ALL, "replaces the whole deployment's configuration"),
            route("/.+", CHANGES, Verb.UPDATE, "cluster", Scope.ONE,
                    "changes the cluster (configuration, or a command such as stop, restart or decommission)"),
            route("/.*", ".*", Verb.READ, "cluster", Scope.ONE, ""));

    /** Ambari, after {@code /api/v1}. */
    private static final List<Route> AMBARI = List.of(
            route("/users(/[^/]+)?(/.*)?|/groups(/.*)?|/privileges(/.*)?|/permissions(/.*)?|/clusters/[^/]+/privileges(/.*)?"
                    + "|/views/.*/privileges(/.*)?", CHANGES, Verb.GRANT, "user", Scope.ONE,
                    "changes Ambari's users, groups or the privileges they hold"),
            route("/clusters/[^/]+", "DELETE", Verb.DELETE, "cluster", Scope.ALL, "deletes the cluster from Ambari"),
            route("/clusters/[^/]+/(services|hosts)/[^/]+(/.*)?", "DELETE", Verb.DELETE, "service", Scope.ONE,
                    "deletes a service, host or component from the cluster"),
            route("/.+", CHANGES, Verb.UPDATE, "cluster", Scope.ONE,
                    "changes the cluster (service state, configuration, or a request it runs)"),
            route("/.*", ".*", Verb.READ, "cluster", Scope.ONE, ""));

    /** Apache Ranger's admin REST API (public v1 and v2, and the plugins' paths the UI uses). */
    private static final List<Route> RANGER = List.of(
            route("/service/(public/(v2/)?api|plugins)/polic(y|ies)(/.*)?", "DELETE", Verb.DELETE, "policy", Scope.ONE,
                    "deletes an authorization policy: what it enforced no longer applies"),
            route("/service/(public/(v2/)?api|plugins)/polic(y|ies)(/.*)?", WRITES, Verb.GRANT, "policy", Scope.ONE,
                    "changes who may access what the authorization policy covers"),
            route("/service/(public/(v2/)?api|plugins)/services?(/.*)?", "DELETE", Verb.DELETE, "service", Scope.MANY,
                    "deletes a Ranger service and every policy in it"),
            route("/service/(public/(v2/)?api|plugins)/services?(/.*)?", WRITES, Verb.UPDATE, "service", Scope.ONE,
                    "changes a Ranger service definition"),
            route("/service/xusers(/.*)?|/service/public/v2/api/roles(/.*)?|/service/roles(/.*)?", CHANGES, Verb.GRANT,
                    "user", Scope.ONE, "changes Ranger's users, groups or roles"),
            route("/service/.*", ".*", Verb.READ, "policy", Scope.ONE, ""));

    private static final Pattern CM_PATH = Pattern.compile("/api/v\\d+(/.*)");
    private static final Pattern CM_HOST = Pattern.compile("(?i).*(cloudera|(^|[.-])s?cm\\d*([.-]|$)).*");
    private static final Pattern AMBARI_PATH = Pattern.compile("/api/v1(/.*)");
    private static final Pattern RANGER_PATH = Pattern.compile("/service/(public|plugins|xusers|roles)(/.*)?");
    /** A policy or service switched off in the body sent. */
    private static final Pattern DISABLED = Pattern.compile("\"(isEnabled|isAuditEnabled)\"\\s*:\\s*false");

    private HadoopAdminApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        String port = NetworkRecognizer.port(url);
        String m = method.isEmpty() ? (body.isEmpty() ? "GET" : "POST") : method.toUpperCase(Locale.ROOT);
        if (RANGER_PATH.matcher(path).matches() && (host.toLowerCase(Locale.ROOT).contains("ranger")
                || port.equals("6080") || port.equals("6182") || path.startsWith("/service/public/"))) {
            return Optional.of(List.of(ranger(inv, host, path, m, body)));
        }
        var cm = CM_PATH.matcher(path);
        if (cm.matches() && (CM_HOST.matcher(host).matches() || port.equals("7180") || port.equals("7183"))) {
            return Optional.of(List.of(routed(inv, CLOUDERA_MANAGER, cm.group(1), m, host, path, "cloudera-manager")));
        }
        var ambari = AMBARI_PATH.matcher(path);
        if (ambari.matches() && host.toLowerCase(Locale.ROOT).contains("ambari")) {
            return Optional.of(List.of(routed(inv, AMBARI, ambari.group(1), m, host, path, "ambari")));
        }
        return Optional.empty();
    }

    private static Operation ranger(Invocation inv, String host, String path, String method, List<String> body) {
        Operation op = routed(inv, RANGER, path, method, host, path, "ranger");
        boolean disabled = body.stream().anyMatch(b -> DISABLED.matcher(b).find());
        boolean deleted = op.verb() == Verb.DELETE;
        if (!disabled && !deleted) {
            return op;
        }
        return op.toBuilder().locator(SecurityControls.LOCATOR, "ranger " + op.resource().type() + " " + path)
                .note(disabled ? "switches off a Ranger " + op.resource().type() + " on " + host : op.note()).build();
    }

    private static Operation routed(Invocation inv, List<Route> table, String endpoint, String method, String host, String path,
                                    String product) {
        for (Route r : table) {
            if (r.matches(endpoint, method)) {
                boolean deletes = r.verb() == Verb.DELETE;
                Operation.Builder b = Operation.builder("http", r.verb()).resource(r.type(), path).locator("host", host)
                        .scope(r.scope()).stateful(deletes).reversible(!deletes).evidence(inv.evidence());
                if (!r.note().isEmpty()) {
                    b.note(r.note() + " (" + product + (host.isEmpty() ? "" : " on " + host) + ")");
                }
                return b.build();
            }
        }
        return Operation.builder("http", Verb.READ).resource("endpoint", path).locator("host", host).evidence(inv.evidence()).build();
    }
}
