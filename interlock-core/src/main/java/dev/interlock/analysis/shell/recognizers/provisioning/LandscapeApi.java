package dev.interlock.analysis.shell.recognizers.provisioning;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Canonical Landscape's {@code landscape-api METHOD [QUERY] …} (the API's methods in kebab case): {@code get-…} methods
 * read; {@code execute-script} runs a script on every computer the query selects, {@code reboot-computers} and the
 * package methods change them, {@code remove-computers} drops them from management. A query such as {@code tag:web} or
 * {@code distribution:jammy} selects many computers, {@code id:12} one. The server is {@code --uri}, else
 * {@code LANDSCAPE_API_URI} (often set by sourcing {@code ~/.landscape-api.rc}).
 */
final class LandscapeApi {

    private LandscapeApi() {
    }

    private static final CommandTable METHODS = CommandTable.builder()
            .add("", "help", local("cli"))
            .add("", "execute-script", execute("computer").note("runs a script on every computer the query selects"))
            .add("", "reboot-computers shutdown-computers", update("computer").note("reboots or shuts down the computers the query selects"))
            .add("", "upgrade-packages install-packages remove-packages hold-packages unhold-packages change-packages "
                    + "sync-mirror-pocket pull-packages-to-pocket", update("computer"))
            .add("", "remove-computers", delete("computer").note("the computers leave Landscape's management and lose their history there"))
            .add("", "accept-pending-computers", create("computer"))
            .add("", "add-persons-to-role remove-persons-from-role add-permission-to-role remove-permission-from-role "
                    + "invite-administrator disable-administrator enable-administrator add-access-group-to-role", grant("role"))
            .build();

    /** Methods whose first operand is a computer query. */
    private static final Set<String> QUERY_METHODS = Set.of("execute-script", "reboot-computers", "shutdown-computers",
            "upgrade-packages", "install-packages", "remove-packages", "hold-packages", "unhold-packages", "change-packages",
            "remove-computers", "add-tags-to-computers", "remove-tags-from-computers", "get-computers", "get-packages");

    private static final Set<String> VALUED = Set.of("--uri", "--key", "--secret", "--ssl-ca-file", "--query", "--limit",
            "--offset", "--username", "--time-limit", "--deliver-after", "--deliver-delay-window", "--title", "--code",
            "--attachments", "--names", "--tags", "--with-network", "--with-hardware", "--with-annotations", "--name");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String method = words.isEmpty() ? "" : words.getFirst().toLowerCase(java.util.Locale.ROOT);
        CommandTable.Act act = METHODS.find(List.of(method)).map(CommandTable.Found::act)
                .orElseGet(() -> method.startsWith("get-") || method.startsWith("list-") ? read(noun(method))
                        : method.startsWith("create-") || method.startsWith("add-") ? create(noun(method))
                        : method.startsWith("remove-") || method.startsWith("delete-") ? delete(noun(method))
                        : update(noun(method)));
        String query = p.value("--query").orElse(QUERY_METHODS.contains(method) && words.size() > 1 ? words.get(1) : "");
        if (act.verb() != Verb.READ && QUERY_METHODS.contains(method)) {
            act = Regex.matches(query, "(?i)id:\\d+") ? act : query.isEmpty() ? act.all() : act.many();
        }
        if (act.scope() == Scope.ALL) {
            act = act.note("no query: every computer of the account");
        }
        String server = p.value("--uri").orElse(inv.env().getOrDefault("LANDSCAPE_API_URI", ""));
        return ProvisioningRecognizer.operation(inv, "landscape", act, query.isEmpty() ? method : query, server, query);
    }

    /** {@code get-computers} → computers: what a method acts on. */
    private static String noun(String method) {
        int dash = method.indexOf('-');
        return dash > 0 ? method.substring(dash + 1) : method;
    }
}
