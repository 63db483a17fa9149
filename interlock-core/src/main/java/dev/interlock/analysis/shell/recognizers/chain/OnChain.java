package dev.interlock.analysis.shell.recognizers.chain;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Places a chain CLI's act on the network its command line names. Builds, local nodes and key files stay on this
 * machine; everything else lands on the network, whose tier {@link Networks} reads from the name. Nothing named means
 * the CLI's configured default (Solana's config, Sui's active env, Anchor.toml, a framework's default network): unknown.
 */
final class OnChain {

    private OnChain() {
    }

    /** Signed transactions: once mined they cannot be called back, so every change on chain is irreversible. */
    static CommandTable.Act sent(CommandTable.Act act) {
        return act.losesData();
    }

    /** An act on a file of this machine (a keypair, a keystore): {@code delete} when the key is lost for good. */
    static CommandTable.Act here(Verb verb, String type, String note) {
        return new CommandTable.Act(verb, type, true, verb.destructive(), Scope.ONE, note);
    }

    static Operation place(Invocation inv, String system, CommandTable.Act act, String name, Optional<String> network) {
        if (act.here()) {
            return act.placed(inv, system, name, Map.of(), Tier.UNKNOWN, "");
        }
        String value = network.orElse("");
        Networks.Network placed = Networks.of(value);
        Map<String, String> locators = new HashMap<>();
        locators.put("network", value);
        if (value.contains("://")) {
            locators.put("host", Hosts.of(value));
        }
        return act.placed(inv, system, name, locators, placed.tier(), placed.why());
    }
}
