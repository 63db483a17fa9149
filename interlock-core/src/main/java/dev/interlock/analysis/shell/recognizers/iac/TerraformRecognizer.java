package dev.interlock.analysis.shell.recognizers.iac;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.catalogue.Catalogue;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Terraform, OpenTofu and Terragrunt. Plans and inspection are reads; {@code apply} changes the workspace;
 * {@code destroy} and {@code apply -destroy} tear it down. The workspace's environment comes from {@code -chdir}
 * (or the var file when there is none), {@code TF_WORKSPACE} and {@code -var env=…}.
 */
public final class TerraformRecognizer implements Recognizer {

    private static final String SYSTEM = "terraform";

    private static final Set<String> VALUED = Set.of("chdir", "var", "var-file", "target", "replace", "out", "state",
            "state-out", "backup", "lock-timeout", "parallelism", "plugin-dir", "backend-config", "from-module",
            "provider", "test-directory", "filter", "generate-config-out", "terragrunt-working-dir", "working-dir",
            "terragrunt-config", "config", "terragrunt-iam-role", "iam-assume-role", "terragrunt-include-dir",
            "queue-include-dir", "terragrunt-exclude-dir", "queue-exclude-dir", "terragrunt-source", "source",
            "terragrunt-parallelism", "terragrunt-log-level", "log-level", "terragrunt-download-dir", "download-dir",
            "terragrunt-tfpath", "tf-path", "feature");

    /** Commands that only inspect, validate or prepare the local directory (init downloads providers, fmt tidies files). */
    private static final Set<String> READS = Set.of("init", "validate", "fmt", "plan", "show", "output", "graph",
            "providers", "version", "console", "get", "modules", "metadata", "help", "hclfmt", "hcl", "render-json",
            "render", "graph-dependencies", "output-module-groups", "validate-inputs", "terragrunt-info", "info",
            "find", "list", "dag", "catalog", "scaffold");

    /** Terragrunt's legacy {@code apply-all}-style commands, which run over every module below the directory. */
    private static final Set<String> LEGACY_ALL = Set.of("apply-all", "destroy-all", "plan-all", "output-all",
            "validate-all", "refresh-all");

    @Override
    public Set<String> programs() {
        return Set.of("terraform", "tofu", "terragrunt");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        boolean terragrunt = inv.program().equals("terragrunt");
        List<Arg> raw = inv.args();
        if (terragrunt) {
            int exec = indexOf(raw, "exec");
            int dashes = indexOf(raw, "--");
            if (exec >= 0 && dashes > exec) {
                String command = String.join(" ", raw.subList(dashes + 1, raw.size()).stream().map(Arg::value).toList());
                return nested.shell(command, inv);
            }
            // Terragrunt's "--" only separates its own flags from terraform's: read both as one list.
            raw = raw.stream().filter(a -> !a.value().equals("--")).toList();
        }
        IacArgs a = IacArgs.parse(raw, VALUED, Set.of(), false);
        List<Arg> words = a.positionals();
        int idx = 0;
        boolean all = terragrunt && a.has("all", "a", "terragrunt-all");
        String cmd = words.isEmpty() ? "" : words.get(0).value();
        if (terragrunt && cmd.equals("run-all")) {
            all = true;
            idx++;
        } else if (terragrunt && cmd.equals("stack") && words.size() > 1 && words.get(1).value().equals("run")) {
            all = true;
            idx += 2;
        } else if (terragrunt && cmd.equals("run")) {
            idx++;
        } else if (terragrunt && LEGACY_ALL.contains(cmd)) {
            all = true;
        }
        if (idx >= words.size()) {
            return List.of();
        }
        Arg cmdArg = words.get(idx);
        cmd = LEGACY_ALL.contains(cmdArg.value()) ? cmdArg.value().replace("-all", "") : cmdArg.value();
        List<Arg> rest = words.subList(idx + 1, words.size());
        if (a.has("help", "h")) {
            return List.of();
        }
        Target t = target(inv, a, all, cmdArg.literal());
        if (!cmdArg.literal()) {
            // The command comes from a variable: read it the strictest way, as a destroy.
            return List.of(t.op(Verb.DELETE, "workspace", t.name).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("the " + inv.program() + " command comes from " + cmdArg.value() + "; read as destroy").build());
        }
        return switch (cmd) {
            case "apply" -> apply(t, a, rest);
            case "destroy" -> teardown(t, a);
            case "refresh" -> List.of(t.op(Verb.UPDATE, "state", t.name).note("refreshes the state from the real infrastructure").build());
            case "import" -> List.of(t.op(Verb.UPDATE, "resource", word(rest, 0)).scope(Scope.ONE)
                    .note("brings an existing resource under this configuration's management").build());
            case "taint" -> List.of(t.op(Verb.REPLACE, "resource", word(rest, 0)).scope(Scope.ONE)
                    .note("marks " + word(rest, 0) + " to be destroyed and recreated by the next apply").build());
            case "untaint" -> List.of(t.op(Verb.UPDATE, "resource", word(rest, 0)).scope(Scope.ONE).build());
            case "force-unlock" -> List.of(t.op(Verb.UPDATE, "state", t.name).reversible(false)
                    .note("removes a state lock another run may hold; concurrent runs can corrupt the state").build());
            // an output asked for by name (or with -raw/-json) prints sensitive values in clear: a secret-looking one is a credential
            case "output" -> Regex.find(word(rest, 0), "(?i)passw|secret|token|private|credential|api_?key|access_?key|dsn|conn(ection)?_?str")
                    ? List.of(t.op(Verb.CREDENTIAL, "output", word(rest, 0)).note("prints the output's value in clear, sensitive or not").build())
                    : List.of(t.op(Verb.READ, "workspace", t.name).build());
            case "state" -> state(t, a, rest);
            // console evaluates what it reads: nonsensitive(…) or a secret attribute prints that secret in clear
            case "console" -> inv.stdin().filter(code -> Regex.find(code, "(?i)nonsensitive\\s*\\(|\\.(password|secret|token|private_key)")).isPresent()
                    ? List.of(t.op(Verb.CREDENTIAL, "state", t.name).note("prints a sensitive value from the state in clear").build())
                    : List.of(t.op(Verb.READ, "workspace", t.name).build());
            case "workspace", "env" -> workspace(inv, t, rest);
            case "test" -> List.of(t.op(Verb.EXECUTE, "workspace", t.name)
                    .note("terraform test creates and destroys real infrastructure for its runs").build());
            case "login", "logout" -> List.of(local(inv, t.op(Verb.UPDATE, "credentials", word(rest, 0)).scope(Scope.ONE),
                    cmd + " stores or removes an API token on this machine").build());
            case "init" -> a.has("migrate-state", "force-copy")
                    ? List.of(t.op(Verb.UPDATE, "state", t.name).reversible(false).note("moves the state to another backend").build())
                    : List.of(t.op(Verb.READ, "workspace", t.name).build());
            default -> READS.contains(cmd)
                    ? List.of(t.op(Verb.READ, "workspace", t.name).build())
                    : List.of(t.op(Verb.UNKNOWN, "workspace", t.name).confidence(Confidence.INFERRED)
                            .note("unrecognized " + inv.program() + " command '" + cmd + "'").build());
        };
    }

    private List<Operation> apply(Target t, IacArgs a, List<Arg> rest) {
        if (a.has("destroy")) {
            return teardown(t, a);
        }
        if (a.has("refresh-only")) {
            return List.of(t.op(Verb.UPDATE, "state", t.name).note("refreshes the state only").build());
        }
        List<Operation> ops = new ArrayList<>();
        for (Arg replaced : a.values("replace")) {
            Operation.Builder b = t.op(Verb.REPLACE, "resource", replaced.value()).scope(Scope.ONE)
                    .confidence(replaced.literal() ? t.confidence : Confidence.INFERRED);
            String holds = catalogued(b, List.of(replaced.value()));
            ops.add(b.note("destroys and recreates " + replaced.value() + (holds.isEmpty() ? "" : "; " + holds)).build());
        }
        List<Arg> targets = a.values("target");
        Operation.Builder change = targets.isEmpty()
                ? t.op(Verb.UPDATE, "workspace", t.name)
                : t.op(Verb.UPDATE, "resource", join(targets)).scope(t.all ? Scope.ALL : Scope.MANY);
        List<String> notes = new ArrayList<>();
        change.locator("apply", rest.isEmpty() ? "blind" : "saved-plan");
        if (!rest.isEmpty()) {
            notes.add("applies the saved plan " + rest.get(0).value() + " without asking; what it does is decided by the plan");
            change.confidence(Confidence.INFERRED);
        } else if (a.has("auto-approve") || a.has("terragrunt-non-interactive", "non-interactive")) {
            notes.add("no human confirmation");
        }
        if (!a.literal("target")) {
            change.confidence(Confidence.INFERRED);
        }
        ops.add(change.note(String.join("; ", notes)).build());
        return ops;
    }

    private List<Operation> teardown(Target t, IacArgs a) {
        List<Arg> targets = a.values("target");
        Operation.Builder b = targets.isEmpty()
                ? t.op(Verb.DELETE, "workspace", t.name).scope(Scope.ALL)
                : t.op(Verb.DELETE, "resource", join(targets)).scope(t.all ? Scope.ALL : Scope.MANY);
        if (!a.literal("target")) {
            b.confidence(Confidence.INFERRED);
        }
        String what = targets.isEmpty() ? "destroys every resource in " + (t.all ? "every module below " : "") + t.name
                : "destroys " + join(targets) + " and everything that depends on it";
        String holds = targets.isEmpty() ? "" : catalogued(b, targets.stream().map(Arg::value).toList());
        return List.of(b.stateful(targets.isEmpty() || b.build().stateful()).reversible(false)
                .note(what + (holds.isEmpty() ? "" : "; " + holds) + (a.has("auto-approve") ? "; no human confirmation" : "")).build());
    }

    private List<Operation> state(Target t, IacArgs a, List<Arg> rest) {
        String sub = word(rest, 0);
        List<Arg> addresses = rest.size() > 1 ? rest.subList(1, rest.size()) : List.of();
        return switch (sub) {
            case "list", "show", "pull", "identities" -> List.of(t.op(Verb.READ, "state", t.name).build());
            case "push" -> a.has("force")
                    ? List.of(t.op(Verb.REPLACE, "state", t.name).stateful(true).reversible(false)
                            .note("overwrites the remote state even if it is newer").build())
                    : List.of(t.op(Verb.UPDATE, "state", t.name).reversible(false).note("overwrites the remote state").build());
            case "rm", "mv" -> a.has("dry-run") ? List.of(t.op(Verb.READ, "state", t.name).note("prints what it would change").build())
                    : List.of(t.op(Verb.UPDATE, "state", t.name)
                    .scope(addresses.size() > 1 ? Scope.MANY : Scope.ONE).reversible(false)
                    .note(sub.equals("rm") ? "terraform forgets " + join(addresses) + forgotten(addresses) + "; the real resources keep running unmanaged"
                            : "rewrites the state; a mistake orphans or recreates resources").build());
            case "replace-provider" -> List.of(t.op(Verb.UPDATE, "state", t.name)
                    .scope(addresses.size() > 1 ? Scope.MANY : Scope.ONE).reversible(false)
                    .note(sub.equals("rm") ? "terraform forgets " + join(addresses) + forgotten(addresses) + "; the real resources keep running unmanaged"
                            : "rewrites the state; a mistake orphans or recreates resources").build());
            default -> List.of(t.op(Verb.UNKNOWN, "state", t.name).confidence(Confidence.INFERRED)
                    .note("unrecognized state subcommand '" + sub + "'").build());
        };
    }

    private List<Operation> workspace(Invocation inv, Target t, List<Arg> rest) {
        String sub = word(rest, 0);
        Arg name = rest.size() > 1 ? rest.get(rest.size() - 1) : new Arg("", true, false, null);
        Operation.Builder b = t.op(Verb.READ, "workspace", name.value().isEmpty() ? t.name : name.value())
                .locator("workspace", name.value()).scope(Scope.ONE);
        if (!name.literal()) {
            b.confidence(Confidence.INFERRED);
        }
        return switch (sub) {
            case "list", "show" -> List.of(b.build());
            case "select", "new" -> List.of(local(inv, b.verb(Verb.UPDATE),
                    "selects the workspace for later commands in this directory").build());
            case "delete" -> List.of(b.verb(Verb.DELETE).scope(Scope.ALL).stateful(true).reversible(false)
                    .note("deletes the workspace's state; its resources are left unmanaged or lost").build());
            default -> List.of(b.verb(Verb.UNKNOWN).confidence(Confidence.INFERRED)
                    .note("unrecognized workspace subcommand '" + sub + "'").build());
        };
    }

    /** Only this machine is touched (unless a wrapper moved the command to another host). */
    private static Operation.Builder local(Invocation inv, Operation.Builder b, String note) {
        if (!inv.remote()) {
            // Local state (.terraform/, lock files) lives in the working directory.
            b.environment(Tier.LOCAL, note).locator("area", "workspace");
        }
        return b.note(note);
    }

    /** Where the command acts: its locators, the workspace's display name, and how sure we are. */
    private record Target(Map<String, String> locators, String name, boolean all, Confidence confidence, Invocation inv) {
        Operation.Builder op(Verb verb, String type, String resourceName) {
            Operation.Builder b = Operation.builder(SYSTEM, verb).resource(type, resourceName)
                    .scope(all ? Scope.ALL : verb == Verb.READ ? Scope.ONE : Scope.MANY)
                    .confidence(confidence).evidence(inv.evidence());
            locators.forEach(b::locator);
            return b;
        }
    }

    private static Target target(Invocation inv, IacArgs a, boolean all, boolean commandLiteral) {
        Map<String, String> locators = new LinkedHashMap<>();
        String workspace = inv.env().getOrDefault("TF_WORKSPACE", "");
        locators.put("workspace", workspace);
        String directory = a.value("chdir", "terragrunt-working-dir", "working-dir").orElse("");
        String varFile = a.value("var-file").orElse("");
        locators.put("varfile", varFile);
        locators.put("directory", directory.isEmpty() ? varFile : directory);
        String environment = IacArgs.environmentAssignment(a.values("var")).orElse("");
        for (String key : List.of("TF_VAR_env", "TF_VAR_environment", "TF_VAR_stage")) {
            if (environment.isEmpty()) {
                environment = inv.env().getOrDefault(key, "");
            }
        }
        if (environment.isEmpty()) {
            environment = IacArgs.environmentOfPath(directory.isEmpty() ? inv.workspace().dir() : inv.workspace().resolve(directory)).orElse("");
        }
        locators.put("environment", environment);
        locators.values().removeIf(String::isEmpty);
        boolean certain = commandLiteral && a.literal("chdir", "terragrunt-working-dir", "working-dir", "var-file", "var");
        String name = !workspace.isEmpty() ? workspace : !directory.isEmpty() ? directory
                : IacArgs.baseName(inv.workspace().dir());
        return new Target(locators, name, all, certain ? Confidence.EXACT : Confidence.INFERRED, inv);
    }

    /**
     * Marks what the catalogue knows of the addressed resources ({@code holds} data or access, {@code what}) and says
     * it; an unknown type is neither. Whether the data would survive depends on attributes only a plan shows.
     */
    private static String catalogued(Operation.Builder b, List<String> addresses) {
        List<String> data = new ArrayList<>();
        List<String> access = new ArrayList<>();
        for (String address : addresses) {
            Catalogue.shipped().lookup(Catalogue.typeOfAddress(address)).ifPresent(e -> (e.holdsData() ? data : access).add(e.what()));
        }
        if (!data.isEmpty()) {
            b.stateful(true).reversible(false).locator("holds", "data").locator("what", String.join(", ", data));
            return "it holds data (" + String.join(", ", data) + "): a plan shows whether a snapshot keeps it";
        }
        if (!access.isEmpty()) {
            b.locator("holds", "access").locator("what", String.join(", ", access));
            return "whatever uses the " + String.join(", ", access) + " loses access until it is back";
        }
        return "";
    }

    private static String forgotten(List<Arg> addresses) {
        List<String> what = new ArrayList<>();
        for (Arg a : addresses) {
            Catalogue.shipped().lookup(Catalogue.typeOfAddress(a.value())).ifPresent(e -> what.add(e.what()));
        }
        return what.isEmpty() ? "" : " (" + String.join(", ", what) + ")";
    }

    private static String word(List<Arg> args, int i) {
        return i < args.size() ? args.get(i).value() : "";
    }

    private static String join(List<Arg> args) {
        return String.join(",", args.stream().map(Arg::value).toList());
    }

    private static int indexOf(List<Arg> args, String value) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
