package dev.interlock.analysis.shell.recognizers.lms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * Open edX's {@code tutor}. {@code tutor local|dev …} runs the platform in this machine's docker compose: every
 * command stays here (a sandbox, unless run over ssh on another host). {@code tutor k8s …} acts on the Kubernetes
 * cluster the kubeconfig selects ({@code KUBECONFIG}, the current context), judged as a {@code kubernetes} operation:
 * {@code status}/{@code logs}/{@code wait} read; {@code launch}, {@code start}, {@code init}, {@code upgrade},
 * {@code scale}, {@code do JOB} change the deployment; {@code stop} takes every workload down, {@code delete} the whole
 * namespace with its volumes; {@code exec}/{@code run} run a command in it; {@code do createuser --staff|--superuser}
 * is a grant. {@code tutor config save}, images and plugins are local; {@code config printvalue} of a password- or
 * secret-named setting prints a credential.
 */
final class Tutor {

    private Tutor() {
    }

    private static final CommandTable CLUSTER = CommandTable.builder()
            .add("", "status logs wait", read("deployment"))
            .add("", "launch quickstart start init upgrade scale apply reboot", update("deployment"))
            .add("", "stop", new Act(Verb.DELETE, "deployment", false, false, Scope.MANY,
                    "takes every Open edX workload of the namespace down"))
            .add("", "delete", delete("namespace").all().note("deletes the Open edX namespace with its volumes"))
            .add("", "exec run", execute("pod"))
            .add("", "do", update("deployment"))
            .add("do", "createuser", create("user"))
            .add("do", "importdemocourse importdemolibraries settheme init update-mysql-authentication print-edx-platform-setting",
                    update("deployment"))
            .add("do", "sqlshell", execute("database"))
            .build();

    private static final Set<String> PLATFORMS = Set.of("local", "dev", "k8s");
    private static final String SECRET = "(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|_KEY$|_KEY_|API_KEY).*";

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-r", "--root", "--set", "-s", "--unset", "-U", "--limit", "-l"));
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of();
        }
        String group = words.getFirst();
        if (group.equals("config") && words.size() > 2 && words.get(1).equals("printvalue")) {
            String key = words.get(2);
            Act act = Regex.matches(key, SECRET)
                    ? new Act(Verb.CREDENTIAL, "setting", true, false, Scope.ONE, "prints the secret setting " + key + " of the Open edX install")
                    : local("setting");
            return List.of(act.operation(inv, "tutor", key).build());
        }
        if (!PLATFORMS.contains(group) || words.size() < 2) {
            return List.of(local("config").operation(inv, "tutor", group).build());
        }
        List<String> command = words.subList(1, words.size());
        CommandTable.Found found = CLUSTER.findOrGuess(command, 1, "deployment");
        Act act = found.act();
        if (command.getFirst().equals("do") && command.size() > 1 && command.get(1).equals("createuser")
                && (p.has("--staff") || p.has("--superuser"))) {
            act = grant("user").note("creates a staff or superuser account: the run of the platform");
        }
        String name = found.name(command);
        if (!group.equals("k8s")) {
            Act here = new Act(act.verb(), act.type(), true, act.stateful(), act.scope(),
                    "tutor " + group + " runs Open edX in this machine's docker compose");
            return List.of(here.operation(inv, "tutor", name).build());
        }
        Operation.Builder b = act.operation(inv, "kubernetes", name.isEmpty() ? "openedx" : name);
        String kubeconfig = inv.env().getOrDefault("KUBECONFIG", "");
        if (!kubeconfig.isBlank()) {
            b.locator("kubeconfig", kubeconfig);
        }
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
