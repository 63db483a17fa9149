package dev.interlock.analysis.shell.recognizers.database;

import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redis {@code MIGRATE host port key|"" db timeout [COPY] [REPLACE] [AUTH pw | AUTH2 user pw] [KEYS k…]}: the keys are
 * written into the server the arguments name, whatever server the client is connected to. Two places, two operations:
 * the destination's keys change (overwritten with {@code REPLACE}), placed by the destination host; the connected
 * server's keys leave it (deleted, unless {@code COPY}) and are now a copy elsewhere ({@link DatabaseOps#COPIES_DATA}),
 * placed by the client's own target.
 */
final class RedisMigrate {

    private RedisMigrate() {
    }

    /** {@code words} starts with MIGRATE. */
    static List<Operation> of(List<Arg> words, Invocation inv) {
        String host = words.size() > 1 ? words.get(1).value() : "";
        String db = words.size() > 4 ? words.get(4).value() : "";
        List<String> keys = new ArrayList<>();
        if (words.size() > 3 && !words.get(3).value().isEmpty()) {
            keys.add(words.get(3).value());
        }
        boolean copy = false;
        boolean replace = false;
        boolean literal = words.stream().allMatch(Arg::literal);
        for (int i = 6; i < words.size(); i++) {
            switch (words.get(i).value().toUpperCase(Locale.ROOT)) {
                case "COPY" -> copy = true;
                case "REPLACE" -> replace = true;
                case "AUTH" -> i++;
                case "AUTH2" -> i += 2;
                case "KEYS" -> {
                    words.subList(i + 1, words.size()).forEach(k -> keys.add(k.value()));
                    i = words.size();
                }
                default -> {
                }
            }
        }
        String named = String.join(" ", keys);
        Scope scope = keys.size() == 1 ? Scope.ONE : Scope.MANY;
        Confidence confidence = literal && !host.isEmpty() ? Confidence.EXACT : Confidence.INFERRED;
        Operation written = op(inv, Verb.UPDATE, "key", named).scope(scope).stateful(replace).reversible(!replace)
                .confidence(confidence).locator("host", Hosts.of(host)).locator("database", db.isEmpty() ? "" : "db" + db)
                .note("MIGRATE writes the keys into the server at " + host + (replace ? ", overwriting the keys it has" : ""))
                .build();
        Operation.Builder left = copy
                ? op(inv, Verb.READ, "key", named).note("MIGRATE COPY copies the keys to " + host)
                : op(inv, Verb.DELETE, "key", named).reversible(true).note("MIGRATE moves the keys to " + host + ": they leave this server");
        Operation source = left.scope(scope).confidence(confidence).locator(DatabaseOps.COPIES_DATA, "keys").build();
        return List.of(written, source);
    }
}
