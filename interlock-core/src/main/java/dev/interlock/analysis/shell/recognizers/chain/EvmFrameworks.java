package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Operation;
import java.util.Set;

/**
 * Hardhat and Truffle: tasks that compile, test and run a node here, and tasks that deploy, migrate or run scripts on
 * {@code --network} (Hardhat also reads {@code HARDHAT_NETWORK}). Hardhat's configuration variables hold deployer keys
 * and API keys, so {@code vars get} prints a secret. A task neither table knows is a project's own: it acts on the
 * network when one is named, and on the in-process network otherwise.
 */
final class EvmFrameworks {

    private EvmFrameworks() {
    }

    private static final Placement HARDHAT_NETWORK = Placement.of("network", "--network").orVariables("HARDHAT_NETWORK");
    private static final Placement TRUFFLE_NETWORK = Placement.of("network", "--network");

    private static final CommandTable HARDHAT = CommandTable.builder()
            .add("", "compile test clean coverage flatten check size-contracts typechain help node init console"
                    + " gas-reporter:merge export-abi", local("project"))
            .add("", "run", OnChain.sent(execute("script")).note("runs a script that may deploy or send transactions"))
            .add("", "deploy", OnChain.sent(create("contracts")).note("deploys the project's contracts"))
            .add("ignition", "deploy", OnChain.sent(create("contracts")).note("deploys an Ignition module's contracts"))
            .add("ignition", "status deployments visualize transactions", read("deployment"))
            .add("ignition", "wipe", local("deployment"))
            .add("", "verify sourcify etherscan-verify", create("verification").note("publishes the contracts' source on a block explorer"))
            .add("ignition", "verify", create("verification").note("publishes the contracts' source on a block explorer"))
            .add("vars", "get", credential("configuration-variable").note("prints a configuration variable: deployer keys and API keys live there"))
            .add("vars", "list path has setup", read("configuration-variable"))
            .add("vars", "set delete", local("configuration-variable"))
            .build();

    private static final CommandTable TRUFFLE = CommandTable.builder()
            .add("", "compile test init unbox create develop build version obtain dashboard db help", local("project"))
            .add("", "networks debug", read("chain"))
            .add("", "migrate deploy", OnChain.sent(create("contracts")).note("runs the migrations: deploys contracts"))
            .add("", "exec console", OnChain.sent(execute("script")).note("runs a script that may send transactions"))
            .add("", "run", create("verification").note("runs a plugin command, such as publishing the source on a block explorer"))
            .build();

    private static final Set<String> VALUED = Set.of("--network", "--config", "--parameters", "--deployment-id",
            "--strategy", "--tags", "--grep", "--port", "--hostname", "--fork", "--fork-block-number", "--contract",
            "--constructor-args", "--libraries", "--f", "--to", "--compile-all");

    static Operation hardhat(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = HARDHAT.find(p.words()).orElseGet(() -> new CommandTable.Found(p.positional(0).orElse(""),
                p.has("--network") ? OnChain.sent(execute("task")).note("runs a project task on a network") : local("task"), 1));
        return OnChain.place(inv, "hardhat", found.act(), found.name(p.words()), HARDHAT_NETWORK.target(inv, p));
    }

    static Operation truffle(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = TRUFFLE.find(p.words()).orElseGet(() -> new CommandTable.Found(p.positional(0).orElse(""),
                local("project"), 1));
        CommandTable.Act act = found.act();
        if (found.command().equals("migrate") && p.has("--reset")) {
            act = OnChain.sent(update("contracts")).note("re-runs every migration: all contracts are deployed again");
        }
        return OnChain.place(inv, "truffle", act, found.name(p.words()), TRUFFLE_NETWORK.target(inv, p));
    }
}
