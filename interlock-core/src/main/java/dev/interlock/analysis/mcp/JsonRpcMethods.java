package dev.interlock.analysis.mcp;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tools of any server that pass a JSON-RPC call through ({@code midclt_call(method='pool.query')} on TrueNAS,
 * {@code api_call(method='host.get')} on Zabbix): the dotted method's last segment says what the call does, as a CLI's
 * subcommand would. Only a plain read ending or a plain loss ending is read; anything else leaves the tool to the
 * usual fallback (opaque).
 */
final class JsonRpcMethods {

    private static final Set<String> READS = Set.of("query", "get", "list", "info", "status", "config");
    // a pool or dataset export detaches it from the system: what it held is gone from service
    private static final Set<String> DELETES = Set.of("delete", "remove", "destroy", "export");
    /** Objects whose read returns secret material (TrueNAS' keychaincredential.query, Zabbix's token.get). */
    private static final Set<String> SECRET = Set.of("keychaincredential", "credential", "credentials", "secret", "secrets",
            "token", "tokens", "password", "apikey", "api_key", "key", "keys", "kmip", "certificate");

    private JsonRpcMethods() {
    }

    static Optional<List<Operation>> of(McpCall c) {
        String method = c.text("method");
        int dot = method.lastIndexOf('.');
        // cheap first: only a dotted name of plain words (pool.query, pool.dataset.delete)
        if (dot <= 0 || dot == method.length() - 1 || !method.chars().allMatch(ch -> ch == '.' || ch == '_'
                || Character.isLetterOrDigit(ch))) {
            return Optional.empty();
        }
        String last = method.substring(dot + 1).toLowerCase(Locale.ROOT);
        String object = method.substring(0, dot).toLowerCase(Locale.ROOT);
        if (READS.contains(last)) {
            if (List.of(object.split("\\.")).stream().anyMatch(SECRET::contains)) {
                return Optional.empty();
            }
            return Optional.of(List.of(c.op("mcp", Verb.READ, object, method).confidence(Confidence.INFERRED)
                    .note("the JSON-RPC method " + method + " reads").build()));
        }
        if (DELETES.contains(last)) {
            return Optional.of(List.of(c.op("mcp", Verb.DELETE, object, method).confidence(Confidence.INFERRED)
                    .stateful(true).reversible(false).scope(Scope.ONE)
                    .note("the JSON-RPC method " + method + " removes " + object).build()));
        }
        return Optional.empty();
    }
}
