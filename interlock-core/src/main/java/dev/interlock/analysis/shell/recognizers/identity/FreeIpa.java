package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FreeIPA's {@code ipa OBJECT-ACTION}: finds, shows and {@code hbactest} (a simulated access decision) only read; on
 * the objects that decide access (groups, roles, sudo and HBAC rules, privileges, permissions) adding or removing
 * members, and enabling or disabling a rule, are grants; a password policy change can weaken every login;
 * {@code vault-retrieve} and {@code ipa-getkeytab} hand out secrets. The server's tools ({@code ipa-healthcheck},
 * {@code ipactl status}, {@code ipa-replica-manage list}) look; their other words restart or rewire the server.
 */
final class FreeIpa {

    private FreeIpa() {
    }

    private static final Set<String> READS = Set.of("find", "show", "status", "hbactest", "ping", "env", "help",
            "whoami", "topics", "commands", "version", "i18n-messages", "schema");
    /** Objects whose membership or state decides who may do what. */
    private static final Set<String> ACCESS_OBJECTS = Set.of("group", "role", "sudorule", "hbacrule", "privilege",
            "permission", "netgroup", "hostgroup", "selinuxusermap", "sudocmdgroup", "hbacsvcgroup", "idview", "automember",
            "delegation", "selfservice", "trust", "service");
    /** Objects whose change weakens how everyone signs in. */
    private static final Set<String> AUTH_POLICIES = Set.of("pwpolicy", "krbtpolicy", "config", "otpconfig", "passkeyconfig");

    /** The server's own tools, by program: the words that only look ({@code ""}: the tool never changes anything). */
    private static final Map<String, Set<String>> SERVER_READS = Map.of(
            "ipa-healthcheck", Set.of(""),
            "ipactl", Set.of("status"),
            "ipa-replica-manage", Set.of("list", "list-ruv", "list-clean-ruv"),
            "ipa-csreplica-manage", Set.of("list"));

    static List<Operation> recognize(Invocation inv) {
        if (SERVER_READS.containsKey(inv.program())) {
            return List.of(DirectoryAdmin.operation(inv, "freeipa", serverTool(inv), "", ""));
        }
        if (inv.program().equals("ipa-getkeytab")) {
            return List.of(DirectoryAdmin.operation(inv, "freeipa",
                    credential("keytab").note(inv.words().contains("-r") ? "retrieves a principal's keys"
                            : "generates new keys for a principal (the old keytabs stop working) and writes them out"),
                    inv.parse(Set.of("-p", "--principal")).value("-p", "--principal").orElse(""), ""));
        }
        var p = inv.parse(Set.of("-e", "-c", "--env", "--server", "-n"));
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst();
        String name = words.size() > 1 ? words.get(1) : "";
        int dash = command.indexOf('-');
        String object = dash > 0 ? command.substring(0, dash) : command;
        String action = dash > 0 ? command.substring(dash + 1) : "";
        return List.of(DirectoryAdmin.operation(inv, "freeipa", act(command, object, action), name,
                p.value("--server").orElse("")));
    }

    /**
     * ipa-healthcheck only inspects (whatever it is told to print); ipactl and the replica managers look with their
     * listing words and otherwise stop, restart or rewire the server's replication.
     */
    private static Act serverTool(Invocation inv) {
        Set<String> reads = SERVER_READS.get(inv.program());
        List<String> words = inv.parse(Set.of("-p", "--password", "-H", "--host", "--binddn", "--bindpw")).words();
        String verb = words.isEmpty() ? "" : words.getFirst();
        if (reads.contains("") || reads.contains(verb)) {
            return read("ipa-server");
        }
        if (verb.equals("del") || verb.equals("clean-ruv") || verb.equals("abort-clean-ruv")) {
            return delete("replica").note("removes a replica or its replication metadata");
        }
        return update("ipa-server").note(inv.program() + " " + verb + " changes how the server runs or replicates");
    }

    private static Act act(String command, String object, String action) {
        if (READS.contains(command) || READS.contains(action)) {
            return read(object);
        }
        if (command.equals("vault-retrieve")) {
            return credential("vault").note("prints a vault's secret");
        }
        if (command.equals("passwd") || action.equals("passwd")) {
            return update("password").note("sets a user's password");
        }
        if (AUTH_POLICIES.contains(object) && action.equals("mod")) {
            return update(object).note("changes how every user signs in (length, lockout, lifetimes)");
        }
        boolean membership = action.startsWith("add-") || action.startsWith("remove-") || action.startsWith("allow-")
                || action.startsWith("disallow-");
        if (ACCESS_OBJECTS.contains(object) && (membership || action.equals("enable") || action.equals("disable"))) {
            return grant(object).note("changes who may do what through " + object + " rules or memberships");
        }
        if (action.equals("del")) {
            return delete(object);
        }
        if (action.equals("add")) {
            return create(object);
        }
        return update(object);
    }
}
