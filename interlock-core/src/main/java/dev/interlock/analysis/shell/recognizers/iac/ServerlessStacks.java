package dev.interlock.analysis.shell.recognizers.iac;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.environment.EnvironmentVariables;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AWS SAM ({@code sam}) and the Serverless Framework ({@code sls}, {@code serverless}): both deploy a CloudFormation
 * stack per stage. Building, packaging and local invocations run on this machine; {@code deploy}, {@code sync},
 * {@code rollback} change the stack, {@code delete}/{@code remove} tear it down, {@code invoke} runs the deployed
 * function. The stage is {@code --stage}, {@code --config-env} or the stack's name; the account is the AWS profile.
 */
public final class ServerlessStacks implements Recognizer {

    private static final Set<String> VALUED = Set.of("--stack-name", "--config-env", "--config-file", "--profile", "--region",
            "-r", "-t", "--template", "--template-file", "--s3-bucket", "--s3-prefix", "--capabilities", "--parameter-overrides",
            "--tags", "--resource-id", "--resource", "-n", "--name", "-e", "--event", "-o", "--output-dir", "--output-template-file",
            "--build-dir", "--base-dir", "--image-repository", "--kms-key-id", "--role-arn", "--notification-arns",
            "--stage", "-s", "--aws-profile", "-f", "--function", "-d", "--data", "-p", "--path", "--package", "-c", "--config",
            "--param", "--startTime", "--endTime", "--filter", "--interval", "--type", "--log-file", "--env-vars",
            "--docker-network", "--container-env-vars", "--port", "--host", "--debug-port", "--warm-containers");

    private static final CommandTable SAM = CommandTable.builder()
            .add("", "build validate init package", local("project"))
            .add("", "local", local("function"))
            .add("local", "invoke start-api start-lambda generate-event callback execution", local("function"))
            .add("", "logs traces docs list", read("stack"))
            .add("", "deploy", update("stack"))
            .add("", "sync", update("stack").note("pushes code and resources straight into the stack, bypassing change sets"))
            .add("", "delete", delete("stack").note("deletes the stack and every resource in it"))
            .add("remote", "invoke", execute("function").note("invokes the deployed function"))
            .add("remote test-event", "list get", read("function"))
            .add("remote test-event", "put", update("function"))
            .add("remote test-event", "delete", delete("function"))
            .add("", "publish", update("application").note("publishes the application to the Serverless Application Repository"))
            .add("pipeline", "init", local("project"))
            .add("pipeline", "bootstrap", create("stack").note("creates the pipeline's roles and buckets"))
            .build();

    private static final CommandTable SERVERLESS = CommandTable.builder()
            .add("", "package offline create install plugin config login logout dashboard doctor support usage studio",
                    local("project"))
            .add("invoke", "local", local("function"))
            .add("", "info logs metrics print output param", read("stack"))
            .add("deploy", "list", read("stack"))
            .add("", "deploy rollback dev reconcile", update("stack"))
            .add("deploy", "function", update("function"))
            .add("rollback", "function", update("function"))
            .add("", "remove", delete("stack").note("removes the service's stack and every resource in it"))
            .add("", "invoke", execute("function").note("invokes the deployed function"))
            .add("", "prune", delete("function").many().note("deletes old function versions"))
            .build();

    @Override
    public Set<String> programs() {
        return Set.of("sam", "sls", "serverless");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        if (words.isEmpty() || p.has("--help", "-h") || words.getFirst().equals("help")) {
            return List.of();
        }
        boolean sam = inv.program().equals("sam");
        CommandTable.Found found = (sam ? SAM : SERVERLESS).findOrGuess(words, 1, "stack");
        CommandTable.Act act = found.act();
        if (sam && found.command().equals("deploy") && p.has("--no-execute-changeset")) {
            act = read("stack").note("only creates a change set for review");
        }
        if (p.has("--watch") && act.verb() == Verb.UPDATE) {
            act = act.note(act.note() + (act.note().isEmpty() ? "" : "; ") + "deploys again on every saved change");
        }
        Map<String, String> locators = locators(p);
        Map<String, String> ambient = EnvironmentVariables.locators("aws", inv.env());
        String stack = p.value("--stack-name").orElse("");
        String name = act.type().equals("function") ? p.value("-f", "--function").orElse(words.size() > found.words()
                ? words.get(found.words()) : "") : stack;
        String system = act.type().equals("function") ? "aws" : "cloudformation";
        Operation.Builder b = act.operation(inv, system, name);
        // a local invocation is staged by its flags, or by an AWS profile whose name says production or staging
        boolean staged = locators.keySet().stream().anyMatch(k -> !k.equals("region"))
                || DeploymentWords.named(ambient.getOrDefault("profile", ""));
        ambient.forEach(locators::putIfAbsent);
        if (act.here() && act.type().equals("function") && staged) {
            // invoke local runs the handler here, against the resources of the stage or account it is given
            b = execute("function").note("runs the handler on this machine against the stage's resources").operation(inv, system, name);
        } else if (act.here()) {
            return List.of(b.build());
        }
        locators.forEach(b::locator);
        return List.of(b.build());
    }

    /** The stack, stage, account and region the command's flags name. */
    private static Map<String, String> locators(ParsedArgs p) {
        Map<String, String> out = new LinkedHashMap<>();
        p.value("--stack-name").ifPresent(v -> out.put("stack", v));
        p.value("--config-env", "--stage", "-s").ifPresent(v -> out.put("environment", v));
        p.value("--profile", "--aws-profile").ifPresent(v -> out.put("profile", v));
        p.value("--region", "-r").ifPresent(v -> out.put("region", v));
        return out;
    }
}
