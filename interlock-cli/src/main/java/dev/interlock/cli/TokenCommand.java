package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock token create|list|revoke}: who may talk to the server, as whom (admin token). */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manage the bearer tokens of an Interlock server (needs an admin token).",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

    private static final Set<String> ROLES = Set.of("agent", "approver", "admin");

    static final Table LIST = new Table(List.of("id", "role", "principal", "agent", "groups", "created", "state", "description"),
            List.of(0, 8, 32, 16, 24, 16, 8, 40));

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a token; its secret is printed once and cannot be shown again.",
            footer = {"", "Examples:", "  interlock token create --role agent --principal alice@example.com --agent claude-code",
                    "  interlock token create --role approver --principal bob@example.com --group sre"})
    static final class Create extends ServerSubcommand {
        @Option(names = "--role", required = true, paramLabel = "agent|approver|admin", description = "What the token may do.")
        String role;

        @Option(names = "--principal", required = true, paramLabel = "P", description = "The human the token acts for.")
        String principal;

        @Option(names = "--agent", paramLabel = "A", description = "The agent (agent tokens: claude-code, codex, …).")
        String agent;

        @Option(names = "--group", paramLabel = "G", description = "An approver group (repeatable), e.g. sre.")
        List<String> groups = new ArrayList<>();

        @Option(names = "--description", paramLabel = "D", description = "Where the token lives (\"alice laptop\").")
        String description;

        @Override
        public Integer call() {
            if (!ROLES.contains(role)) {
                return Cli.usage(spec, "--role must be agent, approver or admin, not '" + role + "'");
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("role", role);
            body.put("principal", principal);
            if (agent != null) {
                body.put("agent", agent);
            }
            if (!groups.isEmpty()) {
                groups.forEach(body.putArray("groups")::add);
            }
            if (description != null) {
                body.put("description", description);
            }
            JsonNode answer = server.client().post("/v1/tokens", body);
            PrintWriter out = spec.commandLine().getOut();
            out.println(Answers.text(answer, "token"));
            out.flush();
            spec.commandLine().getErr().println("token " + Answers.text(answer, "id") + " (" + role + " for " + principal
                    + "): the secret above is shown once and will not be shown again; store it now.");
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    static String table(List<JsonNode> tokens) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : tokens) {
            List<String> groups = Answers.items(t.path("groups"), "").stream().map(JsonNode::asText).toList();
            rows.add(List.of(Answers.text(t, "id"), Answers.text(t, "role"), Answers.text(t, "principal"),
                    Answers.text(t, "agent"), String.join(",", groups), Answers.instant(t, "created_at").map(c -> c.toString().substring(0, 16).replace('T', ' ')).orElse(""),
                    Answers.text(t, "revoked_at").isEmpty() ? "active" : "revoked", Answers.text(t, "description")));
        }
        return LIST.render(rows);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Tokens (never their secrets).")
    static final class ListTokens extends ServerSubcommand {
        @Mixin
        TextOrJson output = new TextOrJson();

        @Override
        public Integer call() {
            if (!output.valid(spec)) {
                return Main.USAGE;
            }
            return Answers.printList(spec, output.format, server.client().get("/v1/tokens"), "tokens", "tokens", TokenCommand::table);
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token: it is refused from now on.")
    static final class Revoke extends ServerSubcommand {
        @Parameters(paramLabel = "ID", description = "The token's id (from list; not its secret).")
        String id;

        @Override
        public Integer call() {
            server.client().delete("/v1/tokens/" + ServerClient.encode(id));
            return say("revoked token " + id);
        }
    }
}
