package dev.interlock.cli.hook;

import dev.interlock.hooks.Agent;
import dev.interlock.hooks.AgentSide;
import dev.interlock.hooks.AnswerWriter;
import dev.interlock.hooks.HookAnswer;
import dev.interlock.hooks.HookRunner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code interlock hook AGENT [--policy DIR] [--inventory FILE] [--timeout SECONDS]}: reads the agent's payload on
 * stdin and answers in that agent's format. With {@code INTERLOCK_URL} set the server decides (and holds approvals
 * and the audit log); otherwise the decision is made here from the policy and inventory. Deliberately not a picocli
 * command: this runs before every tool call, and start-up is its latency.
 *
 * <p>Every failure blocks: a watchdog answers "blocked" before the agent's own timeout would let the call through,
 * and an exception never escapes as exit 1 (which agents treat as "proceed").
 */
public final class HookMain {

    static final Duration DEFAULT_BUDGET = Duration.ofSeconds(20);

    private HookMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        HookOptions options;
        try {
            options = HookOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("interlock hook: " + e.getMessage());
            err.println("usage: interlock hook AGENT [--policy DIR] [--inventory FILE] [--timeout SECONDS]   (AGENT: " + Agent.names() + ")");
            return HookAnswer.BLOCK;
        }
        if (options.help()) {
            out.println("usage: interlock hook AGENT [--policy DIR] [--inventory FILE] [--timeout SECONDS]");
            out.println("Reads AGENT's pre-tool-call JSON on stdin and answers in AGENT's format. AGENT: " + Agent.names());
            out.println("With INTERLOCK_URL (and INTERLOCK_TOKEN) set, the server decides; otherwise this machine does.");
            return 0;
        }
        Agent agent = options.agent();
        Watchdog watchdog = Watchdog.start(options.budget(), () -> emit(AnswerWriter.failure(agent,
                "no decision within " + options.budget().toSeconds() + " s"), out, err));
        HookAnswer decided;
        try {
            byte[] payload = readAll(in);
            AgentSide side = AgentSide.detect();
            decided = options.serverUrl().isEmpty()
                    ? HookRunner.run(agent, payload, side, LocalDecider.create(options)::decide)
                    : ServerHook.ask(options, agent, payload, side);
        } catch (IOException e) {
            decided = AnswerWriter.failure(agent, "cannot read the payload: " + e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            decided = AnswerWriter.failure(agent, "internal error: " + e);
        }
        HookAnswer answer = decided;
        return watchdog.finish(() -> emit(answer, out, err));
    }

    private static int emit(HookAnswer answer, PrintStream out, PrintStream err) {
        if (!answer.stdout().isEmpty()) {
            out.print(answer.stdout());
            out.flush();
        }
        if (!answer.stderr().isEmpty()) {
            err.print(answer.stderr());
            err.flush();
        }
        return answer.exitCode();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(dev.interlock.hooks.PayloadReader.MAX_PAYLOAD_BYTES + 1);
        return bytes;
    }

    /** Where the hook's policy and inventory come from: flags, else INTERLOCK_POLICY / INTERLOCK_INVENTORY, else shipped. */
    record HookOptions(Agent agent, Path policy, Path inventory, Duration budget, String serverUrl, String token, boolean help) {

        static HookOptions parse(String[] args, Map<String, String> env) {
            Agent agent = null;
            Path policy = path(env.get("INTERLOCK_POLICY"));
            Path inventory = path(env.get("INTERLOCK_INVENTORY"));
            Duration budget = DEFAULT_BUDGET;
            if (env.containsKey("INTERLOCK_HOOK_TIMEOUT")) {
                budget = seconds(env.get("INTERLOCK_HOOK_TIMEOUT"));
            }
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "hook" -> {
                        if (i != 0) {
                            throw new IllegalArgumentException("unexpected 'hook'");
                        }
                    }
                    case "-h", "--help" -> help = true;
                    case "--policy" -> policy = Path.of(value(args, ++i, a));
                    case "--inventory" -> inventory = Path.of(value(args, ++i, a));
                    case "--timeout" -> budget = seconds(value(args, ++i, a));
                    default -> {
                        if (a.startsWith("-") || agent != null) {
                            throw new IllegalArgumentException("unknown argument '" + a + "'");
                        }
                        agent = Agent.parse(a);
                    }
                }
            }
            if (agent == null && !help) {
                throw new IllegalArgumentException("which agent? name one of " + Agent.names());
            }
            String url = env.getOrDefault("INTERLOCK_URL", "").strip();
            return new HookOptions(agent, policy, inventory, budget, url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                    env.getOrDefault("INTERLOCK_TOKEN", ""), help);
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static Path path(String s) {
            return s == null || s.isBlank() ? null : Path.of(s);
        }

        private static Duration seconds(String s) {
            try {
                Duration d = Duration.ofMillis((long) (Double.parseDouble(s.strip()) * 1000));
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("the timeout must be positive, not '" + s + "'");
                }
                return d;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the timeout is a number of seconds, not '" + s + "'");
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
