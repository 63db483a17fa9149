package dev.interlock.analysis.shell.recognizers.hosting;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.HostingApps;
import dev.interlock.analysis.shell.recognizers.cloud.CloudSql;
import dev.interlock.analysis.shell.recognizers.database.DatabaseClientRecognizer;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Heroku CLI ({@code heroku TOPIC:COMMAND -a APP}). Listings and diagnostics only read, whatever app they name;
 * {@code pg:psql -c SQL} is the SQL it sends, on the app's database (a SELECT in prod is a read, a DELETE a change);
 * {@code pipelines:promote} deploys the app's slug to the pipeline's downstream stage, which the command does not name
 * unless {@code --to} does: taken as production, whatever stage the app is in. Data copies between apps are
 * {@link HerokuData}'s. The app is named by {@code -a}, or by the git remote
 * {@code -r} ({@code staging}, {@code production}).
 */
final class HerokuCli {

    private HerokuCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "apps apps:info info apps:errors apps:favorites addons addons:info addons:plans addons:services addons:docs "
                    + "domains domains:info pipelines pipelines:info pipelines:diff pg pg:info pg:ps pg:locks pg:outliers "
                    + "pg:blocking pg:diagnose pg:bloat pg:vacuum-stats pg:backups pg:backups:info pg:backups:schedules pg:links "
                    + "pg:settings pg:upgrade:wait pg:wait pg:credentials redis redis:info redis:wait maintenance buildpacks "
                    + "buildpacks:search features features:info labs labs:info access drains certs certs:info certs:auto stack "
                    + "stacks apps:stacks regions spaces spaces:info spaces:peerings spaces:vpn:info teams members webhooks "
                    + "webhooks:info webhooks:deliveries notifications sessions authorizations keys ps ps:type ps:autoscale "
                    + "logs status version whoami auth:whoami dyno ci ci:info ci:last ci:config:get plugins domains:wait "
                    + "addons:wait releases releases:info releases:output", read("app"))
            .add("", "pg:backups:url pg:credentials:url redis:credentials auth:token authorizations:info authorizations:create "
                    + "ci:config", credential("secrets").note("prints a secret: a database URL with its password, a token"))
            .build();
    private static final Set<String> VALUED = Set.of("-a", "--app", "-r", "--remote", "-c", "--command", "-f", "--file",
            "--credential", "--to", "-t", "--team", "-o", "--output", "--confirm", "--wait-interval");
    /** Commands whose operands or flags set a value (ps:type web=…, pg:settings:… VALUE): those change the app. */
    private static final Set<String> SETTERS = Set.of("ps:type", "ps:autoscale", "pg:settings", "maintenance", "stack",
            "buildpacks", "features", "labs");

    static Optional<List<Operation>> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        if (p.words().isEmpty()) {
            return Optional.empty();
        }
        String command = p.words().getFirst();
        // the app (-a, HEROKU_APP) and the git remote (-r production), which names a stage
        Map<String, String> locators = new TreeMap<>(HostingApps.locators(inv));
        if (command.equals("pg:psql") || command.equals("psql")) {
            return Optional.of(psql(inv, p, locators, nested));
        }
        if (command.equals("run") || command.equals("run:detached")) {
            // heroku run -a APP CMD…: CMD on a one-off dyno of the app
            List<String> rest = p.words().size() > 1 ? p.positionals().subList(1, p.positionals().size()).stream()
                    .map(dev.interlock.analysis.shell.Arg::shellText).toList()
                    : p.afterDoubleDash().stream().map(dev.interlock.analysis.shell.Arg::shellText).toList();
            if (!rest.isEmpty()) {
                return Optional.of(AppMachines.run(inv, String.join(" ", rest), locators, nested));
            }
        }
        if (command.equals("pipelines:promote")) {
            return Optional.of(promote(inv, p, locators));
        }
        Optional<List<Operation>> data = HerokuData.recognize(inv, p, locators);
        if (data.isPresent()) {
            return data;
        }
        Optional<CommandTable.Act> act = SETTERS.contains(command) && p.words().size() > 1
                ? Optional.of(update("app").note("'" + command + "' with a value changes the app's settings"))
                : TABLE.find(p.words().subList(0, 1)).map(CommandTable.Found::act);
        return act.map(a -> List.of(a.placed(inv, "heroku", locators.getOrDefault("app", ""), locators, Tier.UNKNOWN, "")));
    }

    /**
     * {@code heroku pg:psql [DATABASE] -a APP -c SQL}: the statements, on the app's database; SQL on standard input
     * likewise; a file ({@code -f}) cannot be read statically; with neither, an interactive session.
     */
    private static List<Operation> psql(Invocation inv, ParsedArgs p, Map<String, String> locators, Nested nested) {
        String database = p.positional(1).orElse("DATABASE_URL");
        Operation.Builder placed = DatabaseOps.op(inv, Verb.UNKNOWN, "database", database).confidence(Confidence.INFERRED);
        locators.forEach(placed::locator);
        Operation session = placed.note("opens an interactive psql session on the app's database").build();
        Optional<String> sql = p.value("-c", "--command");
        if (sql.isPresent()) {
            return CloudSql.placedAs(DatabaseClientRecognizer.psqlText(sql.get(), DatabaseOps.literal(inv, sql.get()), inv, nested), session);
        }
        Optional<String> file = p.value("-f", "--file");
        if (file.isPresent()) {
            Operation.Builder script = DatabaseOps.scriptFile(inv, database, file.get()).toBuilder();
            locators.forEach(script::locator);
            return List.of(script.build());
        }
        if (inv.stdin().isPresent()) {
            return CloudSql.placedAs(DatabaseClientRecognizer.psqlText(inv.stdin().get(), true, inv, nested), session);
        }
        return List.of(session);
    }

    /**
     * {@code heroku pipelines:promote -a SOURCE [--to A,B]}: a deploy of the source's slug to the apps {@code --to}
     * names, else to every app of the downstream stage.
     */
    private static List<Operation> promote(Invocation inv, ParsedArgs p, Map<String, String> locators) {
        String source = locators.getOrDefault("app", "");
        List<Operation> ops = new ArrayList<>();
        for (String target : p.value("--to", "-t").map(t -> t.split(",")).orElse(new String[0])) {
            if (!target.isBlank()) {
                ops.add(deploy(inv, target.trim(), source).locator("app", target.trim()).build());
            }
        }
        if (ops.isEmpty()) {
            // the next stage with apps: production from staging, and from development too when the pipeline has no staging
            ops.add(deploy(inv, "the stage after " + (source.isEmpty() ? "the app's" : source), source)
                    .locator("environment", "production")
                    .note("promotes " + (source.isEmpty() ? "the app" : source) + "'s release to the pipeline's downstream "
                            + "stage, whose apps the command does not name: production unless shown otherwise").build());
        }
        return ops;
    }

    private static Operation.Builder deploy(Invocation inv, String target, String source) {
        return Operation.builder("heroku", Verb.UPDATE).resource("app", target).confidence(Confidence.INFERRED)
                .evidence(inv.evidence()).note("deploys " + (source.isEmpty() ? "the app" : source) + "'s release to " + target);
    }
}
