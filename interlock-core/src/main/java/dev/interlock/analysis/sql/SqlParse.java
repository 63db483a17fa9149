package dev.interlock.analysis.sql;

import dev.interlock.analysis.Memo;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * Runs JSqlParser on one statement within a budget. The parser confirms that a statement is well-formed SQL, which
 * is what lets an operation be {@code exact}; it never decides the verb. The budget keeps 1 MiB of input from
 * costing more than a bounded amount of parsing: statements beyond it are classified by keywords alone.
 */
final class SqlParse {
    private SqlParse() {}

    record Outcome(boolean parsed, String problem) {
        static final Outcome SKIPPED = new Outcome(false, "not parsed: input too large");
    }

    /** Limits per analyze() call; mutable, owned by one call. */
    static final class Budget {
        static final int MAX_STATEMENTS = 500;
        static final int MAX_CHARS = 256 * 1024;
        static final int MAX_STATEMENT_CHARS = 64 * 1024;
        static final int MAX_TIMEOUTS = 2;
        private int statements;
        private int chars;
        private int timeouts;

        boolean allows(String text) {
            return statements < MAX_STATEMENTS && timeouts < MAX_TIMEOUTS && text.length() <= MAX_STATEMENT_CHARS
                    && chars + text.length() <= MAX_CHARS;
        }
    }

    private static final long TIMEOUT_MILLIS = 2_000;

    /** Parser threads are daemons with a big stack: deeply nested input must fail, not kill the caller's thread. */
    private static final ThreadFactory THREADS = r -> {
        Thread t = new Thread(null, r, "interlock-sql-parser", 8L * 1024 * 1024);
        t.setDaemon(true);
        return t;
    };
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(THREADS);

    static Outcome parse(String text, SqlDialect dialect, Budget budget) {
        if (!budget.allows(text)) {
            return Outcome.SKIPPED;
        }
        Asked asked = new Asked(text, dialect);
        Outcome known = KNOWN.get(asked);
        if (known != null) {
            return known;
        }
        budget.statements++;
        budget.chars += text.length();
        int timeouts = budget.timeouts;
        Outcome outcome = shallow(text) ? inline(text, dialect, budget) : pooled(text, dialect, budget);
        if (budget.timeouts == timeouts) {
            // a timeout says how busy the machine was, not what the statement is: only the others are remembered
            KNOWN.remember(asked, outcome);
        }
        return outcome;
    }

    /** Agents send the same statements again and again (and a replay sends a month of them): each is parsed once. */
    private record Asked(String text, SqlDialect dialect) {
    }

    private static final Memo<Asked, Outcome> KNOWN = Memo.bounded(2048);

    private static Outcome pooled(String text, SqlDialect dialect, Budget budget) {
        try {
            Statement st = CCJSqlParserUtil.parse(text, EXECUTOR, p -> p.withTimeOut(TIMEOUT_MILLIS)
                    .withBackslashEscapeCharacter(dialect.backslashEscapes)
                    .withSquareBracketQuotation(dialect == SqlDialect.SQLITE));
            if (st == null || st instanceof UnsupportedStatement) {
                return new Outcome(false, "statement not supported by the parser");
            }
            return new Outcome(true, "");
        } catch (JSQLParserException e) {
            if (isTimeout(e)) {
                budget.timeouts++;
                return new Outcome(false, "parser timed out");
            }
            return new Outcome(false, firstLine(e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome(false, e.getClass().getSimpleName());
        }
    }

    /** Statements nested this little parse on the caller's own thread: no hand-off, no second stack needed. */
    private static final int INLINE_MAX_PARENTHESES = 64;

    private static boolean shallow(String text) {
        int open = 0;
        for (int i = 0; i < text.length() && open <= INLINE_MAX_PARENTHESES; i++) {
            if (text.charAt(i) == '(') {
                open++;
            }
        }
        return open <= INLINE_MAX_PARENTHESES;
    }

    /**
     * The parser on the calling thread, bounded by {@link ParseWatchdog} instead of a worker thread and a future: the
     * same two attempts as JSqlParser's own {@code parse} (simple parsing, then complex parsing when nesting allows).
     */
    private static Outcome inline(String text, SqlDialect dialect, Budget budget) {
        Throwable failure = null;
        for (boolean complex : new boolean[] {false, true}) {
            if (complex && CCJSqlParserUtil.getNestingDepth(text) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
                break;
            }
            CCJSqlParser parser = CCJSqlParserUtil.newParser(text).withBackslashEscapeCharacter(dialect.backslashEscapes)
                    .withSquareBracketQuotation(dialect == SqlDialect.SQLITE).withAllowComplexParsing(complex);
            ParseWatchdog.Watch watch = ParseWatchdog.watch(parser, TIMEOUT_MILLIS);
            try {
                Statement st = parser.Statement();
                if (st == null || st instanceof UnsupportedStatement) {
                    return new Outcome(false, "statement not supported by the parser");
                }
                return new Outcome(true, "");
            } catch (ParseException | RuntimeException | StackOverflowError e) {
                if (watch.fired()) {
                    budget.timeouts++;
                    return new Outcome(false, "parser timed out");
                }
                failure = e;
            } finally {
                watch.close();
            }
        }
        return failure instanceof ParseException ? new Outcome(false, firstLine(failure.getMessage()))
                : new Outcome(false, failure == null ? "syntax error" : failure.getClass().getSimpleName());
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        String line = message.lines().filter(l -> !l.isBlank()).findFirst().orElse("syntax error").trim();
        line = line.replace("net.sf.jsqlparser.parser.ParseException: ", "");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
