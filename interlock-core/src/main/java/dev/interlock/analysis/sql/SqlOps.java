package dev.interlock.analysis.sql;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Builders for the handful of operation shapes SQL produces; evidence and confidence are set by the analyzer. */
final class SqlOps {
    static final String SYSTEM = "database";

    /** Catalog tables that hold accounts and privileges: writing them is a privilege change, whatever the verb says. */
    private static final Set<String> PRIVILEGE_TABLES = Set.of("mysql.user", "mysql.db", "mysql.global_priv",
            "mysql.tables_priv", "mysql.columns_priv", "mysql.procs_priv", "mysql.proxies_priv", "mysql.role_edges",
            "pg_authid", "pg_catalog.pg_authid", "pg_auth_members", "pg_catalog.pg_auth_members", "pg_shadow",
            "sqlite_master", "sqlite_schema");

    private SqlOps() {}

    /** An extra escalate operation when a row change targets an account or privilege catalog. */
    static Optional<Operation.Builder> privilegeCatalogWrite(Operation op) {
        boolean write = op.verb() == Verb.CREATE || op.verb() == Verb.UPDATE || op.verb() == Verb.DELETE;
        String table = op.resource().name().toLowerCase(Locale.ROOT).replace("`", "");
        if (!write || !"table".equals(op.resource().type()) || !PRIVILEGE_TABLES.contains(table)) {
            return Optional.empty();
        }
        return Optional.of(admin(Verb.ESCALATE, "role", table, Scope.ALL)
                .note("writes the " + table + " catalog directly"));
    }

    static Operation.Builder op(Verb verb, String type, String name) {
        Operation.Builder b = Operation.builder(SYSTEM, verb).resource(type, name);
        return "database".equals(type) ? b.locator("database", name) : b;
    }

    static Operation.Builder read(String type, String name) {
        return op(Verb.READ, type, name);
    }

    /** A change to rows: stateful and irreversible, because the old values are gone once committed. */
    static Operation.Builder rows(Verb verb, String table, Scope scope) {
        return op(verb, "table", table).scope(scope).stateful(true).reversible(false);
    }

    /** A session or maintenance action that changes state but loses no data. */
    static Operation.Builder admin(Verb verb, String type, String name, Scope scope) {
        return op(verb, type, name).scope(scope).stateful(false).reversible(false);
    }
}
