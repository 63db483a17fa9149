package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
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
import java.util.Set;

/**
 * Anchor, Solana's program framework. Builds, key syncing and {@code anchor test} (which starts its own local
 * validator) stay here; {@code deploy}, {@code upgrade}, {@code migrate}, {@code run} and the IDL account commands act
 * on {@code --provider.cluster}, else on Anchor.toml's cluster, which Interlock cannot see.
 */
final class Anchor {

    private Anchor() {
    }

    private static final Placement CLUSTER = Placement.of("network", "--provider.cluster").orVariables("ANCHOR_PROVIDER_URL");

    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "build init new expand clean localnet login keys test help completions", local("program"))
            .add("idl", "build parse type convert", local("idl"))
            .add("", "verify account", read("program"))
            .add("idl", "fetch", read("idl"))
            .add("cluster", "list", read("cluster"))
            .add("", "deploy", OnChain.sent(create("program")).note("deploys the workspace's programs"))
            .add("", "upgrade", OnChain.sent(update("program")).note("replaces a live program's code"))
            .add("", "migrate run shell", OnChain.sent(execute("script")).note("runs a script against the cluster"))
            .add("idl", "init", OnChain.sent(create("idl")))
            .add("idl", "upgrade write-buffer set-buffer", OnChain.sent(update("idl")))
            .add("idl", "set-authority erase-authority", OnChain.sent(grant("authority")))
            .add("idl", "close", delete("idl"))
            .build();

    private static final Set<String> VALUED = Set.of("--provider.cluster", "--provider.wallet", "--program-id",
            "--program-name", "-p", "--program-keypair", "--filepath", "-f", "--new-authority", "--buffer", "--arch",
            "--docker-image", "--bootstrap", "--idl", "-o", "--out", "--run");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        CommandTable.Found found = TABLE.findOrGuess(p.words(), Math.min(2, p.words().size()), "program");
        CommandTable.Act act = found.act();
        if (found.command().equals("test") && p.has("--skip-local-validator")) {
            act = OnChain.sent(execute("program")).note("deploys and tests against the configured cluster, not a local validator");
        }
        return OnChain.place(inv, "anchor", act, p.value("--program-id").orElse(found.name(p.words())), CLUSTER.target(inv, p));
    }
}
