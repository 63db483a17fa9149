package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Odoo's external API called by hand: JSON-RPC ({@code POST /jsonrpc} with {@code execute_kw}, {@code /web/dataset/call_kw})
 * and XML-RPC ({@code /xmlrpc/2/object}). Every call is a POST; the model method in the body decides: {@code search_read},
 * {@code read}, {@code fields_get} and the like read, {@code unlink} deletes records, {@code write}, {@code create},
 * {@code action_*}, {@code button_*} and any other method change them. The {@code db} service's {@code drop} deletes a
 * whole database. The host places the call; the database named in the arguments does too.
 */
final class ErpRpcApis {

    private static final Set<String> PATHS = Set.of("/jsonrpc", "/xmlrpc/2/object", "/xmlrpc/object", "/xmlrpc/2/db",
            "/xmlrpc/db", "/xmlrpc/2/common", "/xmlrpc/common");
    private static final String CALL_KW = "/web/dataset/call_kw";

    /** Model methods that only read. */
    private static final Set<String> READS = Set.of("search", "search_read", "read", "search_count", "fields_get",
            "name_search", "read_group", "default_get", "check_access_rights", "name_get", "web_search_read", "web_read",
            "web_read_group", "onchange", "get_views", "load_views", "search_fetch", "fetch", "has_group");
    /** The db and common services' methods: listings and logins read; drop deletes a database; the rest change the server. */
    private static final Map<String, Verb> SERVICE_METHODS = Map.ofEntries(Map.entry("list", Verb.READ),
            Map.entry("db_exist", Verb.READ), Map.entry("server_version", Verb.READ), Map.entry("list_lang", Verb.READ),
            Map.entry("list_countries", Verb.READ), Map.entry("version", Verb.READ), Map.entry("login", Verb.READ),
            Map.entry("authenticate", Verb.READ), Map.entry("about", Verb.READ), Map.entry("dump", Verb.READ),
            Map.entry("drop", Verb.DELETE));

    private static final Pattern SERVICE = Pattern.compile("\"service\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern METHOD = Pattern.compile("\"method\"\\s*:\\s*\"(\\w+)\"");
    /** execute_kw's arguments: database, uid, password, model, method. */
    private static final Pattern EXECUTE_KW = Pattern.compile(
            "\"args\"\\s*:\\s*\\[\\s*\"([^\"]*)\"\\s*,\\s*[^,]+,\\s*[^,]+,\\s*\"([\\w.]+)\"\\s*,\\s*\"(\\w+)\"");
    private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([\\w.]+)\"");
    private static final Pattern XML_METHOD = Pattern.compile("<methodName>\\s*(\\w+)\\s*</methodName>");
    private static final Pattern XML_STRING = Pattern.compile("<string>([^<]*)</string>");

    private ErpRpcApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method, List<String> body) {
        String path = NetworkRecognizer.path(url);
        boolean callKw = path.startsWith(CALL_KW);
        if (body.isEmpty() || !PATHS.contains(path) && !callKw || !method.isEmpty() && !method.equals("POST")) {
            return Optional.empty();
        }
        String text = String.join("\n", body);
        Optional<Call> call = path.startsWith("/xmlrpc") ? xml(path, text) : json(text, callKw);
        return call.map(c -> List.of(operation(inv, Hosts.of(url), c)));
    }

    /** A model method called on a database ({@code db} empty when the body does not say), or a service's own method. */
    private record Call(String service, String database, String model, String method) {
    }

    private static Optional<Call> json(String text, boolean callKw) {
        if (callKw) {
            Matcher model = MODEL.matcher(text);
            return model.find() ? methods(text).stream().filter(m -> !m.equals("call")).findFirst()
                    .map(m -> new Call("object", "", model.group(1), m)) : Optional.empty();
        }
        Matcher service = SERVICE.matcher(text);
        if (!service.find()) {
            return Optional.empty(); // another product's JSON-RPC endpoint
        }
        Matcher kw = EXECUTE_KW.matcher(text);
        if (service.group(1).equals("object")) {
            return kw.find() ? Optional.of(new Call("object", kw.group(1), kw.group(2), kw.group(3))) : Optional.empty();
        }
        return methods(text).stream().filter(m -> !m.equals("call")).findFirst().map(m -> new Call(service.group(1), "", "", m));
    }

    private static List<String> methods(String text) {
        List<String> all = new ArrayList<>();
        Matcher m = METHOD.matcher(text);
        while (m.find()) {
            all.add(m.group(1));
        }
        return all;
    }

    private static Optional<Call> xml(String path, String text) {
        Matcher name = XML_METHOD.matcher(text);
        if (!name.find()) {
            return Optional.empty();
        }
        if (!path.contains("object")) {
            return Optional.of(new Call(path.substring(path.lastIndexOf('/') + 1), "", "", name.group(1)));
        }
        List<String> strings = new ArrayList<>();
        Matcher s = XML_STRING.matcher(text);
        while (s.find()) {
            strings.add(s.group(1));
        }
        // execute_kw(db, uid, password, model, method): uid is an <int>, so the strings are db, password, model, method
        return strings.size() >= 4 ? Optional.of(new Call("object", strings.get(0), strings.get(2), strings.get(3))) : Optional.empty();
    }

    private static Operation operation(Invocation inv, String host, Call c) {
        boolean object = c.service().equals("object");
        Verb verb = object ? (READS.contains(c.method()) ? Verb.READ : c.method().equals("unlink") ? Verb.DELETE : Verb.UPDATE)
                : SERVICE_METHODS.getOrDefault(c.method(), Verb.UPDATE);
        boolean deletes = verb == Verb.DELETE;
        Operation.Builder b = Operation.builder("http", verb)
                .resource(object ? "records" : "database", object ? c.model() : c.method()).locator("host", host)
                .stateful(deletes).reversible(!deletes).evidence(inv.evidence())
                .note("Odoo " + (object ? c.model() + "." + c.method() : c.service() + "." + c.method()) + " on " + host
                        + (verb == Verb.READ ? ": only reads" : deletes ? ": deletes" : ": changes what the database holds"));
        if (!c.database().isEmpty() && !c.database().contains("$")) {
            b.locator("database", c.database());
        }
        return b.build();
    }
}
