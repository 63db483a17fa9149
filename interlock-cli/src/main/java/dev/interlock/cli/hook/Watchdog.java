package dev.interlock.cli.hook;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Answers "blocked" and ends the process if the decision takes longer than its budget — agents let a call through
 * when a hook times out, so the hook must give its own answer first. Whoever comes first (the answer or the
 * watchdog) writes; the other does nothing.
 */
final class Watchdog {

    private final AtomicBoolean answered = new AtomicBoolean();

    private Watchdog() {
    }

    static Watchdog start(Duration budget, IntSupplier onTimeout) {
        Watchdog w = new Watchdog();
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(budget);
            } catch (InterruptedException e) {
                return;
            }
            if (w.answered.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(onTimeout.getAsInt());
            }
        }, "interlock-hook-watchdog");
        t.setDaemon(true);
        t.start();
        return w;
    }

    /** Writes the answer unless the watchdog already did (then waits for it to end the process). */
    int finish(IntSupplier write) {
        if (answered.compareAndSet(false, true)) {
            return write.getAsInt();
        }
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dev.interlock.hooks.HookAnswer.BLOCK;
    }
}
