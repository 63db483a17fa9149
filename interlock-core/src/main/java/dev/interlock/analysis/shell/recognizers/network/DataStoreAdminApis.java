package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;

/**
 * Accounts made through a data store's own HTTP API, where the request looks like a plain write: CouchDB's
 * {@code PUT /_node/NODE/_config/admins/NAME} (and 1.x's {@code /_config/admins/NAME}) creates a server admin with the
 * password sent, one the caller now holds: an {@code escalate}. Its {@code /DB/_security} and {@code _users} documents
 * change who may read or write: a {@code grant}.
 */
final class DataStoreAdminApis {

    private DataStoreAdminApis() {
    }

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        String path = NetworkRecognizer.path(url);
        // fixed substrings first: most requests are none of these
        if (!path.contains("/_config/admins") && !path.contains("/_security") && !path.contains("/_users/")
                || method.isEmpty() || method.equals("GET") || method.equals("HEAD")) {
            return Optional.empty();
        }
        String host = Hosts.of(url);
        if (Regex.matches(path, "(/_node/[^/]+)?/_config/admins/[^/]+/?")) {
            return Optional.of(List.of(Operation.builder("couchdb", Verb.ESCALATE).resource("server-admin", path)
                    .locator("host", host).evidence(inv.evidence())
                    .note(method.equals("DELETE") ? "removes a CouchDB server admin"
                            : "makes a CouchDB server admin whose password the caller holds").build()));
        }
        if (Regex.matches(path, "/[^/_][^/]*/_security/?|/_users/org\\.couchdb\\.user:[^/]+/?")) {
            return Optional.of(List.of(Operation.builder("couchdb", Verb.GRANT).resource("security", path)
                    .locator("host", host).evidence(inv.evidence())
                    .note("changes who may read or write CouchDB's databases").build()));
        }
        return Optional.empty();
    }
}
