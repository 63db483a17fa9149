package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.json.DecisionWriter;
import dev.interlock.json.Json;
import dev.interlock.json.RequestFormatException;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Actor;
import dev.interlock.model.Decision;
import dev.interlock.model.Payload;
import dev.interlock.model.Request;
import dev.interlock.model.RequestContext;
import dev.interlock.model.RequestKind;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code interlock check}: decide one command, one JSON request, or a JSON Lines batch. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Decide whether an action may run.",
                "Exit codes: 0 allow, 10 ask, 11 require_approval, 12 deny, 1 internal error (fail closed), 2 usage."},
        footer = {"", "Examples:", "  interlock check --env prod -- kubectl delete ns payments",
                "  echo '{\"kind\":\"sql\",\"statement\":\"DROP TABLE users\"}' | interlock check --request -",
                "  interlock check --batch requests.jsonl > decisions.jsonl"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    EngineOptions engine = new EngineOptions();

    static final class Input {
        @Option(names = "--request", paramLabel = "FILE|-", description = "One JSON request from a file or stdin.")
        String request;

        @Option(names = "--batch", paramLabel = "FILE|-", description = "JSON Lines in, JSON Lines out (same order, id echoed).")
        String batch;
    }

    @ArgGroup(exclusive = true)
    Input input = new Input();

    @Option(names = "--env", paramLabel = "ENV", description = "The environment the command targets (prod, staging, dev, local or an inventory name).")
    String environment;

    @Option(names = "--agent", paramLabel = "A", description = "The agent proposing the command (claude-code, codex, …).")
    String agent = "";

    @Option(names = "--principal", paramLabel = "P", description = "The human the agent works for.")
    String principal = "";

    @Option(names = "--session", paramLabel = "S", description = "The agent session.")
    String session = "";

    @Option(names = "--cwd", paramLabel = "DIR", description = "Working directory of the command (default: the current directory).")
    String cwd;

    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text for a command, json for --request and --batch).")
    String format;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The shell command, after --.")
    List<String> command = List.of();

    @Override
    public Integer call() throws IOException {
        if (format != null && !format.equals("text") && !format.equals("json")) {
            return usage("--format must be text or json, not '" + format + "'");
        }
        if (input.batch == null && input.request == null && command.isEmpty()) {
            return usage("give a command after --, or --request FILE|-, or --batch FILE|-");
        }
        if ((input.batch != null || input.request != null) && !command.isEmpty()) {
            return usage("give either a command or --request/--batch, not both");
        }
        Interlock interlock = engine.build();
        if (input.batch != null) {
            return new BatchRun(interlock, out()).run(reader(input.batch));
        }
        Request request;
        if (input.request != null) {
            String text;
            try (Reader r = reader(input.request)) {
                text = readBounded(r);
            }
            try {
                request = RequestReader.read(text);
            } catch (RequestFormatException e) {
                spec.commandLine().getErr().println("interlock: bad request: " + e.getMessage() + " (the answer is deny)");
                return Main.INTERNAL_ERROR;
            }
        } else {
            String dir = cwd != null ? cwd : System.getProperty("user.dir");
            String home = System.getProperty("user.home");
            request = new Request("", RequestKind.SHELL, new Payload.Shell(String.join(" ", command)),
                    new RequestContext(Optional.ofNullable(environment), Optional.of(dir), Map.of("HOME", home), Optional.empty()),
                    new Actor(principal, agent, session));
        }
        Decision decision = interlock.decide(ManifestReader.withManifests(interlock, request));
        PrintWriter out = spec.commandLine().getOut();
        boolean json = "json".equals(format) || (format == null && input.request != null);
        out.print(json ? DecisionWriter.toJson(decision) + "\n" : new TextRenderer(TextRenderer.terminal()).render(decision));
        out.flush();
        return decision.effect().exitCode();
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("interlock check: " + message);
        spec.commandLine().getErr().println("Try 'interlock check --help'.");
        return Main.USAGE;
    }

    private BufferedWriter out() {
        return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static BufferedReader reader(String source) throws IOException {
        return source.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
    }

    private static String readBounded(Reader r) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) > 0) {
            sb.append(buf, 0, n);
            if (sb.length() > Json.MAX_REQUEST_BYTES) {
                throw new IOException("request is larger than 1 MiB");
            }
        }
        return sb.toString();
    }
}
