package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Locale;
import java.util.Set;

/**
 * Foundry: {@code forge} builds, tests and deploys; {@code cast} talks to a node; {@code anvil} and {@code chisel} run
 * here. {@code forge script} only simulates until {@code --broadcast}; {@code forge create} deploys. {@code cast send}
 * and {@code cast publish} sign and send: value moves, or a contract call changes state, and a call that hands over
 * ownership, roles or token allowances is a grant. The wallet commands that print a private key are credential reads;
 * every other {@code cast} command reads the chain or computes locally. The network is {@code --rpc-url}, else
 * {@code ETH_RPC_URL}.
 */
final class Foundry {

    private Foundry() {
    }

    static final Placement RPC = Placement.of("network", "--rpc-url", "-r", "--fork-url", "-f").orVariables("ETH_RPC_URL");

    private static final CommandTable FORGE = CommandTable.builder()
            .add("", "build b compile test t fmt coverage snapshot s inspect in tree config clean init install i update u"
                    + " remove rm doc bind bind-json geiger lint selectors se cache flatten f remappings re completions"
                    + " compiler eip712 soldeer clone generate", local("project"))
            .add("", "script", read("script").note("simulates the script: nothing is sent without --broadcast"))
            .add("", "create", OnChain.sent(create("contract")).note("deploys a contract: once mined it cannot be taken back"))
            .add("", "verify-contract v", create("verification").note("publishes the contract's source on a block explorer"))
            .add("", "verify-check vc verify-bytecode vb", read("verification"))
            .build();

    private static final CommandTable CAST = CommandTable.builder()
            .add("", "send s publish p", OnChain.sent(update("contract"))
                    .note("signs and sends a transaction: what it moves or changes on chain cannot be called back"))
            .add("wallet", "private-key pk private-keys decrypt-keystore dk derive-private-key",
                    credential("private-key").note("prints a wallet's private key"))
            .add("wallet", "remove rm", OnChain.here(Verb.DELETE, "keystore", "deletes a keystore: the key in it is lost"))
            .add("wallet", "new n new-mnemonic nm import i vanity va sign change-password", local("wallet"))
            .build();

    /** Calls that hand a contract, its roles or its tokens to someone else: permission changes, not plain state. */
    private static final Set<String> GRANTING_CALLS = Set.of("transferownership", "renounceownership", "acceptownership",
            "setowner", "changeowner", "grantrole", "revokerole", "renouncerole", "changeadmin", "setadmin", "transferadmin",
            "upgradeto", "upgradetoandcall", "approve", "setapprovalforall", "increaseallowance", "addowner", "removeowner",
            "changethreshold", "setpendingadmin");

    /** JSON-RPC methods that send or rewrite chain state; every other method reads. */
    private static final Set<String> SENDING_METHODS = Set.of("eth_sendrawtransaction", "eth_sendtransaction",
            "eth_sendbundle", "eth_sendprivatetransaction");

    /** Cheat methods of development nodes: they rewrite a local chain's state, and no public node accepts them. */
    private static final Set<String> DEV_NODE_METHODS = Set.of("anvil_", "hardhat_", "evm_", "ganache_");

    private static final Set<String> VALUED = Set.of("--rpc-url", "-r", "--fork-url", "-f", "--private-key",
            "--mnemonic", "--keystore", "--account", "--password", "--unsafe-password", "--from", "--value", "--gas-limit",
            "--gas-price", "--priority-gas-price", "--nonce", "--chain", "--etherscan-api-key", "--verifier",
            "--verifier-url", "--sig", "-s", "--constructor-args", "--constructor-args-path", "--libraries",
            "--block", "-B", "--contracts", "-C", "--root", "--match-test", "--match-contract", "--match-path", "--mt",
            "--mc", "--mp", "--fork-block-number", "--sender", "--tc", "--target-contract", "--evm-version", "--optimizer-runs",
            "--compiler-version", "--delay", "--retries", "--mnemonic-index", "--hd-path", "--keystore-dir", "-o", "--out",
            "--timeout", "--port", "-p", "--host", "--chain-id", "--accounts", "-a", "--balance", "--state", "--dump-state",
            "--load-state", "--fork-chain-id", "--block-time", "-b", "--name", "--with-gas-price", "--multi");

    static Operation forge(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = FORGE.find(p.words()).orElseGet(() -> new CommandTable.Found("", local("project"), 0));
        CommandTable.Act act = found.act();
        if (found.command().equals("script") && p.has("--broadcast", "--resume")) {
            act = OnChain.sent(create("transactions"))
                    .note("broadcasts the script's deployments and calls: once mined they cannot be taken back");
        }
        return OnChain.place(inv, "forge", act, found.name(p.words()), RPC.target(inv, p));
    }

    static Operation cast(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = CAST.find(p.words()).orElseGet(() -> new CommandTable.Found(p.positional(0).orElse(""),
                read("chain"), 1));
        CommandTable.Act act = found.act();
        String call = p.positional(2).orElse("").toLowerCase(Locale.ROOT);
        if (act.verb() == Verb.UPDATE && GRANTING_CALLS.contains(call.replaceFirst("\\(.*", ""))) {
            act = OnChain.sent(grant("ownership")).note("'" + p.positional(2).orElse("")
                    + "' hands control of the contract or its tokens to another address");
        } else if (act.verb() == Verb.UPDATE && p.has("--value") && call.isEmpty()) {
            act = OnChain.sent(update("funds")).note("sends " + p.value("--value").orElse("value")
                    + ": a transfer on chain cannot be called back");
        } else if (found.command().equals("rpc") || found.command().equals("rp")) {
            String method = p.positional(1).orElse("").toLowerCase(Locale.ROOT);
            act = SENDING_METHODS.contains(method) ? OnChain.sent(update("chain")).note("the RPC method " + method + " sends a transaction")
                    : DEV_NODE_METHODS.stream().anyMatch(method::startsWith)
                    ? local("node").note("only a development node (anvil, hardhat node) answers " + method) : read("chain");
        }
        return OnChain.place(inv, "cast", act, found.name(p.words()), RPC.target(inv, p));
    }
}
