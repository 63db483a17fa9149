package dev.interlock.analysis.shell.recognizers;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;

/**
 * What one subcommand of a table-driven recognizer does to the resource it names: a row of a command table, before
 * the resource's name and where it lives are known.
 */
public record Action(Verb verb, String type, Scope scope, boolean stateful, boolean reversible, String note) {

    public static Action read(String type) {
        return new Action(Verb.READ, type, Scope.ONE, false, true, "");
    }

    public static Action create(String type, String note) {
        return new Action(Verb.CREATE, type, Scope.ONE, false, true, note);
    }

    public static Action update(String type, String note) {
        return new Action(Verb.UPDATE, type, Scope.ONE, false, true, note);
    }

    /** Data that is gone once deleted: nothing keeps a copy. */
    public static Action delete(String type, String note) {
        return new Action(Verb.DELETE, type, Scope.ONE, true, false, note);
    }

    public static Action grant(String type, String note) {
        return new Action(Verb.GRANT, type, Scope.ONE, false, true, note);
    }

    /** Messages written into a topic or exchange: consumers act on them, and they cannot be called back. */
    public static Action produce(String type, String note) {
        return new Action(Verb.CREATE, type, Scope.ONE, false, false, note);
    }

    public Action scope(Scope wider) {
        return new Action(verb, type, wider, stateful, reversible, note);
    }

    /** The operation on {@code name}; the note is this action's, or {@code fallbackNote} when it has none. */
    public Operation.Builder on(String system, String name, Invocation inv, String fallbackNote) {
        return Operation.builder(system, verb).resource(type, name).scope(scope).stateful(stateful).reversible(reversible)
                .evidence(inv.evidence()).note(note.isEmpty() ? fallbackNote : note);
    }

    public Operation.Builder on(String system, String name, Invocation inv) {
        return on(system, name, inv, "");
    }
}
