package dev.interlock.analysis.api;

import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an API operation does by its name, as RPC and GraphQL APIs name them ({@code GetOrder}, {@code delete_sessions},
 * {@code updateUserRole}, {@code PurgeAllReservations}): the leading words say it. Reading words read (for RPCs; a
 * GraphQL mutation changes whatever it is called), removing words delete, role and permission changes grant, creating
 * words create, and anything else updates.
 */
public final class MethodNames {

    private static final Set<String> READS = Set.of("get", "list", "describe", "watch", "search", "fetch", "read", "query",
            "find", "lookup", "count", "check", "stream", "subscribe", "health", "ping", "info", "status", "export", "explain",
            "preview", "validate", "verify", "estimate", "introspect", "whoami", "view", "show", "inspect", "retrieve",
            "dump", "diff", "compare", "test", "echo", "version", "resolve", "select");
    private static final Set<String> DELETES = Set.of("delete", "remove", "purge", "drop", "destroy", "truncate", "clear",
            "wipe", "erase", "nuke", "evict", "untrack", "del", "rm", "obliterate");
    private static final Set<String> GRANTS = Set.of("assign", "grant", "revoke", "unassign", "impersonate", "promote", "demote");
    /** Nouns of access: changing them (setUserRole, AddTeamMember) changes who may do what. */
    private static final Set<String> ACCESS = Set.of("role", "roles", "permission", "permissions", "privilege", "privileges",
            "admin", "admins", "acl", "acls", "member", "members", "membership", "memberships", "collaborator", "collaborators",
            "owner", "owners", "scope", "scopes");
    private static final Set<String> ACCESS_CHANGES = Set.of("add", "set", "update", "change", "give", "remove", "make", "put",
            "upsert", "modify", "edit", "patch");
    private static final Set<String> CREATES = Set.of("create", "insert", "add", "new", "register", "upload");
    /** Leading words that qualify the action rather than name it: BatchGetOrders, bulkDeleteUsers. */
    private static final Set<String> QUALIFIERS = Set.of("batch", "bulk", "mass", "multi", "force", "async", "try", "pg", "mssql",
            "citus", "bigquery", "mysql");

    private MethodNames() {
    }

    /** {@code deleteAllProducts}, {@code delete_sessions}, {@code orders.v1.OrderService/GetOrder} → lower-case words of the name. */
    public static List<String> words(String name) {
        String method = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('.')) + 1);
        List<String> out = new ArrayList<>();
        for (String part : method.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2")
                .split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.add(part.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The verb of the operation {@code name}; {@code mayRead} is false where the protocol says it changes (a mutation). */
    public static Verb verb(String name, boolean mayRead) {
        List<String> words = words(name);
        int first = 0;
        while (first < words.size() - 1 && QUALIFIERS.contains(words.get(first))) {
            first++;
        }
        if (first >= words.size()) {
            return mayRead ? Verb.UNKNOWN : Verb.UPDATE;
        }
        String action = words.get(first);
        List<String> rest = words.subList(first + 1, words.size());
        if (GRANTS.contains(action) || ACCESS_CHANGES.contains(action) && rest.stream().anyMatch(ACCESS::contains)) {
            return Verb.GRANT;
        }
        if (DELETES.contains(action)) {
            return Verb.DELETE;
        }
        if (READS.contains(action)) {
            return mayRead ? Verb.READ : Verb.UPDATE;
        }
        return CREATES.contains(action) ? Verb.CREATE : Verb.UPDATE;
    }

    /** Whether any word of the name removes ({@code purge-test-tenants}, {@code nightly_cleanup_drop}). */
    public static boolean removes(String name) {
        return words(name).stream().anyMatch(DELETES::contains);
    }

    /** Whether the name says it acts on everything ({@code PurgeAllReservations}, {@code deleteAllProducts}). */
    public static boolean everything(String name) {
        List<String> words = words(name);
        return words.contains("all") || words.contains("everything");
    }

    /** The graver of two verbs, for a request that does several things. */
    public static Verb graver(Verb a, Verb b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Verb verb) {
        return switch (verb) {
            case READ -> 0;
            case CREATE -> 1;
            case UPDATE, EXECUTE -> 2;
            case UNKNOWN -> 3;
            case REPLACE -> 4;
            case DELETE -> 5;
            case GRANT, CREDENTIAL, TRANSFER -> 6;
            case ESCALATE -> 7;
        };
    }
}
