package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Juju: a command acts on a model, {@code -m controller:model} ({@code JUJU_MODEL}), or on a controller
 * ({@code -c}, {@code JUJU_CONTROLLER}); their names carry the environment ({@code dev-lxd:sandbox} is dev,
 * {@code prod-k8s:payments} production). {@code juju config APP} and {@code model-config} print settings unless given
 * {@code key=value}; destroying a model or a controller takes everything deployed in it down.
 */
final class JujuCommands {

    private JujuCommands() {
    }

    private static final Act TEARDOWN = delete("environment").all().note("destroys everything deployed in it");

    private static final CommandTable JUJU = CommandTable.builder()
            .add("", "status models controllers clouds regions show-model show-controller show-application show-unit"
                    + " show-machine show-cloud machines applications spaces show-space subnets storage show-storage"
                    + " storage-pools offers find-offers show-offer actions show-action operations show-operation show-task"
                    + " info find charm-resources resources show-status-log debug-log model-constraints constraints"
                    + " get-constraints get-model-constraints users show-user whoami version help config model-config"
                    + " model-defaults controller-config secrets secret-backends ssh-keys list-models list-controllers"
                    + " list-machines list-actions status-history diff-bundle", read("application"))
            .add("", "show-credential credentials show-secret dashboard", credential("credential"))
            .add("", "ssh exec run run-action debug-hooks debug-code", execute("unit"))
            .add("", "scp", execute("unit"))
            .add("", "deploy add-unit add-machine add-storage add-model add-space add-secret add-cloud bootstrap offer consume",
                    create("application"))
            .add("", "refresh upgrade-charm integrate relate add-relation remove-relation expose unexpose scale-application"
                    + " attach-resource attach-storage detach-storage set-constraints set-model-constraints upgrade-model"
                    + " upgrade-controller migrate enable-ha resolved resolve retry-provisioning update-secret"
                    + " update-credential suspend-relation resume-relation bind", update("application"))
            .add("", "trust grant revoke add-user change-user-password add-ssh-key import-ssh-key remove-ssh-key"
                    + " grant-secret revoke-secret disable-user enable-user remove-user", grant("access"))
            .add("", "remove-application remove-saas", delete("application"))
            .add("", "remove-unit remove-machine remove-storage remove-secret remove-offer remove-cloud remove-space",
                    delete("unit"))
            .add("", "destroy-model", TEARDOWN.on("model"))
            .add("", "destroy-controller kill-controller", TEARDOWN.on("controller"))
            .add("", "switch login logout unregister register add-credential remove-credential default-credential"
                    + " default-region download", local("client"))
            .build();

    /** Commands whose operand is the model or controller itself, not an application. */
    private static final Set<String> NAMES_TARGET = Set.of("destroy-model", "show-model", "add-model", "destroy-controller",
            "kill-controller", "show-controller", "bootstrap", "switch");
    /** Commands that print settings unless given {@code key=value}, {@code --reset} or a file. */
    private static final Set<String> SETTINGS = Set.of("config", "model-config", "model-defaults", "controller-config");

    private static final Set<String> VALUED = Set.of("-m", "--model", "-c", "--controller", "--channel", "-n",
            "--num-units", "--to", "--constraints", "--config", "--base", "--series", "--revision", "--format", "-o",
            "--output", "--resource", "--storage", "--bind", "--trust", "--file", "--reset", "--timeout", "--unit",
            "--application", "--machine", "--credential", "--cloud", "--region", "--path", "--switch", "--type",
            "--level", "--include", "--exclude", "--lines", "--replay");

    static Run juju(Invocation inv) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.positionals().stream().map(Arg::value).toList();
        CommandTable.Found found = JUJU.findOrGuess(words, 1, "application");
        Act act = found.act();
        String command = found.command();
        String name = VirtualizationRecognizer.operand(words, found.words());
        if (SETTINGS.contains(command) && (words.stream().skip(1).anyMatch(w -> w.indexOf('=') > 0)
                || parsed.has("--reset", "--file"))) {
            act = update(command.equals("config") ? "application" : "model");
        }
        Map<String, String> locators = new HashMap<>();
        String model = parsed.value("-m", "--model").orElse(inv.env().getOrDefault("JUJU_MODEL", ""));
        String controller = parsed.value("-c", "--controller").orElse(inv.env().getOrDefault("JUJU_CONTROLLER", ""));
        if (NAMES_TARGET.contains(command) && !name.isEmpty()) {
            if (command.contains("controller") || command.equals("bootstrap")) {
                controller = command.equals("bootstrap") ? VirtualizationRecognizer.operand(words, found.words() + 1) : name;
            } else {
                model = name;
            }
        }
        // controller:model carries both names; a bare model is placed by its own name and its controller's
        String where = model.isEmpty() ? controller : model.contains(":") || controller.isEmpty() ? model : controller + ":" + model;
        if (!where.isEmpty()) {
            locators.put("environment", where);
        }
        return new Run(act, command, name, locators, false);
    }
}
