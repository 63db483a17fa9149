package dev.interlock.analysis.shell.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** State shared by every cursor of one parse: limits, problems, nesting depth and heredoc bodies. */
final class ParseContext {

    /** Past this many problems the input is noise; stop rather than build an ever longer list. */
    private static final int MAX_PROBLEMS = 100;

    final String source;
    final ShellParser.Limits limits;
    /** Heredoc bodies found by the first pass, keyed by the original offset of their {@code <<} operator. */
    final Map<Integer, Redirect.HereDoc> knownBodies;
    final Map<Integer, Redirect.HereDoc> foundBodies = new HashMap<>();
    final List<String> problems = new ArrayList<>();
    boolean sawHeredoc;
    private boolean halted;
    private int depth;
    private int words;

    ParseContext(String source, ShellParser.Limits limits, Map<Integer, Redirect.HereDoc> knownBodies) {
        this.source = source;
        this.limits = limits;
        this.knownBodies = knownBodies;
    }

    void problem(String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        } else {
            halted = true;
        }
    }

    /** Records a problem and stops the parse: every cursor then reports end of input, so the descent unwinds. */
    void halt(String message) {
        if (!halted) {
            problem(message);
        }
        halted = true;
    }

    boolean halted() {
        return halted;
    }

    /** Enters one nesting level; always pair with {@link #leave()}. Too deep halts the parse instead of recursing on. */
    void enter(int offset) {
        depth++;
        if (depth > limits.maxDepth()) {
            halt("nesting deeper than " + limits.maxDepth() + " at offset " + offset);
        }
    }

    void leave() {
        depth--;
    }

    void countWord(int offset) {
        if (++words > limits.maxWords()) {
            halt("more than " + limits.maxWords() + " words at offset " + offset);
        }
    }
}
