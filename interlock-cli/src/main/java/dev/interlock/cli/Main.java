package dev.interlock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point. Exit codes: 0 allow, 10 ask, 11 require_approval, 12 deny, 1 internal error (fail closed), 2 usage. */
@Command(name = "interlock", mixinStandardHelpOptions = true, version = "interlock 0.1.0",
        description = "Hard action boundaries between AI agents and production infrastructure.",
        subcommands = {CheckCommand.class, ExecCommand.class, DeciderCommand.class, PlanCommand.class, McpCommand.class, PolicyCommand.class, ReplayCommand.class, IncidentCommand.class, ReportCommand.class, ServeCommand.class, DemoCommand.class,
                ApprovalsCommand.class, GrantsCommand.class, AuditCommand.class, TokenCommand.class,
                dev.interlock.cli.install.InstallCommand.class, dev.interlock.cli.install.UninstallCommand.class,
                dev.interlock.cli.install.VerifyCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("hook")) {
            dev.interlock.cli.hook.HookMain.main(args);
        }
        System.exit(run(args));
    }

    static int run(String... args) {
        return run(null, null, args);
    }

    /** As {@link #run(String...)}, printing to {@code out} and {@code err} (when not null) instead of stdout/stderr. */
    static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        if (out != null) {
            cli.setOut(out);
        }
        if (err != null) {
            cli.setErr(err);
        }
        // exec's argv is the user's command: after its first word, nothing is ours to parse (exec kubectl get -n x).
        cli.getSubcommands().get("exec").setStopAtPositional(true);
        cli.setExitCodeExceptionMapper(e -> INTERNAL_ERROR);
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("interlock: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("interlock: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return INTERNAL_ERROR;
        });
        try {
            return cli.execute(args);
        } catch (LinkageError e) {
            // picocli's handler sees Exceptions only: a class that failed to load is an internal error too, said in one line
            cli.getErr().println("interlock: internal error: " + (e.getCause() == null ? e : e.getCause()));
            return INTERNAL_ERROR;
        }
    }
}
