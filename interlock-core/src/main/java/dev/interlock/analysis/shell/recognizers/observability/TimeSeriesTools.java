package dev.interlock.analysis.shell.recognizers.observability;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Time-series storage tools that change stored data outside a database client. {@code thanos tools bucket}: a block
 * marked with {@code deletion-mark.json} is deleted by the compactor, {@code rewrite} only reports unless
 * {@code --no-dry-run}, placed by the object-store config file's name ({@code objstore-prod.yaml}). {@code vmctl}
 * copies data into the VictoriaMetrics its destination address names. Graphite's whisper tools rewrite {@code .wsp}
 * files in place: a shorter retention drops the older points, so they lose data.
 */
public final class TimeSeriesTools implements Recognizer {

    /** {@code thanos tools bucket} commands that change the bucket; the rest (ls, inspect, verify, web) read. */
    private static final Map<String, Verb> BUCKET = Map.of("mark", Verb.UPDATE, "rewrite", Verb.UPDATE,
            "cleanup", Verb.DELETE, "retention", Verb.DELETE, "replicate", Verb.UPDATE, "upload-blocks", Verb.UPDATE);

    private static final Set<String> WHISPER = Set.of("whisper-resize.py", "whisper-resize", "whisper-set-aggregation-method.py",
            "whisper-set-aggregation-method", "whisper-fill.py", "whisper-fill", "whisper-merge.py", "whisper-merge",
            "whisper-set-xfilesfactor.py", "whisper-set-xfilesfactor");

    private static final Set<String> VALUED = Set.of("--objstore.config-file", "--id", "--marker", "--details",
            "--rewrite.to-delete-config-file", "--rewrite.to-relabel-config-file", "--vm-native-src-addr",
            "--vm-native-dst-addr", "--vm-addr", "--influx-addr", "--prom-snapshot", "--remote-read-src-addr",
            "--vm-native-filter-match", "--vm-native-filter-time-start", "--vm-native-filter-time-end", "--xFilesFactor",
            "--aggregationMethod");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(WHISPER);
        all.addAll(Set.of("thanos", "vmctl"));
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv, "--version")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (inv.program().equals("vmctl")) {
            String dst = p.value("--vm-native-dst-addr", "--vm-addr").orElse("");
            String host = Hosts.of(dst.contains("://") ? dst : "http://" + dst);
            Operation.Builder b = Operation.builder(DatabaseOps.SYSTEM, words.isEmpty() ? Verb.READ : Verb.UPDATE)
                    .resource("series", words.isEmpty() ? "" : words.getFirst()).scope(Scope.MANY).evidence(inv.evidence())
                    .note("imports series into the destination VictoriaMetrics");
            return List.of((host.isEmpty() ? b : b.locator("host", host)).build());
        }
        if (inv.program().equals("thanos")) {
            return thanos(inv, p, words);
        }
        String file = p.positional(0).orElse("");
        // whisper-resize without a backup cannot be undone; every rewrite is in place
        boolean loses = inv.program().startsWith("whisper-resize") || inv.program().startsWith("whisper-merge");
        return List.of(LocalFiles.on(inv, Verb.UPDATE, "whisper-file", file).scope(Scope.ONE).stateful(loses)
                .reversible(!loses).note("rewrites the whisper file in place").build());
    }

    private static List<Operation> thanos(Invocation inv, ParsedArgs p, List<String> words) {
        if (words.size() < 3 || !words.get(0).equals("tools") || !words.get(1).equals("bucket")) {
            return List.of(LocalFiles.execute(inv, "thanos", "runs a Thanos component"));
        }
        String command = words.get(2);
        Verb verb = BUCKET.getOrDefault(command, Verb.READ);
        if (command.equals("rewrite") && !p.has("--no-dry-run")) {
            verb = Verb.READ; // a dry run: reports what it would change
        }
        boolean deletes = command.equals("mark") && p.value("--marker").orElse("").startsWith("deletion");
        if (deletes) {
            verb = Verb.DELETE;
        }
        boolean loses = verb == Verb.DELETE || verb == Verb.UPDATE && command.equals("rewrite");
        String config = p.value("--objstore.config-file").orElse("");
        Operation.Builder b = Operation.builder("thanos", verb).resource("block", p.value("--id").orElse(""))
                .scope(p.has("--id") ? Scope.ONE : Scope.MANY).stateful(loses).reversible(!loses).evidence(inv.evidence());
        DeploymentWords.tierWordIn(config.substring(config.lastIndexOf('/') + 1)).ifPresent(t -> b.locator("environment", t));
        return List.of(b.build());
    }
}
