package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code elasticdump} and {@code multielasticdump} (Elasticsearch and OpenSearch): they move an index's documents,
 * mappings or settings from {@code --input} to {@code --output}, each a cluster URL or a file. Reading a cluster's
 * documents into a file (or another cluster) is a copy of its data ({@link DatabaseOps#COPIES_DATA}), judged where
 * the source is; writing into a cluster changes its index; {@code --delete} removes each document from the source as
 * it is moved. Mappings, settings, aliases and templates are schema, not data.
 */
public final class SearchDumps implements Recognizer {

    private static final Set<String> VALUED = Set.of("--input", "--output", "--type", "--limit", "--input-index",
            "--output-index", "--searchBody", "--fileSize", "--headers", "--size", "--offset", "--direction", "--match",
            "--parallel", "--includeType", "--ignoreType", "--concurrency", "--httpAuthFile", "--transform",
            "--scrollTime", "--input-ca", "--output-ca", "--inputSocksProxy", "--outputSocksProxy", "--retryAttempts");

    @Override
    public Set<String> programs() {
        return Set.of("elasticdump", "multielasticdump");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        boolean multi = inv.program().equals("multielasticdump");
        String input = p.value("--input").orElse("");
        String output = p.value("--output").orElse("");
        boolean documents = multi ? multiDocuments(p) : p.value("--type").orElse("data").equals("data");
        String what = multi ? "indices" : p.value("--type").orElse("data");
        List<Operation> ops = new ArrayList<>();
        if (cluster(input)) {
            String host = Hosts.of(input);
            boolean leaves = documents && !(cluster(output) && Hosts.of(output).equals(host));
            Operation.Builder read = DatabaseOps.op(inv, Verb.READ, "index", index(input, p.value("--input-index")))
                    .scope(multi ? Scope.MANY : Scope.ONE);
            if (leaves) {
                read.locator(DatabaseOps.COPIES_DATA, "documents")
                        .note("copies the " + (multi ? "indices'" : "index's") + " documents to " + (output.isEmpty() ? "stdout" : output));
            }
            ops.add(DataServiceRecognizer.located(read, host, inv));
            if (p.has("--delete")) {
                ops.add(DataServiceRecognizer.located(DatabaseOps.op(inv, Verb.DELETE, "index", index(input, p.value("--input-index")))
                        .scope(Scope.ALL).stateful(true).reversible(false)
                        .note("--delete removes each document from the source as it is moved"), host, inv));
            }
        }
        if (cluster(output)) {
            Operation.Builder write = DatabaseOps.op(inv, Verb.UPDATE, "index", index(output, p.value("--output-index")))
                    .scope(multi ? Scope.MANY : Scope.ONE)
                    .note(documents ? "writes documents into the index" : "writes the " + what + " into the index");
            ops.add(DataServiceRecognizer.located(write, Hosts.of(output), inv));
        }
        if (ops.isEmpty()) {
            // file to file (or nothing named): a transform on this machine
            ops.add(DatabaseOps.op(inv, Verb.READ, "file", input).note("converts dump files on this machine").build());
        }
        return ops;
    }

    /** multielasticdump copies data, mappings, settings, … unless {@code --includeType}/{@code --ignoreType} leave data out. */
    private static boolean multiDocuments(ParsedArgs p) {
        List<String> included = Arrays.asList(p.value("--includeType").orElse("data").split(","));
        List<String> ignored = Arrays.asList(p.value("--ignoreType").orElse("").split(","));
        return included.contains("data") && !ignored.contains("data");
    }

    private static boolean cluster(String address) {
        String a = address.toLowerCase(Locale.ROOT);
        return a.startsWith("http://") || a.startsWith("https://");
    }

    /** The index a cluster URL names ({@code https://es:9200/customers} → customers), or the flag's. */
    private static String index(String url, java.util.Optional<String> flag) {
        if (flag.isPresent()) {
            return flag.get();
        }
        String rest = url.substring(url.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        return Regex.before(path, "[/?#]");
    }
}
