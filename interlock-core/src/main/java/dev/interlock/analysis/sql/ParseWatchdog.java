package dev.interlock.analysis.sql;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.parser.CCJSqlParser;

/**
 * One daemon thread that stops parsers running past their deadline by setting JSqlParser's own {@code interrupted}
 * flag (the parser checks it as it consumes tokens). A parse registers and deregisters — two map operations —
 * instead of handing every statement to a worker thread and waiting on a future.
 */
final class ParseWatchdog {

    private static final long SWEEP_MILLIS = 50;
    private static final Map<Watch, Long> ACTIVE = new ConcurrentHashMap<>();

    static {
        Thread sweeper = new Thread(ParseWatchdog::sweep, "interlock-sql-watchdog");
        sweeper.setDaemon(true);
        sweeper.start();
    }

    /** One parse being watched; closing it ends the watch. */
    static final class Watch implements AutoCloseable {
        private final CCJSqlParser parser;
        private volatile boolean fired;

        private Watch(CCJSqlParser parser) {
            this.parser = parser;
        }

        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            ACTIVE.remove(this);
        }
    }

    private ParseWatchdog() {
    }

    static Watch watch(CCJSqlParser parser, long timeoutMillis) {
        Watch w = new Watch(parser);
        ACTIVE.put(w, System.nanoTime() + timeoutMillis * 1_000_000);
        return w;
    }

    private static void sweep() {
        while (true) {
            try {
                Thread.sleep(SWEEP_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            ACTIVE.forEach((w, deadline) -> {
                if (now - deadline > 0) {
                    w.fired = true;
                    w.parser.interrupted = true;
                }
            });
        }
    }
}
