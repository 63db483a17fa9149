package dev.interlock.analysis.shell.recognizers.research;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Globus CLI, {@code globus}. {@code ls}, {@code task list|show|event-list|wait}, {@code endpoint search|show},
 * permission and role listings, {@code whoami} and {@code session show} read; {@code login}/{@code logout} are this
 * machine's; {@code transfer}, {@code mkdir}, {@code rename}, endpoint and collection edits change the endpoints named
 * ({@code transfer --delete-destination-extra} also deletes what the source lacks); {@code delete}/{@code rm} delete
 * ({@code -r}: a whole directory); {@code --dry-run} only shows. {@code endpoint permission create|update|delete},
 * {@code endpoint role create|delete} and group membership are grants. Endpoints are UUIDs Interlock cannot place: the
 * environment is unknown unless {@code ssh} or the request names it.
 */
final class Globus {

    private Globus() {
    }

    private static final Set<String> VALUED = Set.of("-F", "--format", "--jmespath", "--jq", "--label", "--limit",
            "--filter-status", "--filter-scope", "--filter-type", "--filter-task-id", "--filter-owner-id", "--filter-role",
            "--filter-non-entity-type", "--sync-level", "-s", "--batch", "--identity", "--permissions", "--role",
            "--deadline", "--submission-id", "--timeout", "--polling-interval", "--heartbeat", "--path", "--filter",
            "--notify", "--external-checksum", "--checksum-algorithm", "--source-local-user", "--destination-local-user",
            "--description", "--display-name", "--owner-id", "--local-user", "--interval", "--start", "--stop-after-runs",
            "--name", "--keywords", "--contact-email", "--organization", "--department", "--info-link", "--default-directory",
            "--expire", "--notify-email", "--notify-message", "--provision-identity", "--index", "--q", "--group",
            "--role-id", "--identity-id", "--subscription-id", "--user-message", "--body", "-Q", "--query-param", "-H",
            "--header", "-X", "--method", "--content-type");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "ls stat whoami get-identities list-commands version bookmark", read("endpoint"))
            .add("", "login logout", local("session"))
            .add("session", "show", read("session"))
            .add("session", "update consent revoke", local("session"))
            .add("task", "list show event-list wait pause-info generate-submission-id", read("task"))
            .add("task", "cancel update", update("task"))
            .add("endpoint", "search show local-id my-shared-endpoint-list", read("endpoint"))
            .add("endpoint permission", "list show", read("permission"))
            .add("endpoint role", "list show", read("role"))
            .add("endpoint server", "list show", read("endpoint"))
            .add("endpoint storage-gateway", "list", read("endpoint"))
            .add("endpoint", "create update set-subscription-id activate deactivate", update("endpoint"))
            .add("endpoint", "delete", delete("endpoint").note("deletes the endpoint: nobody can reach its data through Globus"))
            .add("endpoint permission", "create update delete", grant("permission").note("changes who may read or write the endpoint's paths"))
            .add("endpoint role", "create delete", grant("role").note("changes who manages the endpoint"))
            .add("collection", "list show", read("collection"))
            .add("collection", "create update", update("collection"))
            .add("collection", "delete", delete("collection"))
            .add("gcp", "create set-subscription-id update", update("endpoint"))
            .add("gcs", "collection endpoint storage-gateway user-credential", read("endpoint"))
            .add("bookmark", "list show locate", read("bookmark"))
            .add("bookmark", "create rename delete", update("bookmark"))
            .add("group", "list show", read("group"))
            .add("group member", "list", read("group"))
            .add("group member", "add invite approve reject remove", grant("group").note("changes a group's members: what the group may reach"))
            .add("group", "create update set-policies join leave", grant("group"))
            .add("group", "delete", delete("group"))
            .add("timer", "list show", read("timer"))
            .add("timer", "create", execute("timer").note("schedules transfers that run unattended"))
            .add("timer", "delete pause resume update", update("timer"))
            .add("flows", "list show", read("flow"))
            .add("flows", "start run create update", execute("flow"))
            .add("flows", "delete", delete("flow"))
            .add("search", "query index", read("index"))
            .add("search", "ingest delete-by-query", update("index"))
            .add("", "transfer", create("files").note("copies data onto the destination endpoint"))
            .add("", "mkdir rename", update("files"))
            .add("", "delete rm", delete("files").note("deletes files on the endpoint"))
            .build();

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = COMMANDS.findOrGuess(words, 2, "endpoint");
        CommandTable.Act act = found.act();
        String command = found.command();
        String name = found.name(words);
        if (p.has("--dry-run")) {
            act = read(act.type()).note("only shows what it would do");
        } else if (command.equals("transfer") && p.has("--delete-destination-extra", "--delete")) {
            act = delete("files").many().note("deletes files at the destination that the source does not have");
            name = words.size() > 2 ? words.get(2) : name;
        } else if ((command.equals("delete") || command.equals("rm")) && p.has("-r", "--recursive")) {
            act = act.many().note("deletes the directory and everything below it");
        } else if (!words.isEmpty() && words.getFirst().equals("api")) {
            act = api(words);
        }
        return GridPlacement.place(inv, p, act, "globus", name, Placement.of("host"), "");
    }

    /** {@code globus api SERVICE METHOD PATH}: the method says what the call does. */
    private static CommandTable.Act api(List<String> words) {
        String method = words.size() > 2 ? words.get(2).toUpperCase(Locale.ROOT) : "GET";
        return switch (method) {
            case "GET", "HEAD" -> read("api");
            case "DELETE" -> delete("api");
            default -> update("api");
        };
    }
}
