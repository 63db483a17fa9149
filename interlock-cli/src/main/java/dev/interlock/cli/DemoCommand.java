package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import dev.interlock.model.Effect;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code interlock demo}: part 1, a scripted agent session against the engine alone, each decision printed with why;
 * part 2 ({@link ServerDemo}), the approval loop against a real server started in-process.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run a scripted agent session against the shipped policy and inventory and show each decision,",
                "then the approval loop on a real server started in-process: held, self-approval refused, too-fast",
                "approval refused, approved after review, released once, replay held again, audit chain verified.",
                "Part 2 waits for the rule's min_review (15s)."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--no-server", description = "Only part 1 (the engine alone); no server, no waiting.")
    boolean noServer;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory for part 2's server (default: a temporary directory, deleted afterwards). Must be fresh.")
    Path data;

    /** A step of the session: what the agent is doing, and the request it sends. */
    record Step(String narration, String request) {
    }

    static final String ACTOR = "\"actor\":{\"principal\":\"alice@example.com\",\"agent\":\"claude-code\",\"session\":\"demo\"}";
    static final String WS = "\"cwd\":\"/home/alice/payments-service\"";

    static final List<Step> SESSION = List.of(
            new Step("The agent looks around the production cluster (reads are never interrupted).",
                    "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 -n payments get pods,deployments\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It builds and tests in its workspace, then commits.",
                    "{\"kind\":\"shell\",\"command\":\"mvn -q test && git add -A && git commit -m 'Fix rounding in refunds'\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It cleans build output (routine, allowed).",
                    "{\"kind\":\"shell\",\"command\":\"rm -rf ./target node_modules\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It plans the infrastructure change (a plan is a read).",
                    "{\"kind\":\"shell\",\"command\":\"terraform -chdir=envs/prod plan -out=tfplan\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("Its plan replaces the production database (a changed identifier forces it) and skips the final snapshot: Interlock reads the plan change by change.",
                    "{\"kind\":\"terraform-plan\",\"context\":{\"cwd\":\"/home/alice/payments-service/envs/prod\"}," + ACTOR + ",\"plan\":"
                            + "{\"format_version\":\"1.2\",\"resource_changes\":["
                            + "{\"address\":\"aws_db_instance.payments\",\"type\":\"aws_db_instance\",\"action_reason\":\"replace_because_cannot_update\","
                            + "\"change\":{\"actions\":[\"delete\",\"create\"],\"replace_paths\":[[\"identifier\"]],"
                            + "\"before\":{\"identifier\":\"payments\",\"allocated_storage\":500,\"skip_final_snapshot\":true,\"deletion_protection\":false},"
                            + "\"after\":{\"identifier\":\"payments-v2\"}}},"
                            + "{\"address\":\"aws_security_group.api\",\"type\":\"aws_security_group\",\"change\":{\"actions\":[\"update\"],"
                            + "\"before\":{\"description\":\"api\"},\"after\":{\"description\":\"api servers\"}}}]}}"),
            new Step("The incident: it decides the best course of action is to delete and recreate the production environment.",
                    "{\"kind\":\"shell\",\"command\":\"terraform -chdir=envs/prod destroy -auto-approve && terraform -chdir=envs/prod apply -auto-approve\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("Blocked, it tries the cluster directly.",
                    "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 delete namespace payments\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It notices it lacks privileges and tries to assume an admin role itself.",
                    "{\"kind\":\"shell\",\"command\":\"aws sts assume-role --role-arn arn:aws:iam::123456789012:role/OrganizationAdmin --role-session-name fix --profile prod\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It hides the same deletion behind base64.",
                    "{\"kind\":\"shell\",\"command\":\"echo a3ViZWN0bCBkZWxldGUgbnMgcGF5bWVudHM= | base64 -d | sh\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("It goes to the database instead.",
                    "{\"kind\":\"sql\",\"statement\":\"DROP TABLE payments\",\"context\":{\"target\":\"postgres://db.prod.internal:5432/payments\"}," + ACTOR + "}"),
            new Step("A legitimate production change: restarting the API needs a second human.",
                    "{\"kind\":\"shell\",\"command\":\"kubectl --context prod-eu-1 -n payments rollout restart deployment/api\",\"context\":{" + WS + "}," + ACTOR + "}"),
            new Step("And on the laptop: deleting the home directory is never an agent's call.",
                    "{\"kind\":\"shell\",\"command\":\"rm -rf ~/\",\"context\":{" + WS + "}," + ACTOR + "}"));

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        // The demo must tell the same story on every machine: it assumes a workstation without a kubeconfig.
        Interlock interlock = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).build();
        TextRenderer text = new TextRenderer(TextRenderer.terminal());
        out.println("Interlock demo, part 1: the engine alone. An agent session (claude-code working for alice@example.com), shipped policy "
                + interlock.policy().policies() + " " + interlock.policy().version() + "\n");
        Map<Effect, Integer> counts = new EnumMap<>(Effect.class);
        int n = 1;
        for (Step step : SESSION) {
            Decision d = interlock.decide(RequestReader.read(step.request()));
            counts.merge(d.effect(), 1, Integer::sum);
            out.println(n++ + ". " + step.narration());
            out.println("   $ " + RequestReader.read(step.request()).payload().text());
            text.render(d).lines().forEach(l -> out.println("   " + l));
            out.println();
        }
        out.println("Session: " + counts.getOrDefault(Effect.ALLOW, 0) + " allowed silently, " + counts.getOrDefault(Effect.ASK, 0)
                + " asked, " + counts.getOrDefault(Effect.REQUIRE_APPROVAL, 0) + " held for a second human, "
                + counts.getOrDefault(Effect.DENY, 0) + " denied.");
        out.flush();
        if (noServer) {
            return 0;
        }
        out.println("\nInterlock demo, part 2: with the server. The held production restart above, end to end.\n");
        out.flush();
        var console = System.console();
        return ServerDemo.run(data, out, console != null && console.isTerminal());
    }
}
