package dev.interlock.policy;

/** The outcome of one policy test: what was expected, what was decided, and the decision's summary. */
public record PolicyTestResult(PolicyTest test, boolean passed, String actual, String summary) {

    public static boolean satisfies(String expect, String effect) {
        return expect.equals("not-allow") ? !effect.equals("allow") : expect.equals(effect);
    }
}
