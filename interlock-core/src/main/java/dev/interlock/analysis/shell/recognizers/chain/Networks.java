package dev.interlock.analysis.shell.recognizers.chain;

import dev.interlock.environment.Hosts;
import dev.interlock.environment.TierWords;
import dev.interlock.model.Tier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tier of a chain network as a command line names it: an RPC URL ({@code https://eth-sepolia.g.alchemy.com/v2/…}),
 * a configured network name ({@code --network holesky}, {@code --provider.cluster mainnet}), Solana's shorthand
 * ({@code -um}) or a variable's name ({@code $MAINNET_RPC_URL}). A node on this machine (anvil, hardhat node, a test
 * validator) is local; a public testnet is a sandbox whose coins are worthless, so dev; a mainnet moves real value, so
 * prod; a project's network named for staging or production is that environment's. A network none of these words names stays unknown, which the policy treats like production.
 */
final class Networks {

    /** A network's tier and why. */
    record Network(Tier tier, String why) {
    }

    /** Names of nodes that run on this machine; {@code development} is Truffle's name for its local Ganache. */
    private static final Set<String> LOCAL = Set.of("localhost", "local", "localnet", "l", "hardhat", "anvil", "ganache",
            "development", "sandbox", "localnode");
    /** Public testnets and devnets, and Solana's {@code -ud}/{@code -ut}. */
    private static final Set<String> TESTNETS = Set.of("testnet", "devnet", "d", "t", "sepolia", "holesky", "hoodi",
            "goerli", "rinkeby", "ropsten", "kovan", "amoy", "mumbai", "fuji", "chiado", "alfajores", "cardona", "betanet");
    /** Words that name a mainnet: real funds. */
    private static final Set<String> MAINNETS = Set.of("mainnet", "m", "mainnet-beta");
    /** A word with a digit suffix ({@code sepolia2}) or a hyphenated name is split into these parts. */
    private static final String SEPARATORS = "[^a-z0-9]+";

    private static final Map<Tier, String> WHY = Map.of(
            Tier.LOCAL, "a node on this machine",
            Tier.DEV, "a public testnet: its coins have no value",
            Tier.STAGING, "the project's staging network",
            Tier.PROD, "a mainnet: real funds and live contracts");

    private Networks() {
    }

    static Network of(String named) {
        String value = named.toLowerCase(Locale.ROOT).trim();
        if (value.isEmpty()) {
            return new Network(Tier.UNKNOWN, "");
        }
        String host = value.contains("://") ? Hosts.of(value) : "";
        if (!host.isEmpty() && Hosts.loopback(host) || LOCAL.contains(value)) {
            return network(Tier.LOCAL, named);
        }
        if (MAINNETS.contains(value)) {
            return network(Tier.PROD, named);
        }
        if (TESTNETS.contains(value)) {
            return network(Tier.DEV, named);
        }
        List<String> words = Arrays.stream(value.replaceFirst("^[a-z]+://", "").split(SEPARATORS))
                .filter(w -> !w.isEmpty()).toList();
        if (words.stream().anyMatch(w -> w.length() > 1 && TESTNETS.contains(w))) {
            return network(Tier.DEV, named);
        }
        if (words.contains("mainnet")) {
            return network(Tier.PROD, named);
        }
        if (words.stream().anyMatch(w -> TierWords.DEVELOPMENT.contains(w) || w.equals("localhost"))) {
            return network(Tier.DEV, named);
        }
        // a project's own network named for an environment (hardhat's --network staging): that environment's chain
        if (words.stream().anyMatch(TierWords.STAGING::contains)) {
            return network(Tier.STAGING, named);
        }
        if (words.stream().anyMatch(TierWords.PRODUCTION::contains)) {
            return network(Tier.PROD, named);
        }
        return new Network(Tier.UNKNOWN, "");
    }

    private static Network network(Tier tier, String named) {
        return new Network(tier, "network '" + named + "' is " + WHY.get(tier));
    }
}
