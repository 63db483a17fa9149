package dev.interlock.analysis.shell.recognizers.gateways;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declarative gateway configuration tools: Kong's {@code deck} ({@code gateway dump|diff|validate|ping|sync|reset|apply},
 * the older top-level forms, and {@code file …} conversions on this machine) against {@code --kong-addr} or a Konnect
 * control plane, and {@code tyk-sync} against a Tyk dashboard ({@code -d}) or gateway ({@code -g}). Dumps, diffs and
 * validation read; a dump that keeps the consumers holds their credentials; sync makes the gateway match the file
 * (deleting what it lacks), reset deletes every entity.
 */
final class GatewaySync {

    private GatewaySync() {
    }

    private static final CommandTable DECK = CommandTable.builder()
            .add("", "dump diff validate ping", read("gateway"))
            .add("", "sync", update("gateway").many().note("makes the gateway match the file: entities it lacks are deleted"))
            .add("", "apply", update("gateway"))
            .add("", "reset", delete("gateway").all().note("deletes every entity on the gateway"))
            .add("", "file convert completion version", local("configuration"))
            .build();
    private static final CommandTable TYK = CommandTable.builder()
            .add("", "dump", read("gateway"))
            .add("", "sync", update("gateway").many().note("makes the Tyk APIs and policies match the files: others are deleted"))
            .add("", "update", update("gateway"))
            .add("", "publish", create("api"))
            .add("", "examples", local("configuration"))
            .build();
    private static final Set<String> VALUED = Set.of("--kong-addr", "--konnect-addr", "--konnect-token", "--konnect-token-file",
            "--konnect-control-plane-name", "--konnect-runtime-group-name", "-s", "--state", "-o", "--output-file", "--select-tag",
            "--headers", "-w", "--workspace", "--parallelism", "--config", "--ca-cert", "--ca-cert-file", "--tls-client-cert",
            "--tls-client-key", "--tls-server-name", "--format", "--db-update-propagation-delay", "--konnect-email",
            "--konnect-password", "-d", "--dashboard", "-g", "--gateway", "-t", "--target", "-p", "--path", "--secret",
            "-b", "--branch", "-k", "--key", "--policies", "--apis", "--templates", "--org");

    static Operation recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean deck = inv.program().equals("deck");
        // deck's newer form names where it acts first: deck gateway sync, deck konnect dump
        List<String> command = deck && !words.isEmpty() && (words.getFirst().equals("gateway") || words.getFirst().equals("konnect"))
                ? words.subList(1, words.size()) : words;
        CommandTable.Found found = (deck ? DECK : TYK).findOrGuess(command, 1, "gateway");
        CommandTable.Act act = found.act();
        if (deck && found.command().equals("dump") && !p.has("--skip-consumers")) {
            act = credential("gateway").note("the dump holds the consumers and their API keys, JWT and basic-auth secrets");
        }
        String address = deck ? p.value("--kong-addr").orElse("") : p.value("-d", "--dashboard", "-g", "--gateway").orElse("");
        String controlPlane = p.value("--konnect-control-plane-name", "--konnect-runtime-group-name").orElse("");
        return act.placed(inv, inv.program(), address.isEmpty() ? controlPlane : address,
                Map.of("host", Hosts.of(address), "environment", controlPlane), Tier.UNKNOWN, "");
    }
}
