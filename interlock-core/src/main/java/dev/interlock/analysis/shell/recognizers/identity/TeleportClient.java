package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Teleport's user CLI {@code tsh} ({@code tsh ssh HOST CMD} and {@code tsh scp} are unwrapped before this, like ssh
 * and scp). Listings and status read; asking for roles ({@code request create}), approving someone's request
 * ({@code request review --approve}) and logging in with a request's roles ({@code login --request-id}) are the
 * agent raising privilege, so they escalate — an approval by an agent is exactly what a human must give.
 */
final class TeleportClient {

    private TeleportClient() {
    }

    private static CommandTable.Act escalate(String note) {
        return new CommandTable.Act(Verb.ESCALATE, "access-request", false, false, Scope.ONE, note);
    }

    private static final CommandTable TABLE = listings(CommandTable.builder())
            .add("", "ls status version env clusters recordings", read("node"))
            .add("request", "ls list show search", read("access-request"))
            .add("request", "create new", escalate("asks for roles the agent does not hold"))
            .add("request", "review", read("access-request"))
            .add("request", "drop", update("access-request"))
            .add("db", "connect", execute("database").note("opens a database session: what is typed there is not in view"))
            .add("", "login", credential("session").note("signs a session certificate for this machine"))
            .add("", "logout", update("session"))
            .build();

    private static CommandTable.Builder listings(CommandTable.Builder b) {
        for (String family : "kube db apps app aws az gcloud proxy mfa devices".split(" ")) {
            b.add(family, "ls list status", read(family));
            b.add(family, "login", read(family)); // a certificate for that resource, kept in ~/.tsh like tsh login's
        }
        return b;
    }

    private static final Placement PROXY = Placement.of("host", "--proxy");

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(Set.of("--proxy", "--user", "--cluster", "--format", "--roles", "--reason", "--reviewers",
                "--request-id", "--request-ids", "--auth", "-i", "--identity", "--ttl", "-l", "--login", "--labels", "--query"));
        List<String> words = p.words();
        var found = TABLE.findOrGuess(words, Math.min(2, words.size()), "resource");
        CommandTable.Act act = found.act();
        String name = found.name(words);
        if (found.command().equals("request review") && (p.has("--approve") || p.has("--deny"))) {
            act = p.has("--approve") ? escalate("approves an access request: someone, maybe the agent, gains its roles")
                    : update("access-request");
        }
        if (found.command().equals("login") && (p.has("--request-id") || p.has("--request-ids") || p.has("--request-roles"))) {
            act = escalate("logs in with the roles of an access request");
        } else if (found.command().equals("login")) {
            // tsh login is how every session begins; the certificate stays in ~/.tsh, never printed
            act = read("session");
        }
        // a database's own name (orders-dev) says where its session lands better than the proxy that brokers it
        String where = found.command().equals("db connect") && !name.isEmpty() ? name : PROXY.target(inv, p).orElse("");
        return List.of(DirectoryAdmin.operation(inv, "teleport", act, name, where));
    }
}
