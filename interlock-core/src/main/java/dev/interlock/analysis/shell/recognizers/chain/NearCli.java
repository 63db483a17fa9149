package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * NEAR's CLI, old ({@code near deploy app.near …}) and new ({@code near contract deploy app.near … network-config
 * mainnet … send}). Account ids sit between the words that name the action, so the action is the first word of the
 * line this table knows. The network is {@code network-config NAME}, {@code --networkId}, {@code NEAR_ENV}, else an
 * account's suffix ({@code .testnet}, {@code .near} on mainnet).
 */
final class NearCli {

    private NearCli() {
    }

    private static final Placement NETWORK = Placement.of("network", "--networkId", "--network-id", "--network")
            .orVariables("NEAR_ENV", "NEAR_NETWORK");

    private static final Map<String, CommandTable.Act> ACTIONS = Map.ofEntries(
            Map.entry("view", read("contract")), Map.entry("state", read("account")), Map.entry("keys", read("access-key")),
            Map.entry("view-account-summary", read("account")), Map.entry("list-keys", read("access-key")),
            Map.entry("view-storage", read("contract")), Map.entry("download-wasm", read("contract")),
            Map.entry("download-abi", read("contract")), Map.entry("as-read-only", read("contract")),
            Map.entry("view-status", read("transaction")), Map.entry("view-near-balance", read("account")),
            Map.entry("view-ft-balance", read("account")), Map.entry("view-nft-assets", read("account")),
            Map.entry("export-account", credential("private-key").note("prints the account's private key or seed phrase")),
            Map.entry("login", local("credentials")), Map.entry("generate-key", local("credentials")),
            Map.entry("import-account", local("credentials")), Map.entry("config", local("config")),
            Map.entry("deploy", OnChain.sent(create("contract")).note("deploys code over the account's contract")),
            Map.entry("send", OnChain.sent(update("funds")).note("sends NEAR: a transfer cannot be called back")),
            Map.entry("send-near", OnChain.sent(update("funds")).note("sends NEAR: a transfer cannot be called back")),
            Map.entry("send-ft", OnChain.sent(update("funds")).note("sends tokens: a transfer cannot be called back")),
            Map.entry("send-nft", OnChain.sent(update("funds")).note("sends an NFT: a transfer cannot be called back")),
            Map.entry("call", OnChain.sent(execute("contract"))), Map.entry("as-transaction", OnChain.sent(execute("contract"))),
            Map.entry("send-signed-transaction", OnChain.sent(execute("transaction"))),
            Map.entry("create-account", OnChain.sent(create("account"))), Map.entry("create", OnChain.sent(create("account"))),
            Map.entry("delete-account", delete("account").note("deletes the account; its balance goes to the beneficiary")),
            Map.entry("delete", delete("account").note("deletes the account; its balance goes to the beneficiary")),
            Map.entry("add-key", OnChain.sent(grant("access-key"))), Map.entry("delete-key", OnChain.sent(grant("access-key"))),
            Map.entry("delete-keys", OnChain.sent(grant("access-key"))), Map.entry("stake", OnChain.sent(update("stake"))),
            Map.entry("staking", OnChain.sent(update("stake"))));

    private static final Set<String> VALUED = Set.of("--networkId", "--network-id", "--network", "--accountId",
            "--account-id", "--masterAccount", "--initialBalance", "--gas", "--deposit", "--amount", "--wasmFile",
            "--initFunction", "--initArgs", "--useAccount", "--keyPath", "--seedPhrase", "--publicKey", "--beneficiaryId");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        int at = 0;
        while (at < words.size() && !ACTIONS.containsKey(words.get(at))) {
            at++;
        }
        CommandTable.Act act = at < words.size() ? ACTIONS.get(words.get(at))
                : CommandTable.guess(words.isEmpty() ? "" : words.getLast(), "account");
        String account = words.stream().filter(w -> w.endsWith(".near") || w.endsWith(".testnet")).findFirst().orElse("");
        return OnChain.place(inv, "near", act, account, network(inv, p, words, account));
    }

    private static Optional<String> network(Invocation inv, ParsedArgs p, List<String> words, String account) {
        int config = words.indexOf("network-config");
        if (config >= 0 && config + 1 < words.size()) {
            return Optional.of(words.get(config + 1));
        }
        return NETWORK.target(inv, p).or(() -> account.endsWith(".testnet") ? Optional.of("testnet")
                : account.endsWith(".near") ? Optional.of("mainnet") : Optional.empty());
    }
}
