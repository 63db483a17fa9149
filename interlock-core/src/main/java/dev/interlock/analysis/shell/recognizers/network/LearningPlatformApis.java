package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.saas.MethodNamedApis;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Learning platforms' REST APIs called by hand. Moodle's web services ({@code /webservice/rest/server.php}, also the
 * REST-plugin and legacy protocol endpoints) take the function as a parameter, {@code wsfunction=…}, in the query
 * string or the posted form, whatever the HTTP method: the function's name decides ({@link MethodNamedApis#moodleFunction}).
 * Moodle's {@code /login/token.php} trades a login for a web service token (a credential). Canvas's
 * {@code as_user_id=} makes any call as another user (masquerading: an identity change), and its account admins and
 * account roles are who may administer the account (a grant); other Canvas calls keep the HTTP reading.
 */
final class LearningPlatformApis {

    private static final Pattern MOODLE_PATH = Pattern.compile("(?:/[^?]*)?/webservice/(?:rest|restful|xmlrpc|soap|json)/(?:simple)?server\\.php");
    private static final Pattern WSFUNCTION = Pattern.compile("(?:^|[?&\\s{,])wsfunction=([A-Za-z0-9_]+)");
    private static final Pattern MOODLE_TOKEN = Pattern.compile("(?:/[^?]*)?/login/token\\.php");
    private static final Pattern CANVAS_PATH = Pattern.compile("/api/v1/.*");
    private static final Pattern MASQUERADE = Pattern.compile("(?:^|[?&\\s{,\"])as_user_id\"?[=:]\\s*\"?([^&\\s\"]+)");
    private static final Pattern CANVAS_ADMINS = Pattern.compile("/api/v1/accounts/[^/]+/(admins|roles)(/.*)?");

    private LearningPlatformApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String path = NetworkRecognizer.path(url);
        String host = Hosts.of(url);
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        String sent = query + "&" + String.join("&", body);
        if (MOODLE_PATH.matcher(path).matches()) {
            Matcher function = WSFUNCTION.matcher(sent);
            if (!function.find()) {
                return Optional.empty();
            }
            String name = function.group(1);
            Verb verb = MethodNamedApis.moodleFunction(name);
            return Optional.of(List.of(operation(inv, host, verb, "web-service-function", name,
                    "Moodle web service " + name + " on " + host + switch (verb) {
                        case READ -> ": only reads";
                        case DELETE -> ": deletes what it names";
                        case GRANT -> ": changes who holds which role";
                        case CREDENTIAL -> ": hands out a login key or token";
                        default -> ": changes the site";
                    })));
        }
        if (MOODLE_TOKEN.matcher(path).matches() && sent.contains("password")) {
            return Optional.of(List.of(operation(inv, host, Verb.CREDENTIAL, "web-service-token", path,
                    "trades a Moodle login for a web service token, printed in the answer")));
        }
        if (!CANVAS_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        Matcher masquerade = MASQUERADE.matcher(sent);
        if (masquerade.find()) {
            return Optional.of(List.of(operation(inv, host, Verb.ESCALATE, "user", masquerade.group(1),
                    "acts as user " + masquerade.group(1) + " on " + host + " (Canvas masquerading): an identity change")));
        }
        boolean changes = !method.isEmpty() && !Regex.matches(method, "GET|HEAD|OPTIONS") || method.isEmpty() && !body.isEmpty();
        if (CANVAS_ADMINS.matcher(path).matches() && changes) {
            return Optional.of(List.of(operation(inv, host, Verb.GRANT, "account-admin", path,
                    "changes who administers the Canvas account, or what an account role may do")));
        }
        return Optional.empty();
    }

    private static Operation operation(Invocation inv, String host, Verb verb, String type, String name, String note) {
        boolean deletes = verb == Verb.DELETE;
        return Operation.builder("http", verb).resource(type, name).locator("host", host).stateful(deletes)
                .reversible(!deletes).evidence(inv.evidence()).note(note).build();
    }
}
