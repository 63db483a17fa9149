package dev.interlock.analysis.shell.recognizers.gateways;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * GraphQL and API-gateway CLIs, one table each: {@code hasura} ({@link HasuraCli}), Apollo's {@code rover}
 * ({@link RoverCli}), Kong's {@code deck} and {@code tyk-sync} ({@link GatewaySync}), {@code grpcurl} ({@link Grpcurl})
 * and Postman's collection runners {@code newman} and {@code postman} ({@link CollectionRunners}). Each acts on the
 * endpoint, graph variant or control plane it names, which places it (a {@code localhost} endpoint is a sandbox);
 * dumps, diffs, checks and fetches only read.
 */
public final class GatewayRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("hasura", "rover", "deck", "tyk-sync", "grpcurl", "newman", "postman");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))
                || words.equals(List.of("version"))) {
            return List.of();
        }
        return List.of(switch (inv.program()) {
            case "hasura" -> HasuraCli.recognize(inv);
            case "rover" -> RoverCli.recognize(inv);
            case "deck", "tyk-sync" -> GatewaySync.recognize(inv);
            case "grpcurl" -> Grpcurl.recognize(inv);
            default -> CollectionRunners.recognize(inv);
        });
    }
}
