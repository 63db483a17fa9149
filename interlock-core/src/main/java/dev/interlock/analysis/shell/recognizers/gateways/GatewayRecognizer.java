package dev.interlock.analysis.shell.recognizers.gateways;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
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

    /**
     * The operation of {@code act} on {@code name}, with the locators the command names (empty values left out) and
     * the tier it itself implies ({@code Tier.UNKNOWN} for none: then the inventory places the locators).
     */
    static Operation operation(Invocation inv, String system, Act act, String name, Map<String, String> locators,
                               Tier implied, String why) {
        Operation.Builder b = act.operation(inv, system, name);
        locators.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.locator(k, v);
            }
        });
        inv.locators().forEach(b::locator);
        if (implied != Tier.UNKNOWN && !act.here()) {
            b.environment(implied, why);
        }
        return b.build();
    }

    /** The host of an endpoint URL or {@code host:port} address; "" for none. */
    static String host(String address) {
        return address.isEmpty() ? "" : Hosts.of(address);
    }
}
