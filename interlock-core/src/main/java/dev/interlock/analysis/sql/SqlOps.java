package dev.interlock.analysis.sql;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;

/** Builders for the handful of operation shapes SQL produces; evidence and confidence are set by the analyzer. */
final class SqlOps {
    static final String SYSTEM = "database";

    private SqlOps() {}

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
