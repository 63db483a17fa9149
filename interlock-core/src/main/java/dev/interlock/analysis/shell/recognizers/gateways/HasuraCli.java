package dev.interlock.analysis.shell.recognizers.gateways;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hasura's CLI: migrations and metadata of the GraphQL engine at {@code --endpoint} (else
 * {@code HASURA_GRAPHQL_ENDPOINT}, which the environment resolution reads). Status, export and diff read the server;
 * applying migrations, metadata or seeds changes its database or API; rolling migrations down, deleting them on the
 * server and clearing metadata take the schema or the whole API away. Creating migrations and seeds, the console and
 * code generation stay in the project on this machine.
 */
final class HasuraCli {

    private HasuraCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("migrate", "status", read("migrations"))
            .add("migrate", "create squash", local("migrations"))
            .add("migrate", "apply", update("migrations").note("applies schema migrations to the server's database"))
            .add("migrate", "delete", delete("migrations").note("deletes migrations and their history"))
            .add("metadata", "export diff", read("metadata"))
            .add("metadata inconsistency", "list status", read("metadata"))
            .add("metadata inconsistency", "drop", delete("metadata"))
            .add("metadata", "apply reload", update("metadata"))
            .add("metadata", "clear reset", delete("metadata").all()
                    .note("clears the metadata: every tracked table, relationship, permission and action leaves the API"))
            .add("seed", "create", local("seed"))
            .add("seed", "apply", create("data").note("inserts seed data into the server's database"))
            .add("", "deploy", update("project").note("applies metadata and migrations to the server"))
            .add("", "console init completion plugin plugins actions scripts update-cli login", local("project"))
            .build();
    private static final Set<String> VALUED = Set.of("--endpoint", "--admin-secret", "--database-name", "--version", "--down",
            "--up", "--goto", "--file", "--project", "--envfile", "--log-level", "--name", "-o", "--output", "--type",
            "--certificate-authority", "--from", "--to", "--address", "--console-port", "--api-port", "--static-dir");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "project");
        CommandTable.Act act = found.act();
        if (found.command().equals("migrate apply") && p.has("--down")) {
            // rolling back drops what the migrations created: tables and their rows
            boolean all = p.value("--down").orElse("").equals("all");
            act = delete("migrations").note("rolls back " + (all ? "every migration" : "migrations") + ": what they created is dropped");
            act = all ? act.all() : act.many();
        } else if (found.command().equals("migrate delete") && p.has("--all")) {
            act = act.all();
        }
        String endpoint = p.value("--endpoint").orElse("");
        return act.placed(inv, "hasura", p.value("--database-name").orElse(endpoint),
                Map.of("host", Hosts.of(endpoint), "database", p.value("--database-name").orElse("")), Tier.UNKNOWN, "");
    }
}
