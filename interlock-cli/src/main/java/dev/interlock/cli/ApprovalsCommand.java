package dev.interlock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.json.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code interlock approvals list|show|approve|deny}: a reviewer's side of held requests, against a server. */
@Command(name = "approvals", mixinStandardHelpOptions = true,
        description = "Review requests held for approval on an Interlock server (needs an approver token).",
        subcommands = {ApprovalsCommand.ListApprovals.class, ApprovalsCommand.Show.class,
                ApprovalsCommand.Approve.class, ApprovalsCommand.Deny.class})
final class ApprovalsCommand {

    private static final Set<String> STATES = Set.of("pending", "approved", "denied", "consumed", "expired", "all");

    /** Accepts a full id or the short form {@code list} shows: a prefix that names exactly one approval. */
    static String resolve(ServerClient client, String id) {
        return Answers.resolveId(client, "/v1/approvals?state=all", "approvals", id);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Approvals in a table: the newest first.")
    static final class ListApprovals extends ServerSubcommand {
        @Option(names = "--state", paramLabel = "STATE", description = "pending (default), approved, denied, consumed, expired or all.")
        String state = "pending";

        @Mixin
        TextOrJson output = new TextOrJson();

        @Override
        public Integer call() {
            if (!STATES.contains(state)) {
                return Cli.usage(spec, "--state must be one of pending, approved, denied, consumed, expired, all; not '" + state + "'");
            }
            if (!output.valid(spec)) {
                return Main.USAGE;
            }
            JsonNode answer = server.client().get("/v1/approvals?state=" + ServerClient.encode(state));
            return Answers.printList(spec, output.format, answer, "approvals", (state.equals("all") ? "" : state + " ") + "approvals",
                    items -> ApprovalView.table(items, Instant.now()));
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"One approval in full: what the agent wants, why it is held, the terms, the reviews.",
                    "Showing it records your first view on the server: min_review counts from then."})
    static final class Show extends ServerSubcommand {
        @Parameters(paramLabel = "ID", description = "The approval (the short id from list is enough).")
        String id;

        @Mixin
        TextOrJson output = new TextOrJson();

        @Override
        public Integer call() {
            if (!output.valid(spec)) {
                return Main.USAGE;
            }
            ServerClient client = server.client();
            JsonNode a = client.get("/v1/approvals/" + ServerClient.encode(resolve(client, id)));
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.format.equals("json") ? Answers.json(a) + "\n" : ApprovalView.show(a, Instant.now()));
            out.flush();
            return 0;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = {"Approve a held request (or, with --grant-pattern, a bounded class of them).",
                    "The server refuses an approval given sooner than min_review after your first view (see show)."})
    static final class Approve extends ServerSubcommand {
        @Parameters(paramLabel = "ID", description = "The approval.")
        String id;

        @Option(names = "--comment", paramLabel = "C", description = "Why this is fine; recorded in the audit log.")
        String comment = "";

        @Option(names = "--confirm", paramLabel = "NAME", description = "The resource's name, when the rule says confirm: resource-name.")
        String confirm;

        @Option(names = "--grant-pattern", paramLabel = "P",
                description = "Approve every operation whose address matches P (e.g. kubernetes:payments/deployment/*) for a while.")
        String grantPattern;

        @Option(names = "--grant-scope", paramLabel = "session|principal", description = "Who the grant covers (default: session).")
        String grantScope = "session";

        @Option(names = "--grant-for", paramLabel = "DURATION", converter = Durations.Converter.class,
                description = "How long the grant lasts (e.g. 20m); at most the rule's max_grant.")
        Duration grantFor;

        @Override
        public Integer call() {
            if (grantPattern == null && grantFor != null) {
                return Cli.usage(spec, "--grant-for needs --grant-pattern");
            }
            if (grantPattern != null && grantFor == null) {
                return Cli.usage(spec, "--grant-pattern needs --grant-for DURATION (e.g. 20m)");
            }
            if (!grantScope.equals("session") && !grantScope.equals("principal")) {
                return Cli.usage(spec, "--grant-scope must be session or principal, not '" + grantScope + "'");
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("comment", comment);
            if (confirm != null) {
                body.put("confirm", confirm);
            }
            if (grantPattern != null) {
                ObjectNode grant = body.putObject("grant");
                grant.put("pattern", grantPattern);
                grant.put("scope", grantScope);
                grant.put("duration", Durations.wire(grantFor));
            }
            ServerClient client = server.client();
            String full = resolve(client, id);
            JsonNode answer = client.post("/v1/approvals/" + ServerClient.encode(full) + "/approve", body);
            PrintWriter out = spec.commandLine().getOut();
            String state = Answers.text(answer, "state");
            out.println("approved " + full + (state.isEmpty() ? "" : ": now " + state)
                    + (state.equals("approved") ? " (the agent's next identical request runs, once)" : ""));
            if (grantPattern != null) {
                out.println("granted " + grantPattern + " (" + grantScope + ") for " + Durations.human(grantFor)
                        + " at most; see interlock grants list");
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "deny", mixinStandardHelpOptions = true,
            description = "Deny a held request; the agent's next identical request is told your reason.")
    static final class Deny extends ServerSubcommand {
        @Parameters(paramLabel = "ID", description = "The approval.")
        String id;

        @Option(names = "--reason", paramLabel = "R", required = true, description = "Why; the agent is told.")
        String reason;

        @Override
        public Integer call() {
            if (reason.isBlank()) {
                return Cli.usage(spec, "--reason must say why (the agent is told)");
            }
            ObjectNode body = Json.MAPPER.createObjectNode();
            body.put("reason", reason);
            ServerClient client = server.client();
            String full = resolve(client, id);
            client.post("/v1/approvals/" + ServerClient.encode(full) + "/deny", body);
            return say("denied " + full + ": " + reason);
        }
    }
}
