package dev.interlock.analysis.shell.recognizers.dataplatforms;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Dagster's and Prefect's CLIs. A run, a materialization or a deployment run executes the pipeline's code against the
 * systems it writes. Where is the deployment the CLI reaches: {@code DAGSTER_HOME} (the instance), Prefect's API
 * ({@code PREFECT_API_URL}) or profile, else the directory the command runs in. A production or staging name in one of
 * them places the run there ({@code /srv/dagster-prod}); a developer's own workspace or home with no such name is a
 * local run; a server's directory with no name takes the environment the request declares. {@code prefect server
 * database …} is the server's own database, migrated as migration tools do ({@code MigrationRecognizer}).
 */
final class Orchestrators {

    private Orchestrators() {
    }

    private static final Set<String> VALUED = Set.of("-j", "--job", "-m", "--module-name", "-f", "--python-file", "-w",
            "--workspace", "-d", "--working-directory", "-a", "--attribute", "-c", "--config", "--select", "-r", "--repository",
            "-l", "--location", "--tags", "--partition", "--partition-range", "--run-id", "--param", "--params", "-p",
            "--profile", "--pool", "-q", "--work-queue", "--name", "-n", "--limit", "--from", "--start-in", "--start-at",
            "--job-variable", "--timeout", "--output", "-o", "--cron", "--interval", "--rrule", "--timezone", "--type");

    private static final CommandTable DAGSTER = CommandTable.builder()
            .add("job", "list print scaffold_config", read("job"))
            .add("job", "execute launch", execute("job").note("runs the job: its ops write to the systems they reach"))
            .add("job", "backfill", execute("job").many().note("runs the job for every partition in the range"))
            .add("asset", "list", read("asset"))
            .add("asset", "materialize", execute("asset").note("materializes the assets: their code writes their data"))
            .add("asset", "wipe", delete("asset").many().note("wipes the assets' materialization history"))
            .add("asset", "wipe-partitions-status-cache", update("asset"))
            .add("run", "list", read("run"))
            .add("run", "delete wipe", delete("run").many().note("deletes runs and their event logs"))
            .add("run", "migrate-repository", update("run"))
            .add("schedule", "list preview logs debug", read("schedule"))
            .add("schedule", "start stop restart", update("schedule").note("changes what runs by itself"))
            .add("schedule", "wipe", delete("schedule").many())
            .add("sensor", "list preview", read("sensor"))
            .add("sensor", "start stop cursor", update("sensor").note("changes what runs by itself"))
            .add("instance", "info", read("instance"))
            .add("instance", "migrate reindex concurrency", update("instance"))
            .add("definitions", "validate", read("definitions"))
            .add("", "dev", local("server"))
            .add("project", "scaffold scaffold-code-location from-example list-examples", local("project"))
            .add("", "version", read("installation"))
            .build();

    private static final CommandTable PREFECT = CommandTable.builder()
            .add("deployment", "ls inspect", read("deployment"))
            .add("deployment", "run", execute("deployment").note("starts a flow run on the deployment's work pool"))
            .add("deployment", "delete", delete("deployment"))
            .add("deployment", "pause-schedule resume-schedule set-schedule clear-schedule delete-schedule apply",
                    update("deployment").note("changes what runs by itself"))
            .add("deployment", "build", local("deployment"))
            .add("", "deploy", create("deployment").note("creates or updates deployments on the Prefect server"))
            .add("flow-run", "ls inspect logs", read("flow-run"))
            .add("flow-run", "cancel retry", update("flow-run"))
            .add("flow-run", "delete", delete("flow-run"))
            .add("flow", "ls", read("flow"))
            .add("flow", "serve", execute("flow").note("serves the flow: its scheduled runs execute from here"))
            .add("work-pool", "ls inspect preview", read("work-pool"))
            .add("work-pool", "create update pause resume set-concurrency-limit clear-concurrency-limit", update("work-pool"))
            .add("work-pool", "delete", delete("work-pool"))
            .add("worker", "start", execute("worker").note("runs the work pool's flow runs"))
            .add("block", "ls inspect type", read("block"))
            .add("block", "register create", update("block"))
            .add("block", "delete", delete("block"))
            .add("variable", "ls", read("variable"))
            .add("variable", "get inspect", credential("variable").note("prints a variable's value, where settings are kept"))
            .add("variable", "set unset", update("variable"))
            .add("server", "start", local("server"))
            .add("config", "view validate", read("configuration"))
            .add("profile", "ls inspect", read("profile"))
            .add("", "version", read("installation"))
            .build();

    /** Variables and options that name the Dagster or Prefect deployment the CLI reaches. */
    private static final List<String> DAGSTER_PLACES = List.of("DAGSTER_HOME");
    private static final List<String> PREFECT_PLACES = List.of("PREFECT_API_URL", "PREFECT_PROFILE");

    static List<Operation> recognize(Invocation inv) {
        boolean dagster = inv.program().equals("dagster");
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = (dagster ? DAGSTER : PREFECT).findOrGuess(words, 2, dagster ? "job" : "deployment");
        CommandTable.Act act = found.command().equals("config view") && p.has("--show-secrets")
                ? credential("configuration").note("prints the profile's settings with secrets (the API key) in the clear")
                : found.act();
        String name = p.value("-j", "--job", "--select", "-n", "--name")
                .orElse(found.name(words));
        String system = dagster ? "dagster" : "prefect";
        Operation.Builder b = act.operation(inv, system, name);
        inv.locators().forEach(b::locator);
        if (act.here()) {
            return List.of(b.build());
        }
        String api = dagster ? "" : inv.env().getOrDefault("PREFECT_API_URL", "");
        String host = Hosts.of(api);
        if (!host.isEmpty()) {
            // a loopback API is a Prefect server on this machine: named, so it is judged as the local server it is
            b.locator("host", host);
        }
        Optional<String> tier = named(inv, dagster ? DAGSTER_PLACES : PREFECT_PLACES, p.value("-p", "--profile"));
        if (tier.isPresent()) {
            return List.of(b.locator("environment", tier.get()).build());
        }
        if (!host.isEmpty() && !Hosts.loopback(host) || !developersOwn(inv, dagster ? "DAGSTER_HOME" : "")) {
            return List.of(b.build());
        }
        return List.of(LocalFiles.local(inv, b, "a " + system + " workspace of the developer's own, named for no shared environment").build());
    }

    /** The production or staging word in the variables, the profile option or the working directory, if one names it. */
    private static Optional<String> named(Invocation inv, List<String> variables, Optional<String> profile) {
        for (String v : variables) {
            Optional<String> t = DeploymentWords.tierWordIn(inv.env().getOrDefault(v, ""));
            if (t.isPresent()) {
                return t;
            }
        }
        return profile.flatMap(DeploymentWords::tierWordIn).or(() -> DeploymentWords.tierWordIn(inv.workspace().cwd()));
    }

    /** The instance is the developer's own: its home (or else the working directory) is in the user's home, workspace or temp. */
    private static boolean developersOwn(Invocation inv, String variable) {
        Workspace ws = inv.workspace();
        boolean ownDirectory = ws.cwd().startsWith(ws.home() + "/") || ws.cwd().equals(ws.home()) || ws.cwd().startsWith("/tmp/");
        String home = variable.isEmpty() ? "" : inv.env().getOrDefault(variable, "");
        if (!home.isEmpty()) {
            // an instance below a server's directory (/srv/dagster/home) is that server's, not the user's
            Workspace.Area area = ws.area(home);
            return area == Workspace.Area.HOME || area == Workspace.Area.TEMP || area == Workspace.Area.WORKSPACE && ownDirectory;
        }
        return ownDirectory;
    }
}
