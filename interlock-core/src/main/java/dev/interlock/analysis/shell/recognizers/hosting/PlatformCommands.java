package dev.interlock.analysis.shell.recognizers.hosting;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cloud Foundry's {@code cf}, {@code render} and {@code railway}, one table each. Listings, logs and status only read
 * (in prod too); pushes, restarts, scaling, bindings and settings change the app; deletes of an app, a space or a
 * service instance (a database) delete it. Every cf command but the CLI's own settings acts on the platform, so one the
 * table does not list is judged by its word. The app, space or service a command names places it.
 */
final class PlatformCommands {

    private PlatformCommands() {
    }

    private static final CommandTable CF = CommandTable.builder()
            .add("", "apps a app events logs app-ssh-enabled get-health-check revisions revision packages droplets tasks "
                    + "create-app-manifest", read("app"))
            .add("", "services s service marketplace m routes r domains spaces space orgs o org buildpacks stacks stack "
                    + "quotas quota space-quotas space-quota org-quotas org-quota security-groups security-group "
                    + "running-security-groups staging-security-groups feature-flags feature-flag service-brokers "
                    + "service-access service-keys network-policies isolation-segments org-users space-users labels "
                    + "router-groups space-ssh-allowed check-route version plugins repo-plugins curl", read("space"))
            .add("", "env e service-key oauth-token ssh-code running-environment-variable-group "
                    + "staging-environment-variable-group", credential("secrets").note("prints credentials or environment values"))
            .add("", "login l logout lo auth api target t config install-plugin uninstall-plugin add-plugin-repo "
                    + "remove-plugin-repo", local("cf-target"))
            .add("", "ssh run-task rt", execute("app"))
            .add("", "push p scale restart rs restage rg restart-app-instance start st stop sp set-env se unset-env "
                    + "bind-service bs unbind-service us map-route unmap-route rename set-health-check enable-ssh "
                    + "disable-ssh cancel-deployment continue-deployment rollback set-droplet stage create-app "
                    + "set-label unset-label terminate-task", update("app"))
            .add("", "create-service cs update-service create-service-key csk share-service unshare-service",
                    update("service"))
            .add("", "create-space create-org create-route create-domain create-private-domain create-shared-domain",
                    create("space"))
            .add("", "delete d", delete("app").note("deletes the app and its instances"))
            .add("", "delete-space delete-org", delete("space").all().note("deletes every app, service and route in it"))
            .add("", "delete-service ds purge-service-instance", delete("service")
                    .note("deletes the service instance: a managed database's data with it"))
            .add("", "delete-service-key dsk delete-route delete-domain delete-private-domain delete-shared-domain "
                    + "delete-buildpack delete-orphaned-routes delete-quota delete-space-quota delete-security-group",
                    delete("route"))
            .build();

    private static final CommandTable RENDER = CommandTable.builder()
            .add("", "services environments projects workspaces whoami logs", read("service"))
            .add("deploys", "list", read("service"))
            .add("jobs", "list", read("service"))
            .add("blueprints", "validate", read("blueprint"))
            .add("deploys", "create cancel", update("service"))
            .add("", "restart", update("service"))
            .add("jobs", "create", execute("service"))
            .add("jobs", "cancel", update("service"))
            .add("", "ssh", execute("service"))
            .add("", "psql kv-cli", new CommandTable.Act(Verb.UNKNOWN, "database", false, false,
                    dev.interlock.model.Scope.ONE, "opens an interactive session on the hosted database"))
            .add("", "login logout workspace", local("render-settings"))
            .build();

    private static final CommandTable RAILWAY = CommandTable.builder()
            .add("", "status list logs whoami version", read("service"))
            .add("volume", "list", read("volume"))
            .add("", "link unlink login logout open docs environment service completion", local("railway-settings"))
            .add("", "up deploy redeploy", update("service"))
            .add("", "add domain init", create("service"))
            .add("volume", "add attach detach update", update("volume"))
            .add("volume", "delete", delete("volume").note("deletes the volume and its data"))
            .add("", "connect", new CommandTable.Act(Verb.UNKNOWN, "database", false, false,
                    dev.interlock.model.Scope.ONE, "opens an interactive session on the project's database"))
            .add("", "ssh", execute("service"))
            .build();

    private static final Set<String> VALUED = Set.of("-o", "--output", "-s", "--space", "--org", "-i", "-m", "-k",
            "-p", "--path", "-b", "--buildpack", "-c", "-e", "--environment", "--service", "--resources", "--limit",
            "--commit", "--image", "--project", "-t", "--timeout", "--var", "--vars-file", "--strategy", "-X", "--instances");
    private static final Set<String> TARGET_SHOWS = Set.of("target", "t", "api");
    private static final Set<String> PUSHES = Set.of("push", "p");
    private static final Set<String> PUSH_VALUED = plus(VALUED, "-f", "--manifest", "-d", "--domain", "-n", "--hostname",
            "--docker-image", "-o", "--droplet", "-u", "-t");

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** Resource types whose operand places the act, and the locator it becomes. */
    private static final Map<String, String> OPERAND_LOCATORS = Map.of("app", "app", "space", "namespace",
            "service", "database");

    static Optional<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        if (!p.words().isEmpty() && PUSHES.contains(p.words().getFirst())) {
            p = inv.parse(PUSH_VALUED); // cf push -f MANIFEST; elsewhere -f forces
        }
        List<String> words = p.words();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        boolean cf = inv.program().startsWith("cf");
        CommandTable table = cf ? CF : inv.program().equals("render") ? RENDER : RAILWAY;
        Optional<CommandTable.Found> found = cf ? Optional.of(table.findOrGuess(words, 1, "app")) : table.find(words);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommandTable.Act act = found.get().act();
        if (cf && TARGET_SHOWS.contains(found.get().command()) && inv.words().size() == 1) {
            act = read("cf-target"); // cf target, cf api: alone they print where the CLI points
        }
        if (cf && found.get().command().equals("curl")) {
            act = curl(p.value("-X").orElse("GET"));
        }
        String operand = words.size() > found.get().words() ? words.get(found.get().words()) : "";
        if (act.verb() == Verb.READ && CommandTable.guess(operand, act.type()).verb() == Verb.DELETE) {
            // render services delete ID: a listing's noun followed by a destructive word is that word's
            act = CommandTable.guess(operand, act.type());
            operand = words.size() > found.get().words() + 1 ? words.get(found.get().words() + 1) : "";
        }
        Map<String, String> locators = new TreeMap<>();
        if (!operand.isEmpty() && OPERAND_LOCATORS.containsKey(act.type()) && act.verb() != Verb.READ) {
            locators.put(OPERAND_LOCATORS.get(act.type()), operand);
        }
        p.value("-s", "--space").filter(s -> cf).ifPresent(s -> locators.put("namespace", s));
        p.value("-e", "--environment").filter(e -> !cf).ifPresent(e -> locators.put("environment", e));
        p.value("--service", "-s").filter(s -> !cf).ifPresent(s -> locators.put("app", s));
        return Optional.of(act.placed(inv, inv.program(), operand, locators, Tier.UNKNOWN, ""));
    }

    /** {@code cf curl PATH -X METHOD}: a raw call of the Cloud Controller's API, judged by its method. */
    private static CommandTable.Act curl(String method) {
        return switch (method.toUpperCase(java.util.Locale.ROOT)) {
            case "GET", "HEAD" -> read("api");
            case "DELETE" -> delete("api");
            default -> update("api");
        };
    }
}
