package dev.interlock.analysis.shell.recognizers.mdm;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.security.SecurityTools;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * FleetDM's {@code fleetctl}, placed by {@code --context}: listings ({@code get hosts|queries|policies|labels}) read,
 * and so does a live query, osquery SQL being read-only (except the tables that hold secrets in clear); the enroll
 * secret lets anyone enroll a host, so printing it is a credential read; {@code delete}, {@code apply -f} and
 * {@code gitops -f} (not {@code --dry-run}), scripts and MDM commands change the enrolled hosts.
 */
final class Fleetctl {

    private Fleetctl() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("get", "hosts host queries query policies policy labels label packs pack teams team software users user "
                    + "config scripts script activities mdm-commands mdm-command-results user_roles carves carve", read("fleet"))
            .add("get", "enroll_secret enroll-secret enroll_secrets enroll-secrets secrets",
                    credential("enroll-secret").note("prints the secret that lets any machine enroll into the fleet"))
            .add("", "delete", delete("fleet"))
            .add("", "apply", update("fleet").many())
            .add("", "gitops", update("fleet").many().note("makes the fleet's teams, policies, queries and settings match the files"))
            .add("", "run-script", execute("host").note("runs a script as root on the host"))
            .add("mdm", "run-command", update("host").note("sends an MDM command to the host"))
            .add("mdm", "lock wipe", delete("host").losesData().note("locks or wipes the host through MDM"))
            .add("hosts", "transfer", update("host"))
            .add("user", "create", grant("user"))
            .add("", "trigger", execute("fleet"))
            .add("", "login logout config preview package debug generate-gitops help version", local("fleetctl"))
            .build();
    private static final Set<String> VALUED = Set.of("--context", "--config", "-f", "--query", "--hosts", "--labels",
            "--team", "--host", "--script-path", "--script-name", "--name", "--email", "--password", "--global-role",
            "--payload", "--query-name", "--exit", "--timeout", "-o", "--yaml", "--json");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 1, "fleet");
        CommandTable.Act act = found.act();
        if (found.command().equals("query")) {
            // a live query: osquery's tables only report the hosts' state
            String sql = p.value("--query").orElse("");
            act = SecurityTools.osqueryWrites(sql) ? execute("fleet").many().note("a live query that is not a plain SELECT")
                    : SecurityTools.osquerySecretTable(sql).map(t -> credential("osquery-table").note("queries " + t
                    + ", which holds secrets in clear")).orElse(read("osquery-query").many().note("a live osquery query: it only reads"));
        } else if ((found.command().equals("apply") || found.command().equals("gitops")) && p.has("--dry-run")) {
            act = read("fleet").note("--dry-run only validates and reports the changes");
        } else if (found.command().equals("gitops") && p.has("--delete-other-teams")) {
            act = delete("fleet").many().note("--delete-other-teams deletes every team the files do not name");
        }
        String operand = words.size() > found.words() ? words.get(found.words()) : p.value("-f").orElse(p.value("--host").orElse(""));
        String name = found.command().equals("query") ? p.value("--query").orElse("query")
                : found.command().startsWith("get ") ? found.command().substring(4) + (operand.isEmpty() ? "" : " " + operand)
                : operand.isEmpty() ? found.command() : operand;
        return act.placed(inv, "fleet", name,
                Map.of("context", p.value("--context").orElse("")), Tier.UNKNOWN, "");
    }
}
