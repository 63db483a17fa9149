package dev.interlock.cli.install;

import dev.interlock.hooks.Agent;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interlock uninstall AGENT}: takes Interlock's hook out of the agent's configuration, and nothing else. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove Interlock's hook from an agent's configuration; other settings and hooks are kept, a backup is written.")
public final class UninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "AGENT")
    String agentName;

    @Mixin
    Scope scope;

    @Option(names = "--dry-run", description = "Say what would change; write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Agent agent = Installer.agent(agentName);
            HookLayout layout = HookLayout.of(agent, scope.kiroName);
            Installer.Change change = Installer.uninstall(layout, scope.file(layout), dryRun);
            out.println(agent.displayName() + ": " + change.file() + ": " + change.what());
            change.backup().ifPresent(b -> out.println("  backup of the previous file: " + b));
            return 0;
        } catch (InstallException e) {
            spec.commandLine().getErr().println("interlock uninstall: " + e.getMessage());
            return 2;
        }
    }
}
