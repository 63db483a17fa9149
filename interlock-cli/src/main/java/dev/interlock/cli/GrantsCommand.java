package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code interlock grants list|revoke}: the bounded classes of actions reviewers approved for a while. */
@Command(name = "grants", mixinStandardHelpOptions = true,
        description = "Grants given with 'approvals approve --grant-pattern', on an Interlock server (approver token).",
        subcommands = {GrantsCommand.ListGrants.class, GrantsCommand.Revoke.class})
final class GrantsCommand {

    static final Table LIST = new Table(List.of("id", "pattern", "scope", "for", "left", "uses", "approval"),
            List.of(0, 48, 9, 36, 6, 5, 0));

    static String table(List<JsonNode> grants, Instant now) {
        Map<String, String> ids = Answers.shortIds(grants.stream().map(g -> Answers.text(g, "id")).toList());
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode g : grants) {
            String who = Answers.text(g, "scope").equals("principal") ? Answers.text(g, "principal")
                    : Answers.text(g, "session").isEmpty() ? Answers.text(g, "principal") : "session " + Answers.text(g, "session");
            String left = Answers.text(g, "revoked_at").isEmpty()
                    ? Answers.instant(g, "expires_at").map(t -> now.isBefore(t) ? Durations.human(Duration.between(now, t)) : "expired").orElse("?")
                    : "revoked";
            rows.add(List.of(ids.get(Answers.text(g, "id")), Answers.first(g, "pattern", "patterns", "resource_patterns"), Answers.text(g, "scope"), who, left,
                    Answers.text(g, "uses"), Answers.shortIds(List.of(Answers.text(g, "approval_id"))).get(Answers.text(g, "approval_id"))));
        }
        return LIST.render(rows);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Grants in a table.")
    static final class ListGrants extends ServerSubcommand {
        @Mixin
        TextOrJson output = new TextOrJson();

        @Override
        public Integer call() {
            if (!output.valid(spec)) {
                return Main.USAGE;
            }
            return Answers.printList(spec, output.format, server.client().get("/v1/grants"), "grants", "grants",
                    items -> table(items, Instant.now()));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "End a grant now; held requests it covered are held again.")
    static final class Revoke extends ServerSubcommand {
        @Parameters(paramLabel = "ID", description = "The grant (the short id from list is enough).")
        String id;

        @Override
        public Integer call() {
            ServerClient client = server.client();
            String full = Answers.resolveId(client, "/v1/grants", "grants", id);
            client.post("/v1/grants/" + ServerClient.encode(full) + "/revoke", null);
            return say("revoked grant " + full);
        }
    }
}
