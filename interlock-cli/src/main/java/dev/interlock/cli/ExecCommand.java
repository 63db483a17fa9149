package dev.interlock.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.Interlock;
import dev.interlock.json.Json;
import dev.interlock.model.Actor;
import dev.interlock.model.Effect;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code interlock exec -- CMD ARGS…}: decide, then run the command only if it is allowed. The argv is executed
 * directly (never through a shell), and what is judged is that argv quoted back into one command line. Any error
 * before the command starts means it does not run.
 */
@Command(name = "exec", mixinStandardHelpOptions = true,
        description = {"Decide, then run the command only if it is allowed (never through a shell).",
                "With a server ($INTERLOCK_URL or --server) the server decides, can hold the command for approval"
                        + " (--wait to wait for it) and is told the exit code; without one the embedded engine decides.",
                "ask: exec has no one to ask, so it runs only with --yes (you, the human running exec, are the answer).",
                "Exit codes: the command's own when it ran; 10 ask, 11 require_approval (still held), 12 deny,"
                        + " 1 internal error (not run: fail closed), 2 usage."},
        footer = {"", "Examples:", "  interlock exec -- kubectl get pods -n payments",
                "  INTERLOCK_URL=http://127.0.0.1:8470 INTERLOCK_TOKEN=il_… interlock exec --wait 10m --env prod -- kubectl rollout restart deployment/api -n payments"})
final class ExecCommand implements Callable<Integer> {

    /** Each long-poll stays under proxies' idle timeouts; the overall wait is --wait. */
    static final Duration CHUNK = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--wait", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "When held for approval, wait up to this long for a reviewer (server only; e.g. 10m).")
    Duration wait;

    @Option(names = "--env", paramLabel = "ENV", description = "The environment the command targets (prod, staging, dev, local or an inventory name).")
    String environment;

    @Option(names = "--session", paramLabel = "S", description = "The agent session (default: $INTERLOCK_SESSION).")
    String session;

    @Option(names = "--yes", description = "Run a command whose decision is ask (you have looked at it).")
    boolean yes;

    @Parameters(paramLabel = "CMD", arity = "1..*", description = "The command and its arguments, after --.")
    List<String> argv = List.of();

    /** This process's environment; tests substitute their own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() {
        boolean remote = server.named();
        if (remote && (engine.policy != null || engine.inventory != null)) {
            return Cli.usage(spec, "--policy and --inventory are for deciding locally; the server at " + server.url() + " uses its own policy");
        }
        if (!remote && wait != null) {
            return Cli.usage(spec, "--wait needs a server to wait on (set INTERLOCK_URL or --server)");
        }
        PrintWriter err = spec.commandLine().getErr();
        Optional<CheckedApply> apply = CheckedApply.of(argv);
        if (apply.isPresent()) {
            return new CheckedApplyRun(this, apply.get()).run();
        }
        Verdict verdict;
        ServerClient client = null;
        try {
            if (remote) {
                client = server.client();
                verdict = remoteDecision(client, err, requestBody());
            } else {
                verdict = localDecision();
            }
        } catch (RuntimeException e) {
            err.println("interlock exec: " + message(e) + "; the command was not run (fail closed)");
            err.flush();
            return Main.INTERNAL_ERROR;
        }
        ServerClient reporter = client;
        Verdict decided = verdict;
        return act(decided, remote, () -> run(reporter, decided, argv));
    }

    /** Runs {@code command} when the verdict allows it (or asks and --yes answered); otherwise says why not. */
    int act(Verdict verdict, boolean remote, java.util.function.IntSupplier command) {
        return switch (verdict.effect()) {
            case ALLOW -> command.getAsInt();
            case ASK -> {
                if (yes) {
                    yield command.getAsInt();
                }
                yield refuse(verdict, "not run: exec has no one to ask; re-run with --yes if you mean it");
            }
            case REQUIRE_APPROVAL -> refuse(verdict, remote
                    ? "not run: still waiting for approval" + (verdict.approvalId().isEmpty() ? "" : " (interlock approvals show " + verdict.approvalId() + ")")
                            + (wait == null ? "; re-run with --wait 10m to wait for a reviewer" : "")
                    : "not run: approvals need a server (interlock serve; set INTERLOCK_URL)");
            case DENY -> refuse(verdict, "not run");
        };
    }

    private Verdict localDecision() {
        Map<String, String> context = ExecEnvironment.capture(env);
        Request request = new Request("", RequestKind.SHELL, new Payload.Shell(ShellQuote.join(argv)),
                new RequestContext(Optional.ofNullable(environment), Optional.of(cwd()), context, Optional.empty()),
                new Actor("", "", session()));
        Interlock interlock = engine.build();
        return Verdict.of(interlock.decide(ManifestReader.withManifests(interlock, request)));
    }

    Verdict remoteDecision(ServerClient client, PrintWriter err, ObjectNode body) {
        Verdict verdict = Verdict.of(client.post("/v1/decisions", body));
        if (verdict.effect() != Effect.REQUIRE_APPROVAL || wait == null || wait.isZero()) {
            return verdict;
        }
        err.println("interlock exec: waiting up to " + Durations.human(wait) + " for approval: " + verdict.line());
        if (!verdict.approvalId().isEmpty()) {
            err.println("interlock exec: approve at " + (verdict.approvalUrl().isEmpty() ? "" : verdict.approvalUrl() + " or with ")
                    + "interlock approvals show " + verdict.approvalId());
        }
        err.flush();
        Instant deadline = Instant.now().plus(wait);
        while (verdict.effect() == Effect.REQUIRE_APPROVAL) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.toSeconds() < 1) {
                break;
            }
            Duration chunk = left.compareTo(CHUNK) < 0 ? left : CHUNK;
            verdict = Verdict.of(client.post("/v1/decisions?wait=" + Durations.wire(chunk), body, chunk));
        }
        return verdict;
    }

    /** The request the server judges: the quoted argv, where it runs, and the variables that steer where it lands. */
    ObjectNode requestBody() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("kind", "shell");
        body.put("command", ShellQuote.join(argv));
        ObjectNode context = body.putObject("context");
        context.put("cwd", cwd());
        if (environment != null && !environment.isBlank()) {
            context.put("environment", environment);
        }
        ObjectNode vars = context.putObject("env");
        ExecEnvironment.capture(env).forEach(vars::put);
        String s = session();
        if (!s.isEmpty()) {
            body.putObject("actor").put("session", s);
        }
        return body;
    }

    int run(ServerClient client, Verdict verdict, List<String> command) {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        int exit;
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            exit = p.waitFor();
        } catch (IOException e) {
            err.println("interlock exec: cannot run " + command.getFirst() + ": " + message(e));
            exit = 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interlock exec: interrupted while " + command.getFirst() + " ran");
            exit = 130;
        }
        if (client != null && !verdict.decisionId().isEmpty()) {
            ObjectNode report = Json.MAPPER.createObjectNode();
            report.put("decision_id", verdict.decisionId());
            report.put("exit_code", exit);
            report.put("duration_ms", Duration.ofNanos(System.nanoTime() - start).toMillis());
            try {
                client.post("/v1/executions", report);
            } catch (RuntimeException e) {
                err.println("interlock exec: warning: the command ran (exit " + exit + ") but reporting it to the server failed: " + message(e));
            }
        }
        err.flush();
        return exit;
    }

    private int refuse(Verdict verdict, String what) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("interlock exec: " + verdict.line());
        err.println("interlock exec: " + what);
        err.flush();
        return verdict.effect().exitCode();
    }

    String session() {
        return session != null ? session : env.getOrDefault("INTERLOCK_SESSION", "");
    }

    static String cwd() {
        return System.getProperty("user.dir");
    }

    static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.toString() : e.getMessage();
    }
}
