package dev.interlock.cli.install;

import dev.interlock.hooks.Agent;
import dev.interlock.hooks.HookAnswer;
import dev.interlock.hooks.SamplePayloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code interlock verify [AGENT]}: proves on this machine that each installed hook intercepts. It runs the hook
 * command from the agent's configuration exactly as the agent would ({@code sh -c COMMAND}, the agent's payload on
 * stdin) with a destructive call (must block), a harmless one (must not), and with the decision path broken (must
 * block), and reports the harmless call's latency.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prove that installed hooks intercept: run each agent's configured hook command as the agent would,",
                "with a destructive call (must block), a harmless one (must pass), and a broken decision path (must block).",
                "Exit 0 when every installed hook passes; 1 otherwise (or when none is installed)."})
public final class VerifyCommand implements Callable<Integer> {

    static final String DESTRUCTIVE = "rm -rf ~/";
    static final String HARMLESS = "git status --short";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "AGENT", description = "One agent (default: every agent).")
    String agentName;

    @Mixin
    Scope scope;

    record Run(HookAnswer answer, long millis) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Agent> agents;
        try {
            agents = agentName == null ? Arrays.asList(Agent.values()) : List.of(Installer.agent(agentName));
        } catch (InstallException e) {
            spec.commandLine().getErr().println("interlock verify: " + e.getMessage());
            return 2;
        }
        int installed = 0;
        int failed = 0;
        for (Agent agent : agents) {
            HookLayout layout = HookLayout.of(agent, scope.kiroName);
            Path file = scope.file(layout);
            Optional<String> command;
            try {
                command = Installer.installedCommand(layout, file);
            } catch (InstallException e) {
                out.println(agent.displayName() + ": FAIL  " + e.getMessage());
                failed++;
                continue;
            }
            if (command.isEmpty()) {
                if (agentName != null) {
                    out.println(agent.displayName() + ": not installed in " + file + " (interlock install " + agent.id() + ")");
                }
                continue;
            }
            installed++;
            failed += verify(agent, file, command.get(), out) ? 0 : 1;
        }
        if (installed == 0 && failed == 0) {
            out.println("no Interlock hook is installed " + (scope.isUser() ? "for this user" : "in " + scope.projectDir())
                    + "; install one with: interlock install AGENT");
            return 1;
        }
        return failed == 0 ? 0 : 1;
    }

    private boolean verify(Agent agent, Path file, String command, PrintWriter out) {
        String cwd = scope.projectDir().toString();
        out.println(agent.displayName() + ": installed in " + file);
        out.println("  hook command: " + command);
        boolean ok = true;
        Run destructive = run(command, SamplePayloads.shell(agent, DESTRUCTIVE, cwd), Map.of());
        ok &= report(out, "blocks a destructive call (" + DESTRUCTIVE + ")", destructive.answer().blocks(agent), destructive);
        List<Long> times = new ArrayList<>();
        boolean passes = true;
        Run harmless = null;
        for (int i = 0; i < 3; i++) {
            harmless = run(command, SamplePayloads.shell(agent, HARMLESS, cwd), Map.of());
            passes &= harmless.answer().exitCode() == 0 && !harmless.answer().blocks(agent);
            times.add(harmless.millis());
        }
        ok &= report(out, "lets a harmless call through (" + HARMLESS + ")", passes, harmless);
        Run unreachable = run(command, SamplePayloads.shell(agent, HARMLESS, cwd),
                Map.of("INTERLOCK_URL", "http://127.0.0.1:1", "INTERLOCK_HOOK_TIMEOUT", "5"));
        ok &= report(out, "blocks when its decider cannot be reached", unreachable.answer().blocks(agent), unreachable);
        if (!command.contains("interlock-hook-client")) {
            if (!command.contains("--policy")) {
                Run broken = run(command, SamplePayloads.shell(agent, HARMLESS, cwd), Map.of("INTERLOCK_POLICY", cwd + "/.interlock-verify-no-such-policy"));
                ok &= report(out, "blocks when its policy cannot be loaded", broken.answer().blocks(agent), broken);
            }
            // The in-process watchdog: a warm local decider may well answer within the millisecond.
            Run late = run(command, SamplePayloads.shell(agent, HARMLESS, cwd), Map.of("INTERLOCK_HOOK_TIMEOUT", "0.001", "INTERLOCK_DECIDER", "off"));
            ok &= report(out, "blocks when it cannot decide in time", late.answer().blocks(agent), late);
        }
        times.sort(null);
        out.println("  latency (harmless call, median of 3, whole process): " + times.get(1) + " ms");
        if (!command.contains("interlock-hook-client")) {
            out.println("  local decider: " + deciderState());
        }
        out.println("  " + (ok ? "OK" : "FAILED: this agent's tool calls are not reliably checked"));
        return ok;
    }

    /** Whether the local decider answers on this user's socket (the hooks then take ~50 ms instead of a JVM start). */
    private static String deciderState() {
        String socket = System.getProperty("interlock.decider", "");
        if (socket.isBlank()) {
            return "unknown (run verify through the interlock launcher)";
        }
        try (java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            ch.connect(java.net.UnixDomainSocketAddress.of(socket));
            return "running (" + socket + "); later calls are answered warm";
        } catch (IOException | RuntimeException e) {
            return "not running; the next call decides in its own JVM and starts it (INTERLOCK_DECIDER=off keeps it off)";
        }
    }

    private static boolean report(PrintWriter out, String what, boolean passed, Run run) {
        out.println("  " + (passed ? "ok    " : "FAIL  ") + what + (passed ? "" : "; the hook answered: exit " + run.answer().exitCode()
                + " " + abbreviate(run.answer().stdout() + run.answer().stderr())));
        return passed;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }

    /** As the agent runs it: {@code sh -c COMMAND}, payload on stdin, in the project directory. */
    private Run run(String command, String payload, Map<String, String> env) {
        long start = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", command).directory(scope.projectDir().toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            p.getOutputStream().write(payload.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Run(new HookAnswer("", "did not answer within 60 s", 124), elapsed(start));
            }
            return new Run(new HookAnswer(stdout, new String(err.join(), StandardCharsets.UTF_8), p.exitValue()), elapsed(start));
        } catch (IOException e) {
            return new Run(new HookAnswer("", "cannot run it: " + e.getMessage(), 127), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(new HookAnswer("", "interrupted", 130), elapsed(start));
        }
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
