package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Account cleaners: {@code aws-nuke}, {@code azure-nuke}, {@code gcp-nuke} (ekristen's) delete every resource of an
 * account their config does not filter out, and only list what they would delete unless given {@code --no-dry-run};
 * Gruntwork's {@code cloud-nuke aws|gcp} deletes every resource of the types it is given (all types when none) unless
 * {@code --dry-run}, and its {@code inspect-*} commands only list. A real run is scope {@code all}: every resource of
 * the account, or every one of a type (every bucket, every volume), lost for good; the profile, the config file's name
 * or the agent's AWS/Google/Azure variables place it.
 */
public final class AccountNukers implements Recognizer {

    private static final Set<String> VALUED = Set.of("-c", "--config", "--profile", "--region", "-r", "--resource-type",
            "-t", "--exclude-resource-type", "-e", "--older-than", "--newer-than", "--access-key-id", "--secret-access-key",
            "--session-token", "--assume-role-arn", "--default-region", "--log-level", "--log-format", "--max-wait-retries",
            "--config-file", "--project-id", "--tenant-id", "--subscription-id", "--include", "--exclude", "--cloud-control",
            "--timeout", "--list-resource-types");
    /** The nukers' commands that only describe: their resource types, the account, the config. */
    private static final Set<String> READS = Set.of("resource-types", "list", "explain-account", "explain-config",
            "version", "help", "inspect-aws", "inspect-gcp");
    private static final Map<String, String> CLOUD_VARIABLES = Map.of("aws", "AWS_PROFILE", "gcp", "CLOUDSDK_CORE_PROJECT",
            "azure", "AZURE_SUBSCRIPTION_ID");

    @Override
    public Set<String> programs() {
        return Set.of("aws-nuke", "azure-nuke", "gcp-nuke", "cloud-nuke");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String command = p.positional(0).orElse("");
        boolean gruntwork = inv.program().equals("cloud-nuke");
        String cloud = gruntwork ? (command.contains("gcp") ? "gcp" : "aws") : inv.program().substring(0, inv.program().indexOf('-'));
        boolean real = gruntwork ? !p.has("--dry-run") && !READS.contains(command) && !command.isEmpty()
                : p.has("--no-dry-run") && !READS.contains(command) && !p.has("--help", "-h", "--version");
        String config = p.value("-c", "--config", "--config-file").orElse("");
        boolean typed = p.has("--resource-type", "-t", "--include");
        Operation.Builder b = Operation.builder(cloud, real ? Verb.DELETE : Verb.READ).resource("account", config)
                .evidence(inv.evidence());
        if (real) {
            b.scope(Scope.ALL).stateful(true).reversible(false)
                    .note(inv.program() + " deletes every " + (typed ? "resource of the given types" : "resource") + " its filters leave");
        } else {
            b.note(inv.program() + " only lists what it would delete (a dry run)");
        }
        Optional.ofNullable(p.value("--profile").orElse(inv.env().get(CLOUD_VARIABLES.get(cloud))))
                .ifPresent(profile -> b.locator(cloud.equals("aws") ? "profile" : "project", profile));
        p.value("--region", "-r").ifPresent(r -> b.locator("region", r));
        // nuke-prod.yaml, config/staging.yml: the config is named for the account it cleans
        LocalFiles.namedEnvironment(inv.env(), List.of(dev.interlock.analysis.shell.Arg.of(LocalFiles.basename(config))))
                .ifPresent(e -> b.locator("environment", e));
        return List.of(b.build());
    }
}
