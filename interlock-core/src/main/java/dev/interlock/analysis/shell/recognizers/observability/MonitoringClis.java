package dev.interlock.analysis.shell.recognizers.observability;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.controls.AuditIndexes;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Monitoring platforms' CLIs: Datadog's {@code dog} and {@code datadog-ci}, New Relic's {@code newrelic}, Dynatrace's
 * {@code monaco}, Prometheus' {@code promtool} and {@code splunk}.
 * Muting a monitor, scheduling a downtime or deleting an alert policy silences the alarms a production incident would
 * raise: a change to live operations, in whatever environment the request declares (unknown when none). Showing,
 * querying and checking only read. A NerdGraph request is judged by its GraphQL: a {@code mutation} changes, a query reads.
 * Instrumenting or uninstrumenting serverless functions rewrites their layers, handler and environment: a change to
 * them, placed by {@code --env}; uploads of build metadata (sourcemaps, test reports) change no running system.
 * {@code monaco deploy} writes monitoring configuration to every environment its manifest lists unless one is named,
 * and {@code purge} deletes all of it. A dry run ({@code --dry}, {@code --dry-run}) only prints the changes.
 */
public final class MonitoringClis implements Recognizer {

    private static final Set<String> VALUED = Set.of("--config", "--api-key", "--application-key", "--timeout", "-t",
            "--profile", "-p", "--accountId", "-a", "--format", "--query", "--variables", "--scope", "--message", "--end",
            "--start", "--type", "--name", "--options", "--tags", "--priority", "--host", "--url", "--time", "--lookback-delta");

    private static final CommandTable DATADOG = CommandTable.builder()
            .add("monitor", "show show_all can_delete validate", read("monitor"))
            .add("monitor", "mute unmute mute_all unmute_all", update("monitor").note("silences or restores alerting"))
            .add("monitor", "post", create("monitor"))
            .add("monitor", "update fupdate", update("monitor"))
            .add("monitor", "delete", delete("monitor").note("removes the alert"))
            .add("downtime", "show show_all", read("downtime"))
            .add("downtime", "post update", update("downtime").note("schedules a downtime: alerts are silenced"))
            .add("downtime", "delete", delete("downtime"))
            .add("dashboard", "show show_all", read("dashboard"))
            .add("dashboard", "post update", update("dashboard"))
            .add("dashboard", "delete", delete("dashboard"))
            .add("event", "show stream", read("event"))
            .add("event", "post", create("event"))
            .add("metric", "post", create("metric"))
            .add("tag", "show", read("tag"))
            .add("tag", "add replace", update("tag"))
            .add("tag", "detach", delete("tag"))
            .add("host", "mute unmute", update("host").note("silences or restores the host's alerts"))
            .add("service_check", "check", create("service-check"))
            .add("search", "query", read("search"))
            .build();

    private static final CommandTable NEWRELIC = CommandTable.builder()
            .add("apm application", "get search", read("application"))
            .add("entity", "search tags", read("entity"))
            .add("nrql", "query", read("nrql"))
            .add("profile", "list default add delete", local("profile"))
            .add("profile", "show", credential("token").note("prints the profile's API key"))
            .add("apiAccess", "apiAccessGetKey", credential("key"))
            .add("utils", "", read("utility"))
            .build();

    private static final CommandTable PROMTOOL = CommandTable.builder()
            .add("check", "config rules web-config metrics service-discovery healthy ready", read("configuration"))
            .add("query", "instant range series labels analyze", read("query"))
            .add("tsdb", "analyze list dump dump-openmetrics bench", read("tsdb"))
            .add("tsdb", "create-blocks-from", local("tsdb"))
            .add("test", "rules", read("rules"))
            .add("debug", "pprof metrics all", read("debug"))
            .add("push", "metrics", update("metrics"))
            .build();

    private static final Set<String> DATADOG_CI_VALUED = Set.of("-f", "--function", "-r", "--region", "-v", "--layer-version",
            "-e", "--extension-version", "--env", "--service", "--version", "--config", "--forwarder", "--log-level",
            "--layer-awsaccount", "--tracing", "--merge-xray-traces", "--flush-metrics-to-logs", "--capture-lambda-payload",
            "--public-id", "-p", "-s", "--search", "--files", "--apiKey", "--appKey", "--datadogSite", "--release-version",
            "--minified-path-prefix", "--repository-url", "--project-path", "--max-concurrency", "-i", "--instance-id", "-n",
            "--name", "--tags", "--resource-group", "--subscription-id", "--state-machine", "--project");

    private static final CommandTable.Act INSTRUMENT = update("function").note("rewrites the functions' layers, handler and environment");
    private static final CommandTable DATADOG_CI = CommandTable.builder()
            .add("lambda", "instrument uninstrument", INSTRUMENT)
            .add("cloud-run", "instrument uninstrument", INSTRUMENT)
            .add("aas", "instrument uninstrument", INSTRUMENT)
            .add("container-app", "instrument uninstrument", INSTRUMENT)
            .add("stepfunctions", "instrument uninstrument", INSTRUMENT)
            .add("lambda", "flare", read("function"))
            .add("cloud-run", "flare", read("function"))
            .add("synthetics", "run-tests", read("synthetic-test").note("runs Datadog's synthetic checks against the app"))
            .add("synthetics", "upload-application", create("synthetic-application"))
            .add("", "sourcemaps dsyms flutter-symbols react-native unity-symbols elf-symbols pe-symbols junit sarif sbom "
                    + "git-metadata coverage deployment dora tag metric measure trace span", local("ci-metadata")
                    .note("uploads build metadata to Datadog; no running system changes"))
            .build();

    private static final Set<String> MONACO_VALUED = Set.of("-e", "--environment", "-p", "--project", "-g", "--group",
            "-o", "--output-folder", "-m", "--manifest", "--url", "--token", "--oauth-client-id", "--oauth-client-secret",
            "--api", "-a", "--account", "-s", "--specific-api", "--specific-settings", "--only-apis", "--only-settings",
            "--log-level");

    private static final CommandTable MONACO = CommandTable.builder()
            .add("", "download", read("configuration").note("downloads monitoring configuration into local files"))
            .add("", "deploy", update("configuration").note("writes monitoring configuration to the environments"))
            .add("account", "deploy", CommandTable.grant("account").note("writes users, groups and policies of the account"))
            .add("account", "download", read("account"))
            .add("", "delete", delete("configuration"))
            .add("", "purge", delete("configuration").all().note("deletes every configuration of the environments"))
            .add("", "generate convert version help completion", local("project"))
            .build();

    /** Splunk's options are single-dash words ({@code -uri}, {@code -auth}), never letters run together. */
    private static final Set<String> SPLUNK_VALUED = Set.of("-uri", "-auth", "-app", "-owner", "-maxout", "-output", "-index",
            "-earliest_time", "-latest_time", "-timeout", "-detach", "-preview", "-wrap", "-header", "-max_time", "-mode");

    private static final CommandTable SPLUNK = CommandTable.builder()
            .add("", "list show status btool validate version help login logout export", read("configuration"))
            .add("clean", "eventdata all globaldata userdata", delete("events").note("erases indexed events for good"))
            .add("remove", "index", delete("index").note("removes the index and its events"))
            .add("remove", "user role", update("user"))
            .add("add", "index", create("index"))
            .add("add edit", "user role", CommandTable.grant("user").note("changes who may search and administer Splunk"))
            .add("edit", "index", update("index"))
            .add("", "stop restart offline start", update("service").note("stops or restarts the Splunk server"))
            .add("apply", "cluster-bundle shcluster-bundle", update("configuration").note("pushes configuration to every peer"))
            .add("reload", "deploy-server", update("configuration").note("pushes apps to every forwarder"))
            .add("", "cmd", CommandTable.execute("program"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("dog", "datadog-ci", "newrelic", "monaco", "promtool", "splunk");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().isEmpty() || inv.words().contains("--help") || inv.words().contains("-h")
                || inv.words().equals(List.of("--version")) || inv.words().equals(List.of("version"))) {
            return List.of();
        }
        ParsedArgs p = inv.parse(switch (inv.program()) {
            case "splunk" -> SPLUNK_VALUED;
            case "datadog-ci" -> DATADOG_CI_VALUED;
            case "monaco" -> MONACO_VALUED;
            default -> VALUED;
        });
        List<String> words = p.words();
        if (words.isEmpty()) {
            return List.of();
        }
        return switch (inv.program()) {
            case "dog" -> List.of(placed(inv, DATADOG.findOrGuess(words, 2, "monitor"), words, "datadog"));
            case "promtool" -> List.of(placed(inv, PROMTOOL.findOrGuess(words, 2, "tsdb"), words, "prometheus"));
            case "splunk" -> List.of(splunk(inv));
            case "datadog-ci" -> List.of(dryRun(inv, p, DATADOG_CI.findOrGuess(words, 2, "function"), "datadog", "--env"));
            case "monaco" -> List.of(dryRun(inv, p, MONACO.findOrGuess(words, 2, "configuration"), "dynatrace", "-e", "--environment"));
            default -> List.of(newRelic(inv, p, words));
        };
    }

    private static Operation newRelic(Invocation inv, ParsedArgs p, List<String> words) {
        if (words.getFirst().equals("nerdgraph")) {
            String graphql = p.value("--query").orElse(words.size() > 2 ? words.get(2) : "");
            boolean mutation = Regex.find(graphql, "^\\s*mutation\\b");
            boolean deletes = mutation && Regex.find(graphql, "(?i)\\b\\w*(delete|remove|purge)\\w*\\s*\\(");
            CommandTable.Act act = !mutation ? read("nerdgraph")
                    : deletes ? delete("nerdgraph").note("a NerdGraph mutation that deletes")
                    : update("nerdgraph").note("a NerdGraph mutation changes the account");
            return act.placed(inv, "newrelic", "", Map.of(), Tier.UNKNOWN, "");
        }
        return placed(inv, NEWRELIC.findOrGuess(words, 2, "entity"), words, "newrelic");
    }

    /**
     * {@code splunk search|dispatch QUERY} is judged by its query ({@link SplunkSearches}); the rest by the table. Data
     * erased from the audit index ({@code clean eventdata -index _audit}, {@code edit index _audit}) is the audit trail.
     */
    private static Operation splunk(Invocation inv) {
        ParsedArgs p = inv.parse(SPLUNK_VALUED);
        List<String> words = p.words();
        String host = p.value("-uri").map(dev.interlock.environment.Hosts::of).orElse("");
        if (Set.of("search", "dispatch").contains(words.getFirst())) {
            Operation.Builder search = SplunkSearches.search(words.size() > 1 ? words.get(1) : "", host, inv.evidence()).toBuilder();
            inv.locators().forEach(search::locator);
            return search.build();
        }
        CommandTable.Found found = SPLUNK.findOrGuess(words, 2, "configuration");
        String index = p.value("-index").orElse(found.act().type().equals("index") && words.size() > found.words() ? words.get(found.words()) : "");
        CommandTable.Act act = found.command().equals("clean eventdata") && index.isEmpty() ? found.act().all() : found.act();
        Operation op = act.placed(inv, "splunk", index.isEmpty() && words.size() > found.words() ? words.get(found.words()) : index,
                Map.of("host", host), Tier.UNKNOWN, "");
        boolean erases = op.verb() == Verb.DELETE || op.verb() == Verb.UPDATE && found.command().equals("edit index");
        return erases ? AuditIndexes.erased(index).map(control -> SecurityControls.marked(op, control)).orElse(op) : op;
    }

    /** A change placed by the environment its option names; a dry run of it only prints what it would change. */
    private static Operation dryRun(Invocation inv, ParsedArgs p, CommandTable.Found found, String system, String... environment) {
        boolean dry = p.has("-d", "--dry", "--dry-run");
        CommandTable.Act act = dry && found.act().verb() != Verb.READ && !found.act().here() ? read(found.act().type())
                .note("a dry run prints the changes without making them") : found.act();
        String name = found.name(p.words()).isEmpty() ? p.value("-f", "--function").orElse("") : found.name(p.words());
        return act.placed(inv, system, name, Map.of("environment", p.value(environment).orElse("")),
                Tier.UNKNOWN, "");
    }

    private static Operation placed(Invocation inv, CommandTable.Found found, List<String> words, String system) {
        String name = found.name(words);
        return found.act().placed(inv, system, name, Map.of(), Tier.UNKNOWN, "");
    }
}
