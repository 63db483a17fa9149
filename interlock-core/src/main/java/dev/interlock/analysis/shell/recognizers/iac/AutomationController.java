package dev.interlock.analysis.shell.recognizers.iac;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ansible's automation controller (AWX, Tower) through {@code awx RESOURCE ACTION} and the older
 * {@code tower-cli RESOURCE ACTION}. Launching a job or workflow template runs its playbook on the template's inventory
 * (a deploy, from the controller); listings, gets and a job's output only look; create, modify and delete change the
 * controller's records; role grants change who may launch what. The controller ({@code --conf.host}, {@code -h},
 * {@code CONTROLLER_HOST}/{@code TOWER_HOST}) says where.
 */
public final class AutomationController implements Recognizer {

    /** What each action does to a resource of the controller; the resource names the type. */
    private static final CommandTable ACTIONS = CommandTable.builder()
            .add("", "list get stdout monitor version ping me schema export config status", read("object"))
            .add("", "launch relaunch callback", execute("job").many()
                    .note("runs the template's playbook on its inventory from the controller (the tasks are not in view)"))
            .add("", "create", create("object"))
            .add("", "modify update sync associate disassociate cancel import", update("object"))
            .add("", "delete", delete("object"))
            .add("", "grant revoke", grant("role"))
            .add("", "login", credential("token").note("mints an OAuth2 token for the controller and prints it"))
            .build();
    /** Ad-hoc commands: creating one runs a module on hosts right away. */
    private static final Set<String> RUNS_ON_CREATE = Set.of("ad_hoc_commands", "ad_hoc", "ad_hoc_command");
    private static final Set<String> VALUED = Set.of("--conf.host", "--conf.username", "--conf.password", "--conf.token",
            "-f", "--conf.format", "--format", "--filter", "--tower-host", "-u", "--tower-username", "-p",
            "--tower-password", "-t", "--tower-oauth-token", "--job-template", "--workflow", "--inventory", "--extra-vars",
            "-e", "--limit", "--name", "--description", "--organization", "--project", "--playbook", "--credential",
            "--module-name", "--module-args", "--job-type");

    private static final Set<String> TOWER_VALUED = union(VALUED, "-h");

    @Override
    public Set<String> programs() {
        return Set.of("awx", "tower-cli");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        // tower-cli's -h names the controller; awx's is help
        boolean tower = inv.program().equals("tower-cli");
        ParsedArgs p = inv.parse(tower ? TOWER_VALUED : VALUED);
        List<String> words = p.words();
        String resource = words.isEmpty() ? "" : words.getFirst();
        List<String> action = words.size() > 1 ? words.subList(1, 2) : List.of(resource);
        Act act = words.isEmpty() || p.has("--help") || !tower && p.has("-h") ? read("controller")
                : ACTIONS.find(action).map(CommandTable.Found::act).orElseGet(() -> CommandTable.guess(action.getFirst(), resource));
        if (RUNS_ON_CREATE.contains(resource) && action.getFirst().equals("create")) {
            act = execute("ad-hoc-command").many().note("runs a module on the inventory's hosts from the controller");
        }
        if (act.type().equals("object")) {
            act = act.on(resource);
        }
        String name = words.size() > 2 ? words.get(2) : p.value("--job-template", "--workflow", "--name").orElse("");
        String host = (tower ? p.value("-h", "--tower-host") : p.value("--conf.host"))
                .orElse(inv.env().getOrDefault("CONTROLLER_HOST", inv.env().getOrDefault("TOWER_HOST", "")));
        return List.of(act.placed(inv, "awx", name, Map.of("host", Hosts.of(host)), Tier.UNKNOWN, ""));
    }

    private static Set<String> union(Set<String> a, String... more) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
