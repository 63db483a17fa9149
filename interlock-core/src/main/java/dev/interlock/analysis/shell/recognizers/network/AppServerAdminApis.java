package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admin endpoints of running applications, where the HTTP method misleads. Spring Boot's actuator answers
 * {@code GET /actuator/env} and {@code /configprops} with configuration values (datasource passwords included) and
 * {@code /heapdump} with the JVM's memory, while {@code POST /shutdown}, {@code /refresh} and {@code /loggers/…} change
 * the application; health, metrics, info and thread dumps only look. Tomcat's manager changes applications with plain
 * GETs ({@code /manager/text/undeploy?path=/billing}, {@code stop}, {@code reload}, {@code expire}). Jolokia reads
 * MBean attributes and invokes their operations ({@code exec}, {@code write}) over HTTP.
 */
final class AppServerAdminApis {

    private enum Effect { READ, SECRETS, DUMP, CHANGE, REMOVE }

    /** One row: an endpoint (after the admin prefix) and the methods it applies to → what the request does. */
    private record Route(Pattern endpoint, Pattern methods, Effect effect, String note) {

        boolean matches(String e, String method) {
            return endpoint.matcher(e).matches() && methods.matcher(method).matches();
        }
    }

    private static Route route(String endpoint, String methods, Effect effect, String note) {
        return new Route(Pattern.compile("(?:" + endpoint + ")/?"), Pattern.compile(methods), effect, note);
    }

    private static final String ANY = ".*";
    private static final String CHANGES = "POST|PUT|PATCH|DELETE";

    /** Spring Boot actuator endpoints (and Spring Cloud's); first match wins, an unlisted endpoint reads on GET. */
    private static final List<Route> ACTUATOR = List.of(
            route("env(/.*)?", CHANGES, Effect.CHANGE, "changes the application's environment properties"),
            route("env(/.*)?|configprops(/.*)?", ANY, Effect.SECRETS,
                    "prints the application's configuration values (datasource passwords, API keys)"),
            route("heapdump", ANY, Effect.DUMP, "downloads the JVM's heap: everything the application held is copied"),
            route("sessions(/.*)?", "DELETE", Effect.CHANGE, "ends a user's sessions"),
            route("sessions(/.*)?", ANY, Effect.SECRETS, "lists users' session ids (they log in as those users)"),
            route("shutdown", CHANGES, Effect.CHANGE, "shuts the application down"),
            route("restart|pause|resume|refresh|bus-?refresh(/.*)?|bus-?env(/.*)?|busshutdown", CHANGES, Effect.CHANGE,
                    "restarts the application or re-binds its configuration"),
            route(".+", CHANGES, Effect.CHANGE, "changes the running application (log levels, caches, jobs, routes)"),
            route(".*", ANY, Effect.READ, ""));

    /** Tomcat's manager and host-manager commands, all sent as GETs by the text interface. */
    private static final List<Route> TOMCAT = List.of(
            route("undeploy|remove", ANY, Effect.REMOVE, "removes a web application (its deployed files go with it)"),
            route("deploy|start|stop|reload|expire|add|persist|save|sslReload", ANY, Effect.CHANGE,
                    "deploys, stops, reloads or expires the sessions of a web application"),
            route("findleaks", ANY, Effect.CHANGE, "forces a full garbage collection"),
            route(".*", ANY, Effect.READ, ""));

    /** {@code …/manager/text/CMD}, {@code …/manager/html/CMD}, {@code …/host-manager/text/CMD}, the status and JMX proxy pages. */
    private static final Pattern TOMCAT_PATH = Pattern.compile(".*/(?:host-)?manager/(?:text|html|jmxproxy|status)/?([^/]*)/?");
    private static final Pattern ACTUATOR_PATH = Pattern.compile(".*/actuator/?(.*)");
    /** Jolokia's operation: the path segment after {@code /jolokia}, or a POSTed request's {@code "type"}. */
    private static final Pattern JOLOKIA_PATH = Pattern.compile(".*/jolokia/?([^/]*).*");

    private AppServerAdminApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String host = Hosts.of(url);
        String path = NetworkRecognizer.path(url);
        String m = method.isEmpty() ? (body.isEmpty() ? "GET" : "POST") : method.toUpperCase(Locale.ROOT);
        Matcher jolokia = JOLOKIA_PATH.matcher(path);
        if (jolokia.matches()) {
            return Optional.of(List.of(jolokia(inv, host, path, jolokia.group(1), body)));
        }
        Matcher actuator = ACTUATOR_PATH.matcher(path);
        if (actuator.matches()) {
            return Optional.of(List.of(routed(inv, ACTUATOR, actuator.group(1), m, host, path, "actuator")));
        }
        Matcher tomcat = TOMCAT_PATH.matcher(path);
        if (tomcat.matches()) {
            String command = tomcat.group(1);
            String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
            if (path.contains("/jmxproxy") && Regex.find(query, "(^|&)(set|invoke)=")) {
                return Optional.of(List.of(build(inv, Effect.CHANGE, host, path, "webapp", "sets an MBean attribute or invokes an operation")));
            }
            return Optional.of(List.of(routed(inv, TOMCAT, command, m, host, path + (query.isEmpty() ? "" : "?" + query), "webapp")));
        }
        return Optional.empty();
    }

    private static Operation routed(Invocation inv, List<Route> table, String endpoint, String method, String host, String path, String type) {
        for (Route r : table) {
            if (r.matches(endpoint, method)) {
                return build(inv, r.effect(), host, path, type, r.note());
            }
        }
        return build(inv, Effect.READ, host, path, type, "");
    }

    /** Jolokia: {@code read}, {@code list}, {@code search}, {@code version} look; {@code exec} and {@code write} act (a heap dump copies). */
    private static Operation jolokia(Invocation inv, String host, String path, String segment, List<String> body) {
        String type = !segment.isEmpty() ? segment
                : body.stream().map(b -> Regex.replaceFirst(Regex.replaceFirst(b, "(?s).*\"type\"\\s*:\\s*\"", ""), "(?s)\".*", ""))
                        .findFirst().orElse("version");
        String text = path + " " + String.join(" ", body);
        Effect effect = Regex.find(text, "(?i)dumpHeap") ? Effect.DUMP
                : Regex.matches(type.toLowerCase(Locale.ROOT), "exec|write") ? Effect.CHANGE : Effect.READ;
        return build(inv, effect, host, path, "mbean", effect == Effect.READ ? "" : "invokes an MBean operation or sets an attribute over Jolokia");
    }

    private static Operation build(Invocation inv, Effect effect, String host, String path, String type, String note) {
        Verb verb = switch (effect) {
            case READ, DUMP -> Verb.READ;
            case SECRETS -> Verb.CREDENTIAL;
            case CHANGE -> Verb.UPDATE;
            case REMOVE -> Verb.DELETE;
        };
        Operation.Builder b = Operation.builder("http", verb).resource(type, path).locator("host", host)
                .reversible(effect != Effect.SECRETS).evidence(inv.evidence()); // an undeployed application is deployed again from its build
        if (effect == Effect.DUMP) {
            b.locator(DatabaseOps.COPIES_DATA, "process-memory");
        }
        if (!note.isEmpty()) {
            b.note(note + (host.isEmpty() ? "" : " on " + host));
        }
        return b.build();
    }
}
