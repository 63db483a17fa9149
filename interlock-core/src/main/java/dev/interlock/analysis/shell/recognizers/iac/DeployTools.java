package dev.interlock.analysis.shell.recognizers.iac;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploy tools that ship an application to its servers by a stage or destination named on the command line: Kamal
 * ({@code kamal deploy -d production}: the destination's {@code config/deploy.production.yml}), Mina
 * ({@code mina production deploy}) and Deployer ({@code dep deploy production}). Capistrano is {@link RemoteTasks}'s.
 * Details, logs, audits and simulations only look; printing or fetching the deploy's secrets is a credential read;
 * deploys, rollbacks, restarts and removals change what the servers run. With no stage or destination the default
 * configuration's servers are not in view: the environment is unknown.
 */
public final class DeployTools implements Recognizer {

    private static final Set<String> KAMAL_VALUED = Set.of("-d", "--destination", "-c", "--config-file", "-r", "--roles",
            "-h", "--hosts", "--version", "-n", "--lines", "-s", "--since", "-g", "--grep", "--container-id", "--skip-hooks");
    /** Kamal's command groups: their commands are two words ({@code app details}, {@code secrets print}). */
    private static final Set<String> KAMAL_GROUPS = Set.of("app", "proxy", "accessory", "build", "lock", "secrets",
            "registry", "server", "prune", "traefik", "env");

    private static final CommandTable KAMAL = CommandTable.builder()
            .add("", "config details audit version docs help", read("app"))
            .add("app", "details containers images logs version stale_containers", read("app"))
            .add("proxy", "details logs", read("proxy"))
            .add("traefik", "details logs", read("proxy"))
            .add("accessory", "details logs", read("accessory"))
            .add("build", "details", read("image"))
            .add("lock", "status", read("lock"))
            // secrets come from the password manager the destination's .kamal/secrets names
            .add("secrets", "print fetch extract", credential("secret"))
            .add("", "envify", credential("secret"))
            .add("", "init", local("project"))
            .add("build", "create remove dev", local("builder"))
            .add("", "deploy redeploy rollback setup upgrade", update("app"))
            .add("app", "boot start stop maintenance live", update("app"))
            .add("proxy", "boot reboot start stop restart boot_config", update("proxy"))
            .add("traefik", "boot reboot start stop restart", update("proxy"))
            .add("accessory", "boot reboot start stop restart upgrade", update("accessory"))
            .add("build", "push deliver pull", update("image"))
            .add("lock", "acquire release", update("lock"))
            .add("server", "bootstrap", update("server"))
            .add("registry", "setup login logout", update("registry"))
            .add("", "remove", delete("app").note("removes the app, its proxy and accessories from the servers"))
            .add("app", "remove", delete("app"))
            .add("proxy", "remove", delete("proxy"))
            .add("traefik", "remove", delete("proxy"))
            .add("accessory", "remove", delete("accessory").note("removes the accessory and its data directories"))
            .add("registry", "remove", delete("registry"))
            .add("prune", "all containers images", delete("image").many().note("removes old containers and images"))
            .add("app", "exec", execute("app").note("runs a command in the app's containers on the servers"))
            .add("accessory", "exec", execute("accessory").note("runs a command in the accessory's container"))
            .add("server", "exec", execute("server").note("runs a command on the servers"))
            .build();

    private static final Set<String> MINA_VALUED = Set.of("-f", "--file");
    private static final Set<String> MINA_LOOKS = Set.of("-s", "--simulate", "-T", "--tasks", "-V", "--version", "-h",
            "--help", "-P", "--prereqs", "-D", "--describe", "-W", "--where");

    private static final CommandTable MINA = CommandTable.builder()
            .add("", "log environment", read("app"))
            .add("", "deploy setup rollback deploy:force_unlock", update("app"))
            .add("", "ssh console run", execute("server").note("runs commands on the stage's server"))
            .add("", "init", local("project"))
            .build();

    private static final Set<String> DEP_VALUED = Set.of("-f", "--file", "-o", "--option", "-l", "--limit", "--hosts",
            "--roles", "--revision", "--branch", "--tag", "--log", "--profile");
    private static final Set<String> DEP_LOOKS = Set.of("--plan", "-h", "--help", "-V", "--version");

    private static final CommandTable DEPLOYER = CommandTable.builder()
            .add("", "list tree config releases help", read("app"))
            .add("", "deploy rollback provision deploy:unlock deploy:lock deploy:publish deploy:release deploy:symlink",
                    update("app"))
            .add("", "ssh run", execute("server").note("runs commands on the stage's servers"))
            .add("", "init self-update autocomplete completion", local("project"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("kamal", "mina", "dep");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "kamal" -> kamal(inv);
            case "mina" -> mina(inv);
            default -> deployer(inv);
        };
    }

    private static List<Operation> kamal(Invocation inv) {
        ParsedArgs p = inv.parse(KAMAL_VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help")) {
            return List.of(looks(inv, "kamal only shows its help"));
        }
        CommandTable.Found found = KAMAL.findOrGuess(words, KAMAL_GROUPS.contains(words.getFirst()) ? 2 : 1, "app");
        // -d production reads config/deploy.production.yml; -c names that file itself
        String destination = p.value("-d", "--destination")
                .or(() -> p.value("-c", "--config-file").map(DeployTools::destinationOfConfig)).orElse("");
        return List.of(found.act().placed(inv, "kamal", destination, Map.of("environment", destination), Tier.UNKNOWN, ""));
    }

    /** {@code config/deploy.production.yml} → production; the default {@code deploy.yml} names none. */
    private static String destinationOfConfig(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        String[] parts = name.split("\\.");
        return parts.length == 3 && parts[0].equals("deploy") ? parts[1] : "";
    }

    private static List<Operation> mina(Invocation inv) {
        ParsedArgs p = inv.parse(MINA_VALUED);
        List<String> words = p.words().stream().filter(w -> !w.contains("=")).toList();
        if (p.has(MINA_LOOKS.toArray(String[]::new)) || words.isEmpty()) {
            return List.of(looks(inv, "mina only lists its tasks or prints the script it would run"));
        }
        // mina STAGE TASK: the stage is a task of the project's deploy.rb that sets the server
        boolean staged = words.size() > 1 && MINA.find(words.subList(0, 1)).isEmpty();
        String stage = staged ? words.getFirst() : "";
        List<String> tasks = staged ? words.subList(1, words.size()) : words;
        CommandTable.Found found = MINA.findOrGuess(tasks, 1, "app");
        return List.of(found.act().placed(inv, "mina", found.command(), Map.of("environment", stage), Tier.UNKNOWN, ""));
    }

    private static List<Operation> deployer(Invocation inv) {
        ParsedArgs p = inv.parse(DEP_VALUED);
        List<String> words = p.words();
        if (p.has(DEP_LOOKS.toArray(String[]::new)) || words.isEmpty()) {
            return List.of(looks(inv, "dep only lists its tasks or shows the plan"));
        }
        CommandTable.Found found = DEPLOYER.findOrGuess(words, 1, "app");
        // dep deploy production (Deployer 6's stage), dep deploy stage=production (7's selector), dep ssh web-prod-1
        String stage = "";
        for (String w : words.subList(found.words(), words.size())) {
            int eq = w.indexOf('=');
            if (eq < 0 || w.startsWith("stage=") || w.startsWith("env=")) {
                stage = w.substring(eq + 1);
                break;
            }
        }
        if (found.command().equals("run") && words.size() > found.words() + 1) {
            stage = words.get(found.words() + 1); // dep run 'CMD' STAGE
        }
        return List.of(found.act().placed(inv, "deployer", found.command(), Map.of("environment", stage), Tier.UNKNOWN, ""));
    }

    private static Operation looks(Invocation inv, String note) {
        return read("app").note(note).operation(inv, inv.program(), "").build();
    }
}
