package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pulumi. {@code preview} and inspection are reads, {@code up} changes a stack, {@code destroy} and {@code stack rm}
 * tear one down, and anything that prints secrets in clear ({@code --show-secrets}, {@code env open}) is a credential
 * read. The stack ({@code -s/--stack}, {@code PULUMI_STACK}) is the locator that says which environment it is.
 */
public final class PulumiRecognizer implements Recognizer {

    private static final String SYSTEM = "pulumi";

    private static final Set<String> VALUED = Set.of("s", "stack", "C", "cwd", "color", "config-file", "target",
            "replace", "target-replace", "exclude", "m", "message", "p", "parallel", "policy-pack", "policy-pack-config",
            "secrets-provider", "c", "config", "path", "plan", "f", "file", "organization", "copy-config-from",
            "tracing", "profiling", "import-file", "suppress-progress-after", "attach-debugger", "from", "o", "out");

    private static final Set<String> READS = Set.of("preview", "whoami", "about", "version", "logs", "console",
            "gen-completion", "schema", "help", "ai", "view-trace", "package", "org");

    private static final Set<String> LOCAL_SETUP = Set.of("new", "convert", "install", "login", "logout", "plugin",
            "completion");

    @Override
    public Set<String> programs() {
        return Set.of("pulumi");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        IacArgs a = IacArgs.parse(inv.args(), VALUED, Set.of(), false);
        List<Arg> words = a.positionals();
        if (words.isEmpty() || a.has("help", "h")) {
            return List.of();
        }
        String cmd = words.get(0).literal() ? words.get(0).value() : "destroy";
        List<Arg> rest = words.subList(1, words.size());
        String sub = rest.isEmpty() ? "" : rest.get(0).value();
        Ctx c = new Ctx(inv, a, words.get(0).literal());
        boolean showSecrets = a.has("show-secrets");
        return switch (cmd) {
            case "up", "update", "watch" -> up(c, a, cmd.equals("watch"));
            case "destroy", "down", "dn" -> destroy(c, a);
            case "refresh" -> a.has("preview-only") ? List.of(c.op(Verb.READ, "stack", c.stack("")).note("previews the drift only").build())
                    : List.of(c.op(Verb.UPDATE, "stack", c.stack(""))
                    .note("refreshes the stack's state from the real resources" + noConfirmation(a)).build());
            case "cancel" -> List.of(c.op(Verb.UPDATE, "stack", c.stack(""))
                    .note("cancels a running update; the stack may be left half-changed").build());
            case "import" -> List.of(c.op(Verb.UPDATE, "resource", rest.size() > 1 ? rest.get(1).value() : "")
                    .note("brings an existing resource under the stack's management").build());
            case "stack" -> stack(c, sub, rest, showSecrets);
            case "state" -> state(c, a, sub, rest);
            case "config" -> config(c, sub, rest.size() > 1 ? rest.get(1).value() : "", showSecrets);
            case "env" -> env(c, a, sub, rest, showSecrets, nested);
            case "deployment" -> List.of(c.op(sub.equals("run") ? Verb.UPDATE : Verb.READ, "stack", c.stack("")).build());
            case "policy" -> List.of(c.op(Set.of("ls", "validate-config").contains(sub) ? Verb.READ : Verb.UPDATE,
                    "policy-pack", rest.size() > 1 ? rest.get(1).value() : "").build());
            default -> {
                if (READS.contains(cmd)) {
                    yield List.of(c.op(Verb.READ, "stack", c.stack("")).build());
                }
                if (LOCAL_SETUP.contains(cmd)) {
                    yield List.of(c.local(c.op(cmd.equals("new") || cmd.equals("convert") ? Verb.CREATE : Verb.UPDATE,
                            "project", sub), "pulumi " + cmd + " only changes files and settings on this machine").build());
                }
                yield List.of(c.op(Verb.UNKNOWN, "stack", c.stack("")).confidence(Confidence.INFERRED)
                        .note("unrecognized pulumi command '" + cmd + "'").build());
            }
        };
    }

    private List<Operation> up(Ctx c, IacArgs a, boolean watch) {
        List<Operation> ops = new ArrayList<>();
        for (Arg urn : a.values("replace", "target-replace")) {
            ops.add(c.op(Verb.REPLACE, "resource", urn.value()).stateful(true).reversible(false)
                    .confidence(urn.literal() ? c.confidence : Confidence.INFERRED)
                    .note("destroys and recreates " + urn.value()).build());
        }
        List<Arg> targets = a.values("target");
        Operation.Builder b = targets.isEmpty() ? c.op(Verb.UPDATE, "stack", c.stack("")).scope(Scope.MANY)
                : c.op(Verb.UPDATE, "resource", join(targets)).scope(Scope.MANY);
        List<String> notes = new ArrayList<>();
        if (watch) {
            notes.add("deploys every file change continuously");
        }
        if (a.has("yes", "y")) {
            notes.add("no human confirmation");
        }
        ops.add(b.note(String.join("; ", notes)).build());
        return ops;
    }

    private List<Operation> destroy(Ctx c, IacArgs a) {
        List<Arg> targets = a.values("target");
        Operation.Builder b = targets.isEmpty() ? c.op(Verb.DELETE, "stack", c.stack("")).scope(Scope.ALL)
                : c.op(Verb.DELETE, "resource", join(targets)).scope(Scope.MANY);
        String note = "destroys " + (targets.isEmpty() ? "every resource in the stack" : join(targets))
                + (a.has("remove") ? " and removes the stack" : "") + noConfirmation(a);
        return List.of(b.stateful(true).reversible(false).note(note).build());
    }

    private List<Operation> stack(Ctx c, String sub, List<Arg> rest, boolean showSecrets) {
        String named = rest.size() > 1 ? rest.get(1).value() : "";
        return switch (sub) {
            case "", "ls", "history", "graph", "tag" -> List.of(c.op(sub.equals("tag") && rest.size() > 1
                    && !rest.get(1).value().equals("ls") ? Verb.UPDATE : Verb.READ, "stack", c.stack("")).build());
            case "output", "export" -> List.of(showSecrets
                    ? c.op(Verb.CREDENTIAL, "stack-outputs", c.stack("")).note("prints the stack's secrets in clear").build()
                    : c.op(Verb.READ, "stack", c.stack("")).build());
            case "select", "unselect" -> List.of(c.local(c.op(Verb.UPDATE, "stack", c.stack(named)).locator("stack", named),
                    "selects the stack for later commands on this machine").build());
            case "init" -> List.of(c.op(Verb.CREATE, "stack", c.stack(named)).locator("stack", named).build());
            case "rm", "remove" -> List.of(c.op(Verb.DELETE, "stack", c.stack(named)).locator("stack", named)
                    .scope(Scope.ONE).stateful(true).reversible(false)
                    .note("removes the stack and its history" + (c.a.has("force", "f")
                            ? "; --force leaves its resources running unmanaged" : "")).build());
            case "import" -> List.of(c.op(Verb.UPDATE, "state", c.stack("")).reversible(false)
                    .note("overwrites the stack's state with a file").build());
            case "rename", "change-secrets-provider" -> List.of(c.op(Verb.UPDATE, "stack", c.stack("")).build());
            default -> List.of(c.op(Verb.UNKNOWN, "stack", c.stack("")).confidence(Confidence.INFERRED)
                    .note("unrecognized stack subcommand '" + sub + "'").build());
        };
    }

    private List<Operation> state(Ctx c, IacArgs a, String sub, List<Arg> rest) {
        String urn = rest.size() > 1 ? rest.get(1).value() : "";
        if (sub.equals("delete")) {
            boolean everything = a.has("all");
            return List.of(c.op(Verb.DELETE, everything ? "state" : "resource", everything ? c.stack("") : urn)
                    .scope(everything ? Scope.ALL : Scope.ONE).reversible(false)
                    .note("pulumi forgets the resource; the real resource keeps running unmanaged").build());
        }
        return List.of(c.op(Verb.UPDATE, "state", c.stack("")).scope(Scope.ONE).reversible(false)
                .note("edits the stack's state by hand").build());
    }

    private List<Operation> config(Ctx c, String sub, String key, boolean showSecrets) {
        if (showSecrets) {
            return List.of(c.op(Verb.CREDENTIAL, "stack-config", c.stack("")).note("prints the stack's secrets in clear").build());
        }
        if (sub.equals("get") && dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretName(key)) {
            // config get decrypts a secret value without --show-secrets
            return List.of(c.op(Verb.CREDENTIAL, "stack-config", c.stack("")).note("prints the secret " + key + " in clear").build());
        }
        return switch (sub) {
            case "", "get", "env" -> List.of(c.op(Verb.READ, "stack-config", c.stack("")).build());
            default -> List.of(c.local(c.op(Verb.UPDATE, "stack-config", c.stack("")).scope(Scope.ONE),
                    "pulumi config " + sub + " edits the stack's settings file in this project").build());
        };
    }

    private List<Operation> env(Ctx c, IacArgs a, String sub, List<Arg> rest, boolean showSecrets, Nested nested) {
        String name = rest.size() > 1 ? rest.get(1).value() : "";
        Operation.Builder b = c.op(Verb.READ, "environment", name).locator("environment", name).scope(Scope.ONE);
        return switch (sub) {
            case "ls", "diff", "version", "tag" -> List.of(b.build());
            case "get" -> List.of(showSecrets ? b.verb(Verb.CREDENTIAL).note("prints the environment's secrets").build() : b.build());
            case "open" -> List.of(b.verb(Verb.CREDENTIAL).note("opens the environment, revealing its secrets").build());
            case "run" -> {
                List<Operation> ops = new ArrayList<>();
                ops.add(b.verb(Verb.CREDENTIAL).note("runs a command with the environment's secrets").build());
                if (!a.afterDoubleDash().isEmpty()) {
                    ops.addAll(nested.shell(String.join(" ", a.afterDoubleDash().stream().map(Arg::value).toList()), c.inv));
                }
                yield ops;
            }
            case "rm" -> List.of(b.verb(Verb.DELETE).stateful(true).reversible(false).build());
            default -> List.of(b.verb(Verb.UPDATE).build());
        };
    }

    private static String noConfirmation(IacArgs a) {
        return a.has("yes", "y") ? "; no human confirmation" : "";
    }

    private static String join(List<Arg> args) {
        return String.join(",", args.stream().map(Arg::value).toList());
    }

    /** The stack and directory every operation of this run carries. */
    private static final class Ctx {
        final Invocation inv;
        final IacArgs a;
        final String stack;
        final String directory;
        final Confidence confidence;

        Ctx(Invocation inv, IacArgs a, boolean commandLiteral) {
            this.inv = inv;
            this.a = a;
            this.stack = a.value("s", "stack").orElse(inv.env().getOrDefault("PULUMI_STACK", ""));
            this.directory = a.value("C", "cwd").orElse("");
            this.confidence = commandLiteral && a.literal("s", "stack", "C", "cwd") ? Confidence.EXACT : Confidence.INFERRED;
        }

        String stack(String named) {
            return !named.isEmpty() ? named : !stack.isEmpty() ? stack : "(selected stack)";
        }

        Operation.Builder op(Verb verb, String type, String name) {
            return Operation.builder(SYSTEM, verb).resource(type, name).locator("stack", stack)
                    .locator("directory", directory).locator("environment", stack.isEmpty()
                            ? IacArgs.environmentOfPath(directory.isEmpty() ? inv.workspace().dir() : inv.workspace().resolve(directory)).orElse("") : "")
                    .confidence(confidence).evidence(inv.evidence());
        }

        Operation.Builder local(Operation.Builder b, String note) {
            if (!inv.remote()) {
                b.environment(Tier.LOCAL, note);
            }
            return b.note(note);
        }
    }
}
