package dev.interlock.server.decisions;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the server can decide. A storage failure turns it red at once (so load balancers stop sending) and every
 * decision meanwhile is a fail-closed deny; a successful health probe or write turns it green again.
 */
public final class Readiness {

    private final AtomicReference<String> problem = new AtomicReference<>("");

    public void failed(String why) {
        problem.set(why);
    }

    public void ok() {
        if (!problem.get().isEmpty()) {
            problem.set("");
        }
    }

    /** Empty when ready, else why not. */
    public String problem() {
        return problem.get();
    }
}
