package dev.interlock.analysis.shell.recognizers.gateways;

import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Apollo's {@code rover}: commands on a graph ref {@code GRAPH@VARIANT}, and the variant is the environment
 * ({@code acme@prod} is production, {@code acme@dev} a sandbox; a ref without one is the {@code current} variant,
 * which names nothing). Publishing a schema, a persisted-query list, a contract or a README changes what the variant's
 * router serves; deleting a subgraph recomposes without it; checks, fetches, lints and introspection only read.
 * Composing and the local dev router stay on this machine.
 */
final class RoverCli {

    private RoverCli() {
    }

    private static final CommandTable TABLE = CommandTable.builder()
            .add("subgraph", "check fetch introspect list lint describe", read("subgraph"))
            .add("subgraph", "publish", update("subgraph").note("publishes the subgraph's schema: the variant's supergraph is recomposed"))
            .add("subgraph", "delete", delete("subgraph").note("removes the subgraph: the variant's supergraph is recomposed without it"))
            .add("graph", "check fetch introspect lint describe", read("graph"))
            .add("graph", "publish", update("graph").note("publishes the graph's schema to the variant"))
            .add("graph", "delete", delete("graph").all())
            .add("supergraph", "fetch", read("supergraph"))
            .add("supergraph", "compose", local("supergraph"))
            .add("persisted-queries", "publish", update("persisted-queries").note("changes the operations the variant's router accepts"))
            .add("contract", "describe", read("contract"))
            .add("contract", "publish", update("contract"))
            .add("contract", "delete", delete("contract"))
            .add("readme", "fetch", read("readme"))
            .add("readme", "publish", update("readme"))
            .add("cloud config", "fetch validate", read("router-config"))
            .add("cloud config", "update", update("router-config"))
            .add("", "dev init template config docs explain info install update license lsp client", local("project"))
            .build();
    private static final Set<String> VALUED = Set.of("--name", "--schema", "-s", "--routing-url", "--manifest", "--profile",
            "--output", "-o", "--format", "--config", "--client-name", "--log", "-l", "--query-count-threshold",
            "--query-percentage-threshold", "--validation-period", "--graph-ref", "--url", "--header", "-H", "--source-variant",
            "--from-file", "--subgraph-url", "--subgraph-name");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 2, "graph");
        String ref = words.stream().skip(found.words()).filter(w -> w.contains("@") || !w.contains("/")).findFirst()
                .or(() -> p.value("--graph-ref")).orElse("");
        String variant = ref.contains("@") ? ref.substring(ref.indexOf('@') + 1) : "";
        String name = p.value("--name").map(n -> ref + " " + n).orElse(ref);
        return found.act().placed(inv, "apollo", name,
                Map.of("environment", variant, "app", ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref), Tier.UNKNOWN, "");
    }
}
