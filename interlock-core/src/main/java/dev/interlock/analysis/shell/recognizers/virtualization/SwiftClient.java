package dev.interlock.analysis.shell.recognizers.virtualization;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * OpenStack Swift's {@code swift} client, placed as the {@code openstack} client is (cloud, project, Keystone host).
 * {@code list}, {@code stat} and {@code download} read; {@code upload}, {@code post} and {@code copy} change objects;
 * {@code delete CONTAINER OBJECT…} deletes those objects, while {@code delete CONTAINER} alone empties and removes the
 * container and {@code delete --all} every container of the account. The Swift language's {@code swift build|test|run}
 * shares the name and stays a local build.
 */
public final class SwiftClient implements Recognizer {

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "list stat capabilities info download", read("container"))
            .add("", "upload post copy", update("container"))
            .add("", "delete", delete("object"))
            .add("", "auth", credential("token").note("prints an auth token and the storage URL"))
            .add("", "tempurl", credential("temp-url").note("signs a URL that opens the object to whoever holds it"))
            .build();

    private static final Set<String> VALUED = Set.of("-A", "--auth", "-U", "--user", "-K", "--key", "-V", "--auth-version",
            "--os-auth-url", "--os-username", "--os-password", "--os-project-name", "--os-project-id", "--os-tenant-name",
            "--os-region-name", "--os-storage-url", "--os-auth-token", "--os-cloud", "--os-user-domain-name",
            "--os-project-domain-name", "--os-cacert", "--os-cert", "--os-key", "-R", "--retries", "-p", "--prefix",
            "-d", "--delimiter", "-H", "--header", "-m", "--meta", "--object-name", "-S", "--segment-size",
            "--segment-container", "-o", "--output", "-D", "--output-dir", "--object-threads", "--container-threads",
            "--object-dd-threads", "-r", "--read-acl", "-w", "--write-acl", "-t", "--sync-to", "-k", "--sync-key",
            "--changed", "--marker", "--end-marker", "--timeout", "--versions");

    @Override
    public Set<String> programs() {
        return Set.of("swift");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs parsed = inv.parse(VALUED);
        List<String> words = parsed.positionals().stream().map(Arg::value).toList();
        var found = COMMANDS.find(words);
        if (found.isEmpty()) {
            return new UnrecognizedProgram().recognize(inv, nested); // swift build, swift test: the language's toolchain
        }
        Act act = found.get().act();
        String container = VirtualizationRecognizer.operand(words, 1);
        if (act.verb() == dev.interlock.model.Verb.DELETE) {
            if (parsed.has("-a", "--all")) {
                act = delete("account").all().note("deletes every container and object of the account");
            } else if (words.size() <= 2) {
                act = delete("container").all().note(parsed.has("-p", "--prefix")
                        ? "deletes every object under the prefix" : "deletes the container and every object in it");
            } else if (words.size() > 3) {
                act = act.many();
            }
        }
        Operation.Builder b = act.operation(inv, "swift", container);
        if (act.note().isEmpty()) {
            b.note("swift " + found.get().command());
        }
        OpenStackCommands.locators(inv, parsed).forEach(b::locator);
        return List.of(b.build());
    }
}
