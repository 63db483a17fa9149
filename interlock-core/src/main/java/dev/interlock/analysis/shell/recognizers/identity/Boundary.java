package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HashiCorp Boundary's CLI: {@code boundary RESOURCE ACTION -flag value}. Listings and reads read; {@code connect}
 * opens a session to a target (judged as getting onto it, like ssh); a role's principals and grants decide who may
 * reach what, so changing them is a grant, and an escalation when the role is an admin role; credentials printed
 * ({@code authenticate}, {@code targets authorize-session}, {@code credential-stores read}) are credential reads.
 */
final class Boundary {

    private Boundary() {
    }

    private static final CommandTable TABLE = listings(CommandTable.builder())
            // the token goes to the system keyring, never printed; only -keyring-type none or -format json print it
            .add("", "authenticate", read("session").note("logs in: the token is kept in the keyring"))
            .add("", "connect", execute("target").note("opens a session to the target"))
            .add("targets", "authorize-session", credential("session").note("prints the session's brokered credentials"))
            .add("credential-stores", "read", credential("credential-store"))
            .add("credentials", "read", credential("credential"))
            .add("roles", "add-principals set-principals add-grants set-grants add-grant-scopes set-grant-scopes",
                    grant("role").note("changes who holds the role, or what it may do"))
            .add("roles", "remove-principals remove-grants remove-grant-scopes", update("role"))
            .add("groups", "add-members set-members", grant("group").note("changes the group's members and so their roles"))
            .add("users", "add-accounts set-accounts", grant("user").note("links accounts that log in as the user"))
            .add("sessions", "cancel", update("session"))
            .add("", "logout", update("token"))
            .build();

    /** Resources whose {@code list} and {@code read} only show configuration (credential stores print secrets). */
    private static CommandTable.Builder listings(CommandTable.Builder b) {
        for (String family : ("targets sessions scopes users groups roles hosts host-catalogs host-sets auth-methods accounts"
                + " credential-libraries workers aliases policies session-recordings storage-buckets").split(" ")) {
            b.add(family, "list read", read(family));
        }
        return b;
    }

    static List<Operation> recognize(Invocation inv) {
        List<String> words = new ArrayList<>();
        String id = "";
        String scope = "";
        boolean printsToken = false; // no keyring to keep the token in, or JSON output: authenticate prints it
        String addr = inv.env().getOrDefault("BOUNDARY_ADDR", "");
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String w = args.get(i).value();
            if (w.equals("--")) {
                break;
            }
            String flag = w.replaceFirst("^--?", "");
            int eq = flag.indexOf('=');
            String key = eq > 0 ? flag.substring(0, eq) : flag;
            if (!w.startsWith("-")) {
                if (words.size() < 2 && i == words.size()) {
                    words.add(w); // boundary RESOURCE ACTION come first; flags follow
                }
                continue;
            }
            String value = eq > 0 ? flag.substring(eq + 1) : i + 1 < args.size() ? args.get(i + 1).value() : "";
            switch (key) {
                case "id", "target-id", "target-name", "name" -> id = id.isEmpty() ? value : id;
                case "addr" -> addr = value;
                case "target-scope-name", "scope-name" -> scope = value;
                case "keyring-type" -> printsToken |= value.equals("none");
                case "format" -> printsToken |= value.equals("json");
                default -> { }
            }
        }
        var found = TABLE.findOrGuess(words, words.size(), words.isEmpty() ? "resource" : words.getFirst());
        CommandTable.Act act = found.act();
        if (found.command().equals("authenticate") && printsToken) {
            act = credential("token").note("prints the Boundary auth token");
        }
        if (act.verb() == Verb.GRANT && found.command().startsWith("roles") && id.toLowerCase(Locale.ROOT).contains("admin")) {
            act = new CommandTable.Act(Verb.ESCALATE, "role", false, false, Scope.ONE,
                    "gives principals an admin role: they gain its rights over every target and scope it covers");
        }
        // without an address, the scope or target named (api-dev in scope dev) is what places the session
        String where = !addr.isEmpty() ? addr : !scope.isEmpty() ? scope : id;
        return List.of(DirectoryAdmin.operation(inv, "boundary", act, id, where));
    }
}
