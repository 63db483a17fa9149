package dev.interlock.analysis.shell.recognizers.observability;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Log shippers and telemetry agents on a host: the Datadog Agent, Vector, the OpenTelemetry Collector, Fluent Bit,
 * Filebeat and Promtail. Their status, health and config checks only read, on this machine or over ssh on any host;
 * {@code datadog-agent flare} uploads the host's configuration and logs to the vendor. A Fluent Bit command line whose
 * output plugin names a host ({@code -o http -p host=…}) ships the files its inputs tail to that host; anything else runs
 * the agent on this machine.
 */
public final class TelemetryAgents implements Recognizer {

    private static final CommandTable DATADOG = CommandTable.builder()
            .add("", "status health configcheck check version hostname diagnose config inventory-agent inventory-host "
                    + "inventory-checks stream-logs stream-event-platform workload-list tagger-list jmx", read("agent"))
            .add("config", "list-runtime get", read("agent"))
            .add("config", "set", update("agent"))
            // decrypted secret handles: which backend answered, and for which key
            .add("", "secret", credential("agent-secrets"))
            .add("", "start stop restart run launch-gui integration remote-config", update("agent"))
            .build();

    private static final CommandTable VECTOR = CommandTable.builder()
            .add("", "validate list top tap graph vrl generate-schema", read("pipeline"))
            .add("", "generate", local("pipeline"))
            .build();

    private static final CommandTable OTELCOL = CommandTable.builder()
            .add("", "validate components", read("pipeline"))
            .build();

    private static final CommandTable FILEBEAT = CommandTable.builder()
            .add("test", "config output", read("pipeline"))
            .add("", "version", read("pipeline"))
            .add("keystore", "list", read("keystore"))
            .add("modules", "list", read("pipeline"))
            .add("modules", "enable disable", update("pipeline"))
            .add("", "export", read("pipeline"))
            .add("keystore", "add remove create", update("keystore"))
            // loads index templates, dashboards and pipelines into the cluster it is configured for
            .add("", "setup", update("pipeline"))
            .build();

    private static final Set<String> VALUED = Set.of("-c", "--config", "--config-dir", "--cfgfile", "-e", "-E", "-d",
            "--path.config", "--path.data", "--path.home", "--path.logs", "--strict.perms", "--config-toml", "--config-yaml",
            "--config-json", "-C", "--set", "--feature-gates", "--log-level");

    /** The options that make a run a dry run or a check: the config is parsed and nothing is shipped. */
    private static final Set<String> CHECKS = Set.of("--dry-run", "-D", "-check-syntax", "--check-syntax", "-dry-run",
            "-print-config-stderr", "-version", "--version", "-V", "-h", "--help", "-help", "-J", "--json");

    /** Fluent Bit's output plugins that stay on this machine whatever their options say. */
    private static final Set<String> LOCAL_OUTPUTS = Set.of("stdout", "null", "file", "counter", "exit");

    @Override
    public Set<String> programs() {
        return Set.of("datadog-agent", "vector", "otelcol", "otelcol-contrib", "otelcol-k8s", "fluent-bit", "td-agent-bit",
                "filebeat", "promtail");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.stream().anyMatch(CHECKS::contains) && !inv.program().equals("datadog-agent")) {
            return List.of(read("pipeline").placed(inv, inv.program(), inv.program(), Map.of(), Tier.UNKNOWN, ""));
        }
        List<String> positionals = inv.parse(VALUED).words();
        return switch (inv.program()) {
            case "datadog-agent" -> datadog(inv, positionals);
            case "fluent-bit", "td-agent-bit" -> fluentBit(inv);
            case "vector" -> List.of(found(inv, VECTOR, positionals));
            case "filebeat" -> List.of(found(inv, FILEBEAT, positionals));
            case "promtail" -> List.of(running(inv));
            default -> List.of(found(inv, OTELCOL, positionals));
        };
    }

    private static List<Operation> datadog(Invocation inv, List<String> positionals) {
        if (!positionals.isEmpty() && positionals.getFirst().equals("flare")) {
            // the flare is the host's config (keys scrubbed, mostly), logs and check outputs, uploaded to Datadog support
            return List.of(Operation.builder("datadog-agent", Verb.TRANSFER).resource("flare", "host configuration and logs")
                    .locator("destination", "datadoghq.com").reversible(false).scope(Scope.ALL)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("uploads this host's agent configuration, logs and check outputs to Datadog").build());
        }
        if (positionals.isEmpty()) {
            return List.of(read("agent").placed(inv, "datadog-agent", "", Map.of(), Tier.UNKNOWN, ""));
        }
        return List.of(DATADOG.findOrGuess(positionals, 1, "agent").act().placed(inv, "datadog-agent", positionals.getFirst(),
                Map.of(), Tier.UNKNOWN, ""));
    }

    private static Operation found(Invocation inv, CommandTable table, List<String> positionals) {
        return table.find(positionals).map(f -> f.act().placed(inv, inv.program(), "", Map.of(), Tier.UNKNOWN, ""))
                .orElseGet(() -> running(inv));
    }

    /** The agent run in the foreground: it ships what its config says, from this machine. */
    private static Operation running(Invocation inv) {
        return local("pipeline").note(inv.program() + " runs here with the configuration it is given")
                .placed(inv, inv.program(), "", Map.of(), Tier.UNKNOWN, "");
    }

    /**
     * {@code fluent-bit -i tail -p path=/var/log/auth.log -o http -p host=webhook.site}: each {@code -p} belongs to the
     * plugin named before it. An output with a host that is not this machine receives every file the inputs read.
     */
    private static List<Operation> fluentBit(Invocation inv) {
        List<String> paths = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        String section = "";
        String plugin = "";
        List<Arg> args = inv.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).value();
            String value = i + 1 < args.size() ? args.get(i + 1).value() : "";
            switch (a) {
                case "-i", "--input" -> {
                    section = "input";
                    plugin = value;
                    i++;
                }
                case "-o", "--output" -> {
                    section = "output";
                    plugin = value.toLowerCase(Locale.ROOT);
                    // -o http://collector:8080/path names the host in the plugin itself
                    if (plugin.contains("://")) {
                        hosts.add(Hosts.of(value));
                    }
                    i++;
                }
                case "-p", "--prop" -> {
                    int eq = value.indexOf('=');
                    String key = eq > 0 ? value.substring(0, eq).toLowerCase(Locale.ROOT) : "";
                    String v = eq > 0 ? value.substring(eq + 1) : "";
                    if (section.equals("input") && key.equals("path")) {
                        paths.add(v);
                    } else if (section.equals("output") && key.equals("host") && !LOCAL_OUTPUTS.contains(plugin)) {
                        hosts.add(Hosts.of(v));
                    }
                    i++;
                }
                default -> {
                }
            }
        }
        List<Operation> ops = new ArrayList<>();
        String what = paths.isEmpty() ? "the records its inputs collect" : String.join(", ", paths);
        for (String host : hosts) {
            if (host.isEmpty() || Hosts.loopback(host)) {
                continue;
            }
            ops.add(NetworkRecognizer.dropHost(host)
                    ? NetworkRecognizer.exfiltration("logs", what, host, inv.evidence(), inv.locators())
                    : Operation.builder("network", Verb.TRANSFER).resource("logs", what).locator("host", host)
                    .reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("ships " + what + " to " + host).build());
        }
        return ops.isEmpty() ? List.of(running(inv)) : List.copyOf(ops);
    }
}
