package dev.interlock.analysis.shell.recognizers.elt;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Airbyte's CLIs. {@code octavia}: listing and getting read the workspace, generating and importing write its
 * configuration into local files, {@code apply} pushes every local source, destination and connection to the workspace
 * ({@code --force} without asking); where is {@code --airbyte-url} or {@code AIRBYTE_URL}. {@code abctl} installs and
 * runs Airbyte in a kind cluster on this machine; its {@code credentials} print the local instance's login.
 */
final class Airbyte {

    private Airbyte() {
    }

    private static final Set<String> VALUED = Set.of("--airbyte-url", "--airbyte-username", "--airbyte-password",
            "--workspace-id", "--file", "-f", "--api-http-header-file", "--api-http-headers", "--chart-version", "--values",
            "--port", "--host", "--secret", "--email", "--password", "--organization-id", "--client-id");

    private static final Placement WHERE = Placement.of("host", "--airbyte-url").orVariables("AIRBYTE_URL");

    private static final CommandTable OCTAVIA = CommandTable.builder()
            .add("", "list get", read("workspace"))
            .add("", "init generate import telemetry", local("configuration"))
            .add("", "apply", update("workspace").many().note("pushes the local sources, destinations and connections to the workspace"))
            .build();

    private static final CommandTable ABCTL = CommandTable.builder()
            .add("local", "status", read("instance"))
            .add("local", "install uninstall deployments", local("instance"))
            .add("local", "credentials", credential("instance").note("prints the local instance's login"))
            .add("", "images version", local("instance"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        boolean abctl = inv.program().equals("abctl");
        CommandTable.Act act = (abctl ? ABCTL : OCTAVIA).findOrGuess(words, abctl ? 2 : 1, "workspace").act();
        if (abctl) {
            // everything abctl manages is the kind cluster on this machine
            return List.of(LocalFiles.local(inv, act.operation(inv, "airbyte", "abctl"), "Airbyte's kind cluster on this machine").build());
        }
        Operation.Builder b = act.operation(inv, "airbyte", p.value("--file", "-f").orElse(""));
        if (act.here()) {
            return List.of(b.build());
        }
        // octavia's default server is a local Airbyte (http://localhost:8000)
        b.locator("host", WHERE.target(inv, p).map(Hosts::of).filter(h -> !h.isEmpty()).orElse("localhost"));
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }
}
