package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Optional;

/**
 * What changing a file stands for, when its kind says more than "a file changed": Terraform state (what the next
 * apply believes exists), a credential file, a CI pipeline, deployment code. One answer for the edit tools and the shell.
 */
public final class FileMeaning {

    private FileMeaning() {
    }

    /** The operation changing {@code resolvedPath} stands for, or empty for files whose kind adds nothing. */
    public static Optional<Operation.Builder> of(String resolvedPath, Workspace ws, boolean delete, String does) {
        FileKind kind = FileKind.of(resolvedPath, ws);
        return switch (kind) {
            // State is Terraform's record of real infrastructure: lose or corrupt it and resources are orphaned or destroyed.
            case TERRAFORM_STATE -> Optional.of(Operation.builder("terraform", delete ? Verb.DELETE : Verb.UPDATE)
                    .resource("state", resolvedPath).locator("directory", parent(resolvedPath)).stateful(true).reversible(false)
                    .note(does + "Terraform state by hand: resources it no longer records are orphaned, or destroyed on the next apply"));
            case CREDENTIALS -> freshKey(resolvedPath, ws, delete, does) ? Optional.empty()
                    : Optional.of(local(resolvedPath, Verb.CREDENTIAL, "file", ws).note(does + "a credential or secret file"));
            case ACCESS_GRANTS -> Optional.of(local(resolvedPath, delete ? Verb.DELETE : Verb.ESCALATE, "login", ws).reversible(!delete)
                    .note(does + "who may log in to this machine (" + resolvedPath.substring(resolvedPath.lastIndexOf('/') + 1) + ")"));
            // Anything but an append erases what it held.
            case COMMAND_HISTORY -> Optional.of(local(resolvedPath, delete || !does.startsWith("appends") ? Verb.DELETE : Verb.UPDATE, "history", ws)
                    .stateful(true).reversible(false)
                    .note(does + "a command history: the record of what was run on this machine, which an incident review reads"));
            case STARTUP_FILE -> Optional.of(local(resolvedPath, delete ? Verb.DELETE : Verb.UPDATE, "startup-file", ws).system("startup")
                    .note(does + "a file that runs by itself later (every new shell, a git hook, a login or cron): what it holds"
                            + " runs without being asked again"));
            case COMMAND_CONFIG -> Optional.of(local(resolvedPath, delete ? Verb.DELETE : Verb.UPDATE, "command-config", ws).system("startup")
                    .note(does + "a tool's configuration that names commands it runs later or where its packages come from"
                            + " (ProxyCommand, core.sshCommand, credential_process, a package index)"));
            case CI_PIPELINE -> Optional.of(local(resolvedPath, delete ? Verb.DELETE : Verb.UPDATE, "pipeline", ws).system("ci")
                    .note(does + "a CI pipeline: once pushed it runs with the repository's deploy credentials"));
            // Deleting it is a plain file deletion (routine for a dev database in the workspace); overwriting it or moving
            // it from under its database is the same loss in a form that does not look like one.
            case DATABASE_FILE -> does.startsWith("overwrites") || does.startsWith("moves away") || does.startsWith("replaces")
                    ? Optional.of(local(resolvedPath, Verb.DELETE, "file", ws).stateful(ws.area(resolvedPath) != Workspace.Area.WORKSPACE)
                            .reversible(false).note(does + "a database file: the data it held is gone"))
                    : Optional.empty();
            case TERRAFORM_CODE, DEPLOYMENT_CONFIG -> Optional.of(DeploymentCode.operation(kind, resolvedPath, ws, delete, does));
            // the server reloads it at once: a change in the environment the path names, not on the agent's machine
            case LIVE_SERVER_CONFIG -> Optional.of(Operation.builder("filesystem", delete ? Verb.DELETE : Verb.UPDATE)
                    .resource("live-config", resolvedPath).locator("path", resolvedPath)
                    .locator("environment", dev.interlock.analysis.shell.recognizers.DeploymentWords.tierWordIn(resolvedPath).orElse(""))
                    .stateful(delete).reversible(!delete)
                    .note(does + "the configuration a running server reloads as soon as it changes: live at once"));
            default -> Optional.empty();
        };
    }

    /**
     * A new secret written to scratch space ({@code wg genkey | tee /tmp/wgtest/client.key}): only its name says secret,
     * and a temporary directory holds no key anyone relies on, so nothing existing is read or lost. Whatever produced
     * the secret (a vault issue, a kubectl get secret) is judged on its own.
     */
    private static boolean freshKey(String resolvedPath, Workspace ws, boolean delete, String does) {
        return !delete && does.startsWith("overwrites") && ws.area(resolvedPath) == Workspace.Area.TEMP
                && dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.secretByName(resolvedPath);
    }

    /** A change to one file on the agent's machine. */
    public static Operation.Builder local(String resolvedPath, Verb verb, String type, Workspace ws) {
        return Operation.builder("filesystem", verb).resource(type, resolvedPath).scope(Scope.ONE)
                .locator("path", resolvedPath).locator("area", ws.area(resolvedPath).wire())
                .environment(Tier.LOCAL, "a file on the agent's machine");
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }
}
