package dev.interlock.analysis.sql;

import dev.interlock.analysis.Regex;
import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.read;
import static dev.interlock.analysis.sql.SqlOps.rows;

import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Rules for queries, row changes and session statements. */
final class SqlDmlRules {
    private SqlDmlRules() {}

    /** SQLite pragmas that take an argument in parentheses and only report. */
    private static final Set<String> READ_PRAGMAS = Set.of("table_info", "table_xinfo", "index_list", "index_info",
            "index_xinfo", "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "table_list");

    private static final Set<String> DATA_MODIFYING = Set.of("INSERT", "UPDATE", "DELETE", "MERGE");

    static List<Operation.Builder> select(SqlWords w) {
        // MySQL "INTO OUTFILE/DUMPFILE" writes a file on the database server: data leaves the database.
        int into = w.topLevel("INTO", 0);
        if (into >= 0 && (w.kw(into + 1).equals("OUTFILE") || w.kw(into + 1).equals("DUMPFILE"))) {
            return List.of(op(Verb.TRANSFER, "file", w.name(into + 2).text()).reversible(false)
                    .note("writes query results to a file on the database server"));
        }
        if (into >= 0 && w.name(into + 1).text().length() > 0 && !w.name(into + 1).text().startsWith("@")) {
            int at = w.skip(into + 1, "TEMPORARY", "TEMP", "UNLOGGED", "TABLE");
            if (!w.isSymbol(at, "@") && !w.isSymbol(at, ":")) {
                return List.of(op(Verb.CREATE, "table", w.name(at).text()).note("SELECT … INTO creates a table"));
            }
        }
        return List.of(read("table", firstTable(w)));
    }

    /** WITH: every data-modifying CTE is its own operation, then the main statement. */
    static List<Operation.Builder> with(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        int i = w.skip(1, "RECURSIVE");
        while (i < w.size()) {
            int as = w.topLevel("AS", i);
            if (as < 0) {
                break;
            }
            int open = w.skip(as + 1, "NOT", "MATERIALIZED");
            if (!w.isSymbol(open, "(")) {
                break;
            }
            int close = w.closing(open);
            if (DATA_MODIFYING.contains(w.kw(open + 1))) {
                ops.addAll(SqlRules.nested(w.sub(open + 1, close)));
            }
            i = close + 1;
            if (!w.isSymbol(i, ",")) {
                break;
            }
            i++;
        }
        SqlWords main = w.sub(i, w.size());
        List<Operation.Builder> mainOps = main.size() == 0 ? List.of() : SqlRules.nested(main);
        // A read-only main query after data-modifying CTEs adds nothing a policy needs.
        if (ops.isEmpty() || mainOps.stream().anyMatch(b -> b.build().verb() != Verb.READ)) {
            ops.addAll(mainOps);
        }
        return ops.isEmpty() ? List.of(read("table", "")) : ops;
    }

    static List<Operation.Builder> insert(SqlWords w) {
        int target = w.skip(1, "INTO", "OR", "REPLACE", "IGNORE", "ABORT", "FAIL", "ROLLBACK", "LOW_PRIORITY",
                "DELAYED", "HIGH_PRIORITY", "OVERWRITE", "TABLE");
        String table = w.name(target).text();
        boolean overwrites = w.kw(0).equals("REPLACE") || w.kw(2).equals("REPLACE") || w.kw(1).equals("OVERWRITE")
                || w.has("DUPLICATE") || (w.has("CONFLICT") && w.topLevel("UPDATE", 0) >= 0);
        if (overwrites) {
            return List.of(rows(Verb.UPDATE, table, Scope.MANY).note("insert that overwrites existing rows"));
        }
        return List.of(op(Verb.CREATE, "table", table));
    }

    static List<Operation.Builder> update(SqlWords w) {
        String table = w.name(w.skip(1, "ONLY", "LOW_PRIORITY", "IGNORE", "OR", "REPLACE", "ROLLBACK", "ABORT", "FAIL")).text();
        return List.of(rows(Verb.UPDATE, table, whereScope(w)).note(whereNote(w)));
    }

    static List<Operation.Builder> delete(SqlWords w) {
        int from = w.topLevel("FROM", 0);
        String table = w.name(from >= 0 ? w.skip(from + 1, "ONLY") : 1).text();
        return List.of(rows(Verb.DELETE, table, whereScope(w)).note(whereNote(w)));
    }

    static List<Operation.Builder> merge(SqlWords w) {
        String table = w.name(w.skip(1, "INTO")).text();
        Verb verb = w.topLevel("DELETE", 0) >= 0 ? Verb.DELETE : Verb.UPDATE;
        return List.of(rows(verb, table, Scope.MANY));
    }

    /** EXPLAIN ANALYZE runs the statement it explains; plain EXPLAIN only plans it. */
    static List<Operation.Builder> explain(SqlWords w) {
        int body = 1;
        while (body < w.size() && !SqlRules.startsStatement(w.kw(body))) {
            body++;
        }
        boolean analyze = w.sub(0, body).has("ANALYZE", "ANALYSE");
        if (!analyze || body >= w.size()) {
            return List.of(read("plan", ""));
        }
        return SqlRules.nested(w.sub(body, w.size()));
    }

    static List<Operation.Builder> set(SqlWords w) {
        var cluster = SqlAdminRules.clusterSetting(w);
        if (cluster.isPresent()) {
            return List.of(cluster.get());
        }
        int i = w.skip(1, "SESSION", "LOCAL");
        String what = w.kw(i);
        if (what.equals("ROLE") || what.equals("AUTHORIZATION") || w.kw(1).equals("SESSION") && what.equals("AUTHORIZATION")) {
            return List.of(admin(Verb.ESCALATE, "role", w.name(i + 1).text(), Scope.ONE)
                    .note("changes the session's identity"));
        }
        if (what.equals("PASSWORD") || w.kw(1).equals("DEFAULT") && w.kw(2).equals("ROLE")) {
            return List.of(admin(Verb.GRANT, "role", "", Scope.ONE).note("changes a user's credentials or roles"));
        }
        if (w.kw(1).equals("GLOBAL") || w.kw(1).equals("PERSIST") || w.kw(1).equals("PERSIST_ONLY")
                || w.isSymbol(1, "@") && w.isSymbol(2, "@") && w.kw(3).equals("GLOBAL")) {
            return List.of(admin(Verb.UPDATE, "server", "", Scope.ALL).note("changes server-wide settings"));
        }
        return List.of(read("session", "").note("session setting"));
    }

    /** PREPARE name AS statement: the prepared statement is what will run. */
    static List<Operation.Builder> prepare(SqlWords w) {
        int as = w.topLevel("AS", 0);
        if (as >= 0) {
            return SqlRules.nested(w.sub(as + 1, w.size()));
        }
        if (w.kw(1).equals("TRANSACTION")) {
            return List.of(read("session", ""));
        }
        return List.of(op(Verb.EXECUTE, "statement", w.name(1).text()).confidence(Confidence.OPAQUE)
                .note("dynamic SQL: statement text is only known at run time"));
    }

    /** SQLite PRAGMA: reading one is harmless, setting one (writable_schema=ON) changes the database. */
    static List<Operation.Builder> pragma(SqlWords w) {
        String pragma = w.name(1).text().toLowerCase(java.util.Locale.ROOT);
        pragma = pragma.substring(pragma.lastIndexOf('.') + 1);
        boolean sets = w.isSymbol(w.name(1).next(), "=")
                || w.isSymbol(w.name(1).next(), "(") && !READ_PRAGMAS.contains(pragma);
        return sets ? List.of(admin(Verb.UPDATE, "database", "", Scope.ALL).note("changes a database setting"))
                : List.of(read("database", ""));
    }

    private static Scope whereScope(SqlWords w) {
        int where = w.topLevel("WHERE", 0);
        return where < 0 || alwaysTrue(w, where + 1) ? Scope.ALL : Scope.MANY;
    }

    private static String whereNote(SqlWords w) {
        int where = w.topLevel("WHERE", 0);
        if (where < 0) {
            return "no WHERE clause: every row";
        }
        return alwaysTrue(w, where + 1) ? "WHERE clause is always true: every row" : "";
    }

    /**
     * Whether a WHERE clause is trivially true ({@code 1=1}, {@code true}, {@code … OR 'a'='a'}): agents write
     * these, and they mean every row. Only literal tautologies are recognized; anything else counts as a filter.
     */
    private static boolean alwaysTrue(SqlWords w, int from) {
        int end = w.size();
        for (String stop : List.of("RETURNING", "ORDER", "LIMIT")) {
            int i = w.topLevel(stop, from);
            end = i >= 0 ? Math.min(end, i) : end;
        }
        int start = from;
        for (int i = from; i <= end; i++) {
            if (i == end || w.kw(i).equals("OR") && w.depth(i) == 0) {
                if (trivial(w.sub(start, i))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private static boolean trivial(SqlWords d) {
        if (d.size() == 1) {
            SqlToken t = d.tokens().getFirst();
            return t.keyword().equals("TRUE") || t.kind() == SqlToken.Kind.NUMBER && !Regex.matches(t.text(), "0+(\\.0*)?");
        }
        if (d.size() == 3 && d.isSymbol(1, "=")) {
            SqlToken a = d.tokens().get(0);
            SqlToken b = d.tokens().get(2);
            boolean literal = a.kind() == SqlToken.Kind.NUMBER || a.kind() == SqlToken.Kind.STRING;
            return literal && a.kind() == b.kind() && a.text().equals(b.text());
        }
        return false;
    }

    private static String firstTable(SqlWords w) {
        int from = w.topLevel("FROM", 0);
        return from < 0 ? "" : w.name(from + 1).text();
    }
}
