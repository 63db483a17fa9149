package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * APIs that take their command in the query string, so that a plain GET writes: registrars' ({@code Namecheap}'s
 * {@code Command=namecheap.domains.dns.setCustom}, Enom's {@code command=SetHosts}) and AWS-style query APIs
 * ({@code Action=DeleteUser}, {@code Action=UpdateAccountSettings}). The command's own verb decides: {@code get},
 * {@code list}, {@code describe}, {@code check} read; {@code set}, {@code create}, {@code update} and the like change;
 * {@code delete}, {@code terminate}, {@code purge} delete. A query whose command says neither is left to the method
 * (a wiki's {@code action=edit} only opens a form).
 */
final class QueryCommandApis {

    private QueryCommandApis() {
    }

    /** Query parameters that name the command the endpoint runs. */
    private static final Set<String> COMMAND_PARAMETERS = Set.of("command", "action", "cmd");
    private static final Set<String> READS = Set.of("get", "list", "describe", "check", "info", "search", "lookup", "query",
            "count", "validate", "status", "show", "view", "whois", "availability");
    private static final Set<String> DELETES = Set.of("delete", "remove", "terminate", "purge", "deregister", "revoke",
            "destroy", "cancel", "release", "unregister", "disassociate", "detach", "drop");
    private static final Set<String> CHANGES = Set.of("set", "create", "update", "modify", "put", "add", "change", "reset",
            "enable", "disable", "register", "renew", "reactivate", "transfer", "attach", "associate", "authorize", "allocate",
            "import", "restore", "run", "start", "stop", "reboot", "send", "publish", "assume", "lock", "unlock", "push",
            "replace", "apply", "activate", "deactivate", "upload", "insert", "approve");

    static Optional<List<Operation>> of(Invocation inv, String url, String method) {
        int q = url.indexOf('?');
        // cheap first: only a GET (or no method) with a query string naming a command
        if (q < 0 || !(method.isEmpty() || method.equals("GET") || method.equals("HEAD"))) {
            return Optional.empty();
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || !COMMAND_PARAMETERS.contains(pair.substring(0, eq).toLowerCase(Locale.ROOT))) {
                continue;
            }
            String command = pair.substring(eq + 1);
            Optional<Verb> verb = verb(command);
            if (verb.isEmpty() || verb.get() == Verb.READ) {
                return Optional.empty();
            }
            String host = Hosts.of(url);
            boolean deletes = verb.get() == Verb.DELETE;
            return Optional.of(List.of(Operation.builder("http", verb.get()).resource("api-command", command)
                    .locator("host", host).stateful(deletes).reversible(!deletes).evidence(inv.evidence())
                    .note("sent as a GET, but the query string's command " + command + " changes what " + host + " holds")
                    .build()));
        }
        return Optional.empty();
    }

    /** The verb of a command's last dotted segment: {@code namecheap.domains.dns.setCustom} → set → update. */
    static Optional<Verb> verb(String command) {
        String last = command.substring(command.lastIndexOf('.') + 1);
        String first = Regex.split(Regex.replaceAll(last, "([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT), "[\\s_-]+")[0];
        if (READS.contains(first)) {
            return Optional.of(Verb.READ);
        }
        if (DELETES.contains(first)) {
            return Optional.of(Verb.DELETE);
        }
        return CHANGES.contains(first) ? Optional.of(Verb.UPDATE) : Optional.empty();
    }
}
