package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Functions of well-known extensions, called schema-qualified, whose effect is documented: pgmq's queue functions
 * ({@code pgmq.metrics_all()} reports, {@code pgmq.purge_queue('q')} empties a queue). A known read is a plain read of
 * the query; a known change becomes an operation of its own, judged in the database's environment. Anything else an
 * extension offers stays an unknown function call.
 */
final class SqlExtensionFunctions {
    private SqlExtensionFunctions() {}

    private record Effect(Verb verb, String type, Scope scope, String note) {}

    private static Effect reads() {
        return new Effect(Verb.READ, "", Scope.ONE, "");
    }

    private static final Map<String, Effect> FUNCTIONS = Map.ofEntries(
            Map.entry("pgmq.metrics", reads()),
            Map.entry("pgmq.metrics_all", reads()),
            Map.entry("pgmq.list_queues", reads()),
            // read hides the messages from every other consumer until their visibility timeout passes
            Map.entry("pgmq.read", new Effect(Verb.UPDATE, "queue", Scope.MANY, "takes messages for a while: other consumers do not see them")),
            Map.entry("pgmq.read_with_poll", new Effect(Verb.UPDATE, "queue", Scope.MANY, "takes messages for a while: other consumers do not see them")),
            Map.entry("pgmq.set_vt", new Effect(Verb.UPDATE, "queue", Scope.ONE, "changes when a message is delivered again")),
            Map.entry("pgmq.send", new Effect(Verb.CREATE, "queue", Scope.ONE, "sends a message: its consumers act on it")),
            Map.entry("pgmq.send_batch", new Effect(Verb.CREATE, "queue", Scope.MANY, "sends messages: their consumers act on them")),
            Map.entry("pgmq.pop", new Effect(Verb.DELETE, "queue", Scope.ONE, "takes a message off the queue and deletes it")),
            Map.entry("pgmq.delete", new Effect(Verb.DELETE, "queue", Scope.ONE, "deletes messages from the queue")),
            Map.entry("pgmq.archive", new Effect(Verb.UPDATE, "queue", Scope.ONE, "moves messages out of the queue into its archive")),
            Map.entry("pgmq.purge_queue", new Effect(Verb.DELETE, "queue", Scope.ALL, "deletes every message in the queue")),
            Map.entry("pgmq.drop_queue", new Effect(Verb.DELETE, "queue", Scope.ALL, "drops the queue with its messages and archive")),
            Map.entry("pgmq.detach_archive", new Effect(Verb.UPDATE, "queue", Scope.ONE, "detaches the queue's archive table")),
            Map.entry("pgmq.create", new Effect(Verb.CREATE, "queue", Scope.ONE, "")),
            Map.entry("pgmq.create_partitioned", new Effect(Verb.CREATE, "queue", Scope.ONE, "")),
            Map.entry("pgmq.create_unlogged", new Effect(Verb.CREATE, "queue", Scope.ONE, "")));

    /** Whether {@code name} (schema-qualified where it was) is a function this table judges. */
    static boolean known(String name) {
        return FUNCTIONS.containsKey(name);
    }

    /** An operation for each call of a known function that changes something; its first argument names the target. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 2; i + 1 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(") || !w.isSymbol(i - 1, ".")) {
                continue;
            }
            String full = w.tokens().get(i - 2).text().toLowerCase(Locale.ROOT) + "." + t.text().toLowerCase(Locale.ROOT);
            Effect e = FUNCTIONS.get(full);
            if (e != null && e.verb() != Verb.READ) {
                String arg = i + 2 < w.size() ? w.tokens().get(i + 2).text() : "";
                ops.add(admin(e.verb(), e.type(), arg, e.scope()).stateful(e.verb() == Verb.DELETE)
                        .note(full + "()" + (e.note().isEmpty() ? "" : ": " + e.note())));
            }
        }
        return ops;
    }
}
