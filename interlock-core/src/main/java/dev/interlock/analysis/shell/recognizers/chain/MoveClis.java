package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
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
import java.util.Optional;
import java.util.Set;

/**
 * The Move chains' CLIs, Sui and Aptos. {@code move} builds and tests here; publishing, upgrading, calling and paying
 * are signed transactions, simulated instead with {@code --dry-run} or {@code --dev-inspect}. Sui acts on its active
 * env, which nothing on the line names (unknown); Aptos on {@code --url}, else the profile's network. Exporting or
 * showing a private key is a credential read.
 */
final class MoveClis {

    private MoveClis() {
    }

    private static final Placement APTOS_NETWORK = Placement.of("network", "--url", "--network", "--profile");

    private static final CommandTable.Act PAY = OnChain.sent(update("funds")).note("sends coins: a transfer cannot be called back");
    private static final CommandTable.Act PRINTS_KEY = credential("private-key").note("prints a private key");

    private static final CommandTable SUI = CommandTable.builder()
            .add("client", "objects object gas balance active-address active-env envs addresses tx-block dynamic-field"
                    + " chain-identifier verify-source verify-bytecode-meter replay profile-transaction events", read("object"))
            .add("client", "faucet", read("faucet").note("asks a test network's faucet for coins"))
            .add("client", "new-address new-env switch remove-address", local("config"))
            .add("client", "transfer transfer-sui pay pay-sui pay-all-sui", PAY)
            .add("client", "merge-coin split-coin", OnChain.sent(update("coin")))
            .add("client", "publish test-publish", OnChain.sent(create("package")).note("publishes a Move package"))
            .add("client", "upgrade test-upgrade", OnChain.sent(update("package")).note("upgrades a live Move package"))
            .add("client", "call ptb execute-signed-tx execute-combined-signed-tx", OnChain.sent(execute("transaction")))
            .add("", "move start genesis console help keytool", local("project"))
            .add("keytool", "export convert", PRINTS_KEY)
            .add("keytool", "list show decode-or-verify-tx decode-multi-sig", read("key"))
            .build();

    private static final CommandTable APTOS = CommandTable.builder()
            .add("", "move init key help info update", local("project"))
            .add("move", "view", read("module"))
            .add("move", "publish deploy-object upgrade-object upgrade-object-package create-object-and-publish-package"
                    + " create-resource-account-and-publish-package deploy", OnChain.sent(create("package")).note("publishes a Move package"))
            .add("move", "run run-script", OnChain.sent(execute("transaction")))
            .add("account", "list balance lookup-address derive-resource-account-address", read("account"))
            .add("account", "fund-with-faucet", read("faucet").note("asks a test network's faucet for coins"))
            .add("account", "transfer", PAY)
            .add("account", "create create-resource-account", OnChain.sent(create("account")))
            .add("account", "rotate-key", OnChain.sent(grant("key")).note("replaces the key that controls the account"))
            .add("key", "extract-public-key extract-peer", read("key"))
            .add("config", "show-profiles show-global-config", read("config"))
            .add("config", "show-private-key", PRINTS_KEY)
            .add("config", "set-global-config rename-profile delete-profile generate-shell-completions", local("config"))
            .add("node", "run-local-testnet run-localnet", local("node"))
            .add("", "stake governance multisig", OnChain.sent(update("stake")))
            .build();

    private static final Set<String> VALUED = Set.of("--url", "--network", "--profile", "--gas-budget", "--gas",
            "--to", "--amount", "--sui-coin-object-id", "--object-id", "--package", "--module", "--function", "--args",
            "--type-args", "--key-identity", "--input-coins", "--recipients", "--amounts", "--coin-object-id",
            "--upgrade-capability", "--address", "--account", "--private-key", "--private-key-file", "--named-addresses",
            "--package-dir", "--function-id", "--max-gas", "--gas-unit-price", "--sender-account", "--output-file");

    /** Simulations: nothing is signed or sent. */
    private static final Set<String> SIMULATIONS = Set.of("--dry-run", "--dev-inspect", "--serialize-unsigned-transaction",
            "--serialize-signed-transaction", "--local");

    static Operation sui(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = SUI.findOrGuess(p.words(), Math.min(2, p.words().size()), "object");
        return OnChain.place(inv, "sui", simulated(found.act(), p), found.name(p.words()), Optional.empty());
    }

    static Operation aptos(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = APTOS.findOrGuess(p.words(), Math.min(2, p.words().size()), "account");
        return OnChain.place(inv, "aptos", simulated(found.act(), p), found.name(p.words()), APTOS_NETWORK.target(inv, p));
    }

    private static CommandTable.Act simulated(CommandTable.Act act, ParsedArgs p) {
        boolean sends = !act.here() && act.verb() != dev.interlock.model.Verb.READ && act.verb() != dev.interlock.model.Verb.CREDENTIAL;
        return sends && SIMULATIONS.stream().anyMatch(p::has) ? read(act.type()).note("simulates the transaction: nothing is sent") : act;
    }
}
