package dev.interlock.analysis.sql;

import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQL text to operations on the database: one or more per statement, in input order. Statements are split by our
 * own lexer under each candidate dialect (so a read-only prefix, a comment or a quoting trick cannot hide a later
 * statement), classified by keyword rules, and confirmed by JSqlParser. Never throws; whatever cannot be classified
 * is an {@code unknown}, {@code opaque} operation, never nothing.
 */
public final class SqlAnalyzer {
    /** Input beyond this is not analyzed; it is reported as one opaque operation instead. */
    static final int MAX_INPUT = 1024 * 1024;

    private SqlAnalyzer() {}

    /**
     * @param sql     the SQL text, possibly several statements
     * @param dialect {@code postgresql}, {@code mysql}, {@code sqlite}; anything else (or empty) applies every
     *                dialect's lexical rules and reports the union, so no dialect's reading is missed
     */
    public static List<Operation> analyze(String sql, String dialect) {
        if (sql == null || sql.isBlank()) {
            return List.of();
        }
        try {
            String input = sql.length() > MAX_INPUT ? sql.substring(0, MAX_INPUT) : sql;
            SqlParse.Budget budget = new SqlParse.Budget();
            Map<String, Operation> merged = new LinkedHashMap<>();
            for (SqlDialect d : SqlDialect.forName(dialect)) {
                for (Operation op : analyzeUnder(input, d, budget)) {
                    // Dialects that read a span the same way differ only in how they spell names; keep one.
                    String key = op.evidence().start() + ":" + op.evidence().end() + ":" + op.verb() + ":"
                            + op.scope() + ":" + op.resource().type();
                    merged.putIfAbsent(key, op);
                }
            }
            List<Operation> out = new ArrayList<>(merged.values());
            out.sort(Comparator.comparingInt(o -> o.evidence().start()));
            if (sql.length() > MAX_INPUT) {
                out.add(opaque("input longer than " + MAX_INPUT + " characters; the rest was not analyzed",
                        Evidence.of(sql, MAX_INPUT, Math.min(sql.length(), MAX_INPUT + 200))));
            }
            return List.copyOf(out);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return List.of(opaque("SQL analysis failed: " + e.getClass().getSimpleName(), Evidence.text(
                    sql.length() > 200 ? sql.substring(0, 200) : sql)));
        }
    }

    private static List<Operation> analyzeUnder(String input, SqlDialect dialect, SqlParse.Budget budget) {
        List<Operation> out = new ArrayList<>();
        PreparedStatements prepared = new PreparedStatements();
        for (SqlLexer.Piece piece : SqlLexer.split(input, dialect)) {
            Evidence evidence = Evidence.of(input, piece.start(), piece.end());
            SqlWords words = new SqlWords(piece.tokens());
            SqlParse.Outcome parse = SqlParse.parse(piece.parseText(), dialect, budget);
            List<Operation.Builder> client = SqlClientCommands.ops(words);
            List<Operation.Builder> ops = new ArrayList<>(prepared.execution(words).orElseGet(() -> SqlRules.classify(words, dialect)));
            if (!client.isEmpty()) {
                // The client runs these whatever the SQL around them is; the SQL part is classified as usual.
                client.forEach(b -> out.add(b.evidence(evidence).build()));
                if (ops.isEmpty() || words.isSymbol(0, "\\")) {
                    continue;
                }
            }
            if (ops.isEmpty() && client.isEmpty() && SqlClientCommands.displayOnly(words)) {
                out.add(SqlOps.read("session", "").evidence(evidence).note("client display command \\" + words.tokens().get(1).text()).build());
                continue;
            }
            if (ops.isEmpty()) {
                String why = parse.parsed() ? "statement not recognized: " + words.kw(0) : "could not parse: " + parse.problem();
                out.add(opaque(why, evidence));
                continue;
            }
            if (!parse.parsed() && looksReadOnly(ops) && hidesWrites(words)) {
                // An unparsed "read" that mentions write keywords may be a trick the keyword rules do not see.
                out.add(opaque("could not parse: " + parse.problem() + "; contains write keywords", evidence));
                continue;
            }
            ops.addAll(SqlFunctions.calls(words));
            ops.addAll(SqlServerFiles.calls(words));
            ops.addAll(SqlScheduledJobs.calls(words));
            ops.addAll(SqlExtensionFunctions.calls(words));
            ops.addAll(SqlFunctions.queryEffects(words));
            for (Operation.Builder b : List.copyOf(ops)) {
                SqlOps.privilegeCatalogWrite(b.build()).ifPresent(ops::add);
            }
            prepared.remember(words, ops);
            for (Operation.Builder b : ops) {
                Operation op = Catalogs.placed(b.evidence(evidence).build());
                if (!parse.parsed() && op.confidence() == Confidence.EXACT) {
                    String note = op.note().isEmpty() ? "" : op.note() + "; ";
                    op = op.toBuilder().confidence(Confidence.INFERRED)
                            .note(note + "classified by keywords (" + parse.problem() + ")").build();
                }
                out.add(op);
            }
        }
        return out;
    }

    private static boolean looksReadOnly(List<Operation.Builder> ops) {
        return ops.stream().allMatch(b -> b.build().verb() == Verb.READ);
    }

    /** Only query-shaped statements are checked: their verb comes from the absence of write keywords. */
    private static boolean hidesWrites(SqlWords w) {
        if (!Set.of("SELECT", "WITH", "VALUES", "TABLE", "").contains(w.kw(0))) {
            return false;
        }
        return w.sub(1, w.size()).has("DELETE", "INSERT", "DROP", "TRUNCATE", "ALTER", "CREATE", "GRANT", "COPY",
                "EXECUTE", "CALL", "MERGE", "REPLACE", "OUTFILE", "DUMPFILE")
                || w.sub(1, w.size()).has("UPDATE") && !w.has("FOR");
    }

    private static Operation opaque(String note, Evidence evidence) {
        return Operation.builder(SqlOps.SYSTEM, Verb.UNKNOWN).confidence(Confidence.OPAQUE).reversible(false)
                .evidence(evidence).note(note).build();
    }
}
