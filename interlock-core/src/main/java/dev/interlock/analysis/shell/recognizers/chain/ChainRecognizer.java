package dev.interlock.analysis.shell.recognizers.chain;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Blockchain and smart-contract CLIs, each to its own table. */
public final class ChainRecognizer implements Recognizer {

    /** Local nodes and REPLs: a chain on this machine, whatever they are told to fork from. */
    private static final Function<Invocation, Operation> LOCAL_NODE = inv -> OnChain.place(inv, inv.program(),
            local("node").note("runs a development chain on this machine"), "", Optional.empty());

    private static final Map<String, Function<Invocation, Operation>> PROGRAMS = Map.ofEntries(
            Map.entry("forge", Foundry::forge), Map.entry("cast", Foundry::cast),
            Map.entry("anvil", LOCAL_NODE), Map.entry("chisel", LOCAL_NODE), Map.entry("ganache", LOCAL_NODE),
            Map.entry("ganache-cli", LOCAL_NODE), Map.entry("solana-test-validator", LOCAL_NODE),
            Map.entry("sui-test-validator", LOCAL_NODE),
            Map.entry("hardhat", EvmFrameworks::hardhat), Map.entry("truffle", EvmFrameworks::truffle),
            Map.entry("solana", SolanaCli::solana), Map.entry("spl-token", SolanaCli::splToken),
            Map.entry("solana-keygen", SolanaCli::keygen), Map.entry("anchor", Anchor::recognize),
            Map.entry("near", NearCli::recognize), Map.entry("sui", MoveClis::sui), Map.entry("aptos", MoveClis::aptos));

    @Override
    public java.util.Set<String> programs() {
        return PROGRAMS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.contains("--help") || words.contains("-h") || words.equals(List.of("--version"))
                || words.equals(List.of("-V"))) {
            return List.of();
        }
        return List.of(PROGRAMS.get(inv.program()).apply(inv));
    }
}
