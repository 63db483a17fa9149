package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS CDK ({@code cdk}, also reached through {@code npx cdk}) and CDK for Terraform ({@code cdktf}). Synthesis and
 * diffs are reads; {@code deploy} changes one operation per named stack; {@code destroy} deletes the named stacks, or
 * all of them when none is named. Stack names, {@code --profile} and {@code -c env=prod} locate the environment.
 */
public final class CdkRecognizer implements Recognizer {

    private static final Set<String> VALUED = Set.of("a", "app", "c", "context", "p", "plugin", "profile", "proxy",
            "ca-bundle-path", "r", "role-arn", "toolkit-stack-name", "o", "output", "require-approval",
            "notification-arns", "t", "tags", "parameters", "O", "outputs-file", "progress", "concurrency",
            "asset-parallelism", "m", "method", "change-set-name", "E", "build-exclude", "b", "toolkit-bucket-name",
            "bootstrap-bucket-name", "bootstrap-kms-key-id", "qualifier", "cloudformation-execution-policies", "trust",
            "trust-for-lookup", "l", "language", "unstable", "action", "type", "rollback-buffer-days",
            "created-buffer-days", "from-path", "from-stack", "stack-name", "source-location", "resource-mapping",
            "context-lines", "template", "var", "var-file", "parallelism", "output-file", "custom-permissions-boundary",
            "permissions-boundary", "set", "region");

    private static final Set<String> READS = Set.of("synth", "synthesize", "diff", "ls", "list", "doctor", "docs",
            "doc", "metadata", "notices", "acknowledge", "ack", "drift", "version", "help", "plan", "output",
            "outputs", "get", "debug", "cli-telemetry");

    private static final Pattern AWS_ENVIRONMENT = Pattern.compile("aws://([^/]+)/([^/]+)");

    @Override
    public Set<String> programs() {
        return Set.of("cdk", "cdktf", "aws-cdk");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv);
    }

    private static String system(Invocation inv) {
        return inv.program().equals("cdktf") ? "terraform" : "cdk";
    }

    private List<Operation> analyze(Invocation inv) {
        IacArgs a = IacArgs.parse(inv.args(), VALUED, Set.of(), false);
        List<Arg> words = a.positionals();
        if (words.isEmpty() || a.has("help", "h")) {
            return List.of();
        }
        // A command from a variable is read the strictest way, as a destroy (confidence is then inferred).
        String cmd = words.get(0).literal() ? words.get(0).value() : "destroy";
        List<Arg> stacks = words.subList(1, words.size());
        Confidence confidence = words.get(0).literal() && a.literal("profile", "c", "context")
                && stacks.stream().allMatch(Arg::literal) ? Confidence.EXACT : Confidence.INFERRED;
        return switch (cmd) {
            case "deploy", "apply", "watch", "import", "rollback", "refactor" -> perStack(inv, a, stacks, confidence,
                    cmd.equals("refactor") && a.has("dry-run") ? Verb.READ : Verb.UPDATE, deployNote(a, cmd));
            case "destroy" -> perStack(inv, a, stacks, confidence, Verb.DELETE,
                    "deletes the stack and every resource it does not retain"
                            + (a.has("force", "f", "auto-approve") ? "; no human confirmation" : ""));
            case "bootstrap" -> bootstrap(inv, a, stacks, confidence);
            case "gc" -> List.of(op(inv, a, confidence, a.value("action").orElse("full").equals("print") ? Verb.READ : Verb.DELETE)
                    .resource("assets", "unused assets").scope(Scope.MANY).stateful(true).reversible(false)
                    .note("deletes assets no stack references any more").build());
            case "init", "migrate", "convert", "provider" -> List.of(local(inv, op(inv, a, confidence,
                    cmd.equals("provider") ? Verb.UPDATE : Verb.CREATE).resource("project", ""),
                    cmd + " only writes files in this project"));
            case "context", "flags" -> a.has("reset", "clear", "set", "recommended")
                    ? List.of(local(inv, op(inv, a, confidence, Verb.UPDATE).resource("project", "cdk.context.json"),
                    cmd + " edits this project's settings"))
                    : List.of(op(inv, a, confidence, Verb.READ).resource("app", "").build());
            case "login" -> List.of(local(inv, op(inv, a, confidence, Verb.UPDATE).resource("credentials", ""),
                    "stores an API token on this machine"));
            default -> READS.contains(cmd)
                    ? List.of(op(inv, a, confidence, Verb.READ).resource("stack", join(stacks)).build())
                    : List.of(op(inv, a, Confidence.INFERRED, Verb.UNKNOWN).resource("stack", join(stacks))
                            .note("unrecognized " + inv.program() + " command '" + cmd + "'").build());
        };
    }

    private static String deployNote(IacArgs a, String cmd) {
        List<String> notes = new ArrayList<>();
        if (cmd.equals("watch") || a.has("watch")) {
            notes.add("deploys every file change continuously");
        }
        if (a.value("require-approval").orElse("").equals("never") || a.has("auto-approve")) {
            notes.add("no human confirmation");
        }
        if (a.has("hotswap", "hotswap-fallback")) {
            notes.add("hotswap changes resources behind CloudFormation's back");
        }
        if (a.has("no-rollback") || a.value("rollback").orElse("").equals("false")) {
            notes.add("a failed deployment is not rolled back");
        }
        return String.join("; ", notes);
    }

    /** One operation per named stack; no names (or {@code --all}, or a pattern) means every stack of the app. */
    private List<Operation> perStack(Invocation inv, IacArgs a, List<Arg> stacks, Confidence confidence, Verb verb, String note) {
        boolean destructive = verb == Verb.DELETE;
        boolean all = a.has("all") || stacks.isEmpty() || stacks.stream().anyMatch(s -> s.glob() || s.value().contains("*"));
        if (all) {
            Scope scope = destructive || a.has("all") ? Scope.ALL : Scope.MANY;
            return List.of(op(inv, a, confidence, verb).resource("stack", stacks.isEmpty() ? "(every stack in the app)" : join(stacks))
                    .scope(scope).stateful(destructive).reversible(!destructive).note(note).build());
        }
        List<Operation> ops = new ArrayList<>();
        for (Arg stack : stacks) {
            // Destroying a stack destroys everything in it, like a terraform workspace; a per-PR preview stack is
            // one throwaway copy among many
            Scope torn = stack.literal() && DeploymentWords.ephemeral(stack.value()) ? Scope.MANY : Scope.ALL;
            ops.add(op(inv, a, stack.literal() ? confidence : Confidence.INFERRED, verb).resource("stack", stack.value())
                    .locator("stack", stack.value()).scope(destructive ? torn : Scope.ONE)
                    .stateful(destructive).reversible(!destructive).note(note).build());
        }
        return ops;
    }

    private List<Operation> bootstrap(Invocation inv, IacArgs a, List<Arg> environments, Confidence confidence) {
        List<Operation> ops = new ArrayList<>();
        String toolkit = a.value("toolkit-stack-name").orElse("CDKToolkit");
        List<Arg> targets = environments.isEmpty() ? List.of(new Arg("", true, false, null)) : environments;
        for (Arg env : targets) {
            Operation.Builder b = op(inv, a, confidence, Verb.CREATE).resource("stack", toolkit)
                    .note("creates the CDK toolkit stack (deployment bucket and roles)");
            Matcher m = AWS_ENVIRONMENT.matcher(env.value());
            if (m.matches()) {
                b.locator("account", m.group(1)).locator("region", m.group(2));
            }
            ops.add(b.build());
            List<Arg> trusted = a.values("trust", "trust-for-lookup");
            if (!trusted.isEmpty()) {
                Operation.Builder grant = op(inv, a, confidence, Verb.GRANT).resource("account", join(trusted))
                        .note("lets " + join(trusted) + " deploy into this account with "
                                + a.value("cloudformation-execution-policies").orElse("the execution policies"));
                if (m.matches()) {
                    grant.locator("account", m.group(1)).locator("region", m.group(2));
                }
                ops.add(grant.build());
            }
        }
        return ops;
    }

    private static Operation.Builder op(Invocation inv, IacArgs a, Confidence confidence, Verb verb) {
        Operation.Builder b = Operation.builder(system(inv), verb).confidence(confidence).evidence(inv.evidence())
                .locator("profile", a.value("profile").orElse(""))
                .locator("region", a.value("region").orElse(""))
                .locator("environment", IacArgs.environmentAssignment(a.values("c", "context")).orElse(""));
        String account = inv.env().getOrDefault("CDK_DEPLOY_ACCOUNT", inv.env().getOrDefault("CDK_DEFAULT_ACCOUNT", ""));
        return b.locator("account", account);
    }

    private static Operation local(Invocation inv, Operation.Builder b, String note) {
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, note);
        }
        return b.scope(Scope.ONE).note(note).build();
    }

    private static String join(List<Arg> args) {
        return String.join(",", args.stream().map(Arg::value).toList());
    }
}
