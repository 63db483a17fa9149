package dev.interlock.analysis.shell.recognizers.enterprise;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.Placement;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NetSuite's SuiteCloud CLI, {@code suitecloud GROUP:COMMAND}. Deploying a project and uploading files change the
 * NetSuite account the project's auth id names; listings, validation, imports into the project and a deploy's
 * {@code --dryrun} only read it; account setup and project scaffolding stay on this machine. The auth id is named by
 * {@code --authid} or kept in the project's {@code project.json}, unseen here: then nothing places the account.
 */
public final class SuiteCloudCli implements Recognizer {

    private static final Map<String, Verb> COMMANDS = Map.ofEntries(
            Map.entry("project:deploy", Verb.UPDATE), Map.entry("file:upload", Verb.UPDATE),
            Map.entry("project:validate", Verb.READ), Map.entry("file:list", Verb.READ), Map.entry("object:list", Verb.READ),
            // imports copy the account's files and objects into the project here: the account is only read
            Map.entry("file:import", Verb.READ), Map.entry("object:import", Verb.READ), Map.entry("object:update", Verb.READ),
            Map.entry("project:package", Verb.READ), Map.entry("project:adddependencies", Verb.READ),
            Map.entry("project:create", Verb.READ), Map.entry("file:create", Verb.READ));

    /** Commands that never reach an account: logins kept on this machine, help, the CLI's own settings. */
    private static final Set<String> LOCAL = Set.of("account:setup", "account:setup:ci", "account:manageauth", "help",
            "config:proxy", "");

    private static final Set<String> VALUED = Set.of("--authid", "--account", "--certificateid", "--privatekeypath", "--paths", "--path", "--scriptid", "--type", "--destinationfolder",
            "--folder", "--projectname", "--projectid", "--log");

    private static final Placement ACCOUNT = Placement.of("account", "--authid", "--authId");

    @Override
    public Set<String> programs() {
        return Set.of("suitecloud");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String command = p.positional(0).orElse("");
        if (command.startsWith("account:setup") && p.has("--privatekeypath", "--privateKeyPath")) {
            // a machine login made from a private key: the agent takes the account's credentials for itself
            Operation.Builder login = Operation.builder("netsuite", Verb.CREDENTIAL).resource("account", "")
                    .evidence(inv.evidence()).note("suitecloud " + command + " stores a login to the account made from a private key");
            ACCOUNT.locators(inv, p).forEach(login::locator);
            p.value("--account").ifPresent(a -> login.locator("account-id", a));
            return List.of(login.build());
        }
        if (LOCAL.contains(command) || p.has("--help", "-h", "--version")) {
            Operation.Builder local = Operation.builder("process", Verb.EXECUTE).resource("program", "suitecloud " + command)
                    .evidence(inv.evidence()).note("suitecloud " + command + " stays on this machine");
            return List.of((inv.remote() ? local : local.environment(Tier.LOCAL, "suitecloud " + command + " stays on this machine")).build());
        }
        Verb verb = command.equals("project:deploy") && p.has("--dryrun", "--dry-run") ? Verb.READ
                : COMMANDS.getOrDefault(command, Verb.UNKNOWN);
        Operation.Builder b = Operation.builder("netsuite", verb).resource("account", "").evidence(inv.evidence())
                .note("suitecloud " + command + (verb == Verb.READ ? " reads the account" : " changes the account's scripts and objects"));
        ACCOUNT.locators(inv, p).forEach(b::locator);
        return List.of((COMMANDS.containsKey(command) ? b : b.confidence(Confidence.INFERRED)).build());
    }
}
