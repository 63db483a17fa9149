package dev.interlock.analysis.shell.recognizers.mlops;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Ray's CLIs: {@code ray} and Ray Serve's {@code serve}. The cluster launcher's commands ({@code up}, {@code down},
 * {@code exec}, …) act on the cluster a YAML describes, placed by {@code --cluster-name} or the YAML's own name
 * ({@code prod-cluster.yaml}); {@code down} tears every node down. Jobs and Serve act on the cluster at
 * {@code --address} (else {@code RAY_ADDRESS} / {@code RAY_DASHBOARD_ADDRESS}), whose default is this machine's;
 * {@code serve shutdown} removes every application there.
 */
public final class Ray {

    private Ray() {
    }

    private static final Set<String> VALUED = Set.of("-n", "--cluster-name", "--address", "-a", "--node-ip-address",
            "--port", "-p", "--log-style", "--log-color", "--ip", "--node-type", "--glob", "--limit", "--filter",
            "--format", "--runtime-env", "--runtime-env-json", "--working-dir", "--submission-id", "--job-id",
            "--metadata-json", "--num-cpus", "--num-gpus", "--dashboard-host", "--dashboard-port", "--name", "-f",
            "--config-file", "--timeout", "--tail");

    /** The cluster launcher's commands: their operand is the cluster's YAML. */
    private static final CommandTable LAUNCHER = CommandTable.builder()
            .add("", "get-head-ip get-worker-ips rsync-down", read("cluster"))
            .add("", "up", update("cluster").note("creates or changes the cluster the YAML describes"))
            .add("", "rsync-up", update("cluster").note("copies files onto the cluster's nodes"))
            .add("", "exec submit attach", execute("cluster"))
            .add("", "down", delete("cluster").all().note("tears down every node of the cluster"))
            .build();

    /** The commands that talk to a running cluster's head at an address. */
    private static final CommandTable HEAD = CommandTable.builder()
            .add("", "status memory summary timeline logs list get", read("cluster"))
            .add("job", "list status logs", read("job"))
            .add("job", "submit", execute("job"))
            .add("job", "stop", update("job"))
            .add("job", "delete", delete("job"))
            .add("", "start stop", local("node"))
            .build();

    private static final CommandTable SERVE = CommandTable.builder()
            .add("", "status config", read("application"))
            .add("", "deploy", update("application"))
            .add("", "shutdown", delete("application").all().note("shuts down every Serve application on the cluster"))
            .build();

    private static final Placement RAY_HEAD = Placement.of("host", "--address").orVariables("RAY_ADDRESS");
    private static final Placement SERVE_HEAD = Placement.of("host", "--address", "-a").orVariables("RAY_DASHBOARD_ADDRESS");

    /** {@code ray}'s command, when a table has it. */
    static Optional<Operation> ray(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        Optional<CommandTable.Found> launcher = LAUNCHER.find(words);
        if (launcher.isPresent()) {
            CommandTable.Found found = launcher.get();
            String yaml = found.name(words);
            String cluster = p.value("-n", "--cluster-name")
                    .orElse(yaml.replaceFirst(".*/", "").replaceFirst("(?i)\\.ya?ml$", ""));
            Operation.Builder b = found.act().operation(inv, "ray", cluster);
            if (!cluster.isEmpty()) {
                b.locator("cluster", cluster);
            }
            return Optional.of(b.build());
        }
        return HEAD.find(words).map(found -> atHead(inv, p, found, RAY_HEAD, "ray"));
    }

    /**
     * Ray Serve's command, when the table has it: {@code serve} is also Vercel's static file server
     * ({@code serve build}), which takes a directory where Ray Serve takes a command.
     */
    public static Optional<Operation> serve(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        return SERVE.find(p.words()).map(found -> atHead(inv, p, found, SERVE_HEAD, "ray-serve"));
    }

    private static Operation atHead(Invocation inv, ParsedArgs p, CommandTable.Found found, Placement head, String system) {
        CommandTable.Act act = found.act();
        Operation.Builder b = act.operation(inv, system, found.name(p.words()));
        if (act.here()) {
            return b.build();
        }
        String host = head.target(inv, p).map(Hosts::of).orElse("");
        if (host.isEmpty() || Hosts.loopback(host)) {
            return LocalFiles.local(inv, b, "no address: the Ray cluster on this machine").build();
        }
        return b.locator("host", host).build();
    }
}
