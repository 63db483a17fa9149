package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.model.Confidence;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;

/**
 * What one AWS CLI operation does, as the tables describe it: verb, resource type, scope, whether data is lost and
 * whether it can be undone. {@code nameFlags} are the options naming the resource (first present wins);
 * {@code localOnly} marks operations that only touch this machine ({@code aws configure set}, {@code eks update-kubeconfig}).
 * Immutable; the withers read like the table ({@code delete("stack").stateful().all()}).
 */
record AwsAction(Verb verb, String type, Scope scope, boolean losesData, boolean undoable, Confidence confidence,
                 String note, boolean localOnly, List<String> nameFlags) {

    AwsAction {
        nameFlags = List.copyOf(nameFlags);
    }

    static AwsAction of(Verb verb, String type) {
        return new AwsAction(verb, type, Scope.ONE, false, !verb.destructive(), Confidence.EXACT, "", false, List.of());
    }

    static AwsAction read(String type) {
        return of(Verb.READ, type);
    }

    static AwsAction create(String type) {
        return of(Verb.CREATE, type);
    }

    static AwsAction update(String type) {
        return of(Verb.UPDATE, type);
    }

    static AwsAction delete(String type) {
        return of(Verb.DELETE, type);
    }

    static AwsAction execute(String type) {
        return of(Verb.EXECUTE, type);
    }

    static AwsAction grant(String type) {
        return of(Verb.GRANT, type);
    }

    static AwsAction credential(String type) {
        return of(Verb.CREDENTIAL, type);
    }

    static AwsAction escalate(String type) {
        return of(Verb.ESCALATE, type);
    }

    AwsAction verb(Verb value) {
        return new AwsAction(value, type, scope, losesData, undoable, confidence, note, localOnly, nameFlags);
    }

    AwsAction type(String value) {
        return new AwsAction(verb, value, scope, losesData, undoable, confidence, note, localOnly, nameFlags);
    }

    AwsAction scope(Scope value) {
        return new AwsAction(verb, type, value, losesData, undoable, confidence, note, localOnly, nameFlags);
    }

    AwsAction many() {
        return scope(Scope.MANY);
    }

    AwsAction all() {
        return scope(Scope.ALL);
    }

    /** Data would be lost (for a delete, also irreversible unless said otherwise). */
    AwsAction stateful() {
        return new AwsAction(verb, type, scope, true, undoable, confidence, note, localOnly, nameFlags);
    }

    AwsAction irreversible() {
        return new AwsAction(verb, type, scope, losesData, false, confidence, note, localOnly, nameFlags);
    }

    AwsAction reversible() {
        return new AwsAction(verb, type, scope, losesData, true, confidence, note, localOnly, nameFlags);
    }

    AwsAction inferred() {
        return new AwsAction(verb, type, scope, losesData, undoable, Confidence.INFERRED, note, localOnly, nameFlags);
    }

    AwsAction note(String value) {
        String joined = note.isEmpty() ? value : note + "; " + value;
        return new AwsAction(verb, type, scope, losesData, undoable, confidence, joined, localOnly, nameFlags);
    }

    AwsAction local() {
        return new AwsAction(verb, type, scope, losesData, undoable, confidence, note, true, nameFlags);
    }

    AwsAction named(String... flags) {
        return new AwsAction(verb, type, scope, losesData, undoable, confidence, note, localOnly, List.of(flags));
    }
}
