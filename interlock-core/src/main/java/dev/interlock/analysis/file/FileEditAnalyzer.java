package dev.interlock.analysis.file;

import dev.interlock.analysis.shell.ShellAnalyzer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.filesystem.FileKind;
import dev.interlock.analysis.shell.recognizers.packages.PackageScripts;
import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent's file edits as operations. Every change is a filesystem operation on its path; where the kind of file
 * matters ({@link FileKind}) it is an operation on what the file stands for — Interlock's own configuration, Terraform
 * state, credentials, a CI pipeline — and where the content will be run later (SQL migrations, shell scripts), the
 * content is analyzed as what it will do when it runs (write-a-script-then-run-it is no way around a rule).
 */
public final class FileEditAnalyzer {

    /** Content past this is not analyzed: the change is judged as opaque instead. */
    static final int MAX_ANALYZED_CONTENT = 256 * 1024;

    private static final Pattern MANIFEST_KIND = Pattern.compile("(?m)^kind:\\s*[\"']?([A-Za-z]+)");
    private static final Pattern SHEBANG = Pattern.compile("\\A#!\\s*\\S*(/|env\\s+)(ba|z|k|da)?sh\\b");

    private final ShellAnalyzer shell;
    private final BiFunction<String, String, List<Operation>> sql;

    /** Files an agent reads its own permissions from beside its main settings: editor settings, commands, prompts, agents. */
    private static final java.util.regex.Pattern AGENT_INSTRUCTIONS = java.util.regex.Pattern.compile(
            ".*/\\.vscode/settings\\.json|.*/\\.claude/(commands|agents|skills)/.+|.*/\\.github/(prompts|chatmodes|agents)/.+"
                    + "|.*/\\.cursor/(rules|commands)/.+|.*/\\.gemini/commands/.+|.*/\\.codex/prompts/.+");
    /** Content that pre-approves what the agent may do: auto-approval, an unrestricted shell, a bypass mode. */
    private static final java.util.regex.Pattern PRE_APPROVES = java.util.regex.Pattern.compile(
            "(?i)\"?chat\\.tools\\.(auto|global)Approve\"?\\s*:\\s*true|autoApprove[\"']?\\s*:\\s*(true|\\{|\\[)"
                    + "|allowed[-_]tools\\s*:[^\\n]*\\b(Bash|shell|run_shell_command)\\b(\\((\\*|:\\*)?\\))?(?!\\()"
                    + "|permissionMode\\s*:\\s*bypassPermissions|dangerously-?skip-?permissions");

    public FileEditAnalyzer(ShellAnalyzer shell, BiFunction<String, String, List<Operation>> sql) {
        this.shell = shell;
        this.sql = sql;
    }

    public List<Operation> analyze(Payload.FileEdit edit, RequestContext context) {
        Workspace ws = Workspace.of(context.cwd().orElse(null), context.env());
        List<Operation> ops = new ArrayList<>();
        for (FileChange c : edit.changes()) {
            if (c.action() == FileChange.Action.MOVE) {
                List<Operation> away = change(new FileChange(c.path(), FileChange.Action.DELETE, "", ""), ws, context, "moves away ");
                if (ws.clearedAway(c.path(), c.movedTo())) {
                    // the user's or the project's files moved where the system clears them: as good as deleted
                    away = away.stream().map(op -> op.system().equals("filesystem") && op.verb() == Verb.DELETE
                            ? op.toBuilder().stateful(true).reversible(false).note(op.note() + " into a temporary directory, which the system clears").build()
                            : op).toList();
                }
                ops.addAll(away);
                ops.addAll(change(new FileChange(c.movedTo(), FileChange.Action.WRITE, "", ""), ws, context, "moves " + c.path() + " onto "));
            } else {
                ops.addAll(change(c, ws, context, ""));
            }
        }
        return ops;
    }

    private List<Operation> change(FileChange c, Workspace ws, RequestContext context, String how) {
        String path = ws.resolve(c.path());
        Evidence evidence = Evidence.text(c.action().wire() + " " + c.path());
        boolean delete = c.action() == FileChange.Action.DELETE;
        String does = how.isEmpty() ? describe(c.action()) + " " : how;
        if (AGENT_INSTRUCTIONS.matcher(path).matches() && PRE_APPROVES.matcher(c.content()).find()) {
            return List.of(Operation.builder("agent", Verb.ESCALATE).resource("permissions", path).reversible(false).evidence(evidence)
                    .environment(Tier.LOCAL, "a file on the agent's machine")
                    .note(does + "agent settings that pre-approve tools (" + PRE_APPROVES.matcher(c.content()).results().findFirst()
                            .map(java.util.regex.MatchResult::group).orElse("") + "): the agent would stop asking").build());
        }
        return switch (FileKind.of(path, ws)) {
            case GUARD_CONFIGURATION -> List.of(Operation.builder("interlock", delete ? Verb.DELETE : Verb.UPDATE)
                    .resource("configuration", path).locator("path", path).reversible(false).evidence(evidence)
                    .environment(Tier.LOCAL, "a file on the agent's machine")
                    .note(does + "Interlock's configuration or an agent's hook settings").build());
            case SUDOERS -> List.of(Operation.builder("os", Verb.ESCALATE).resource("sudoers", path).reversible(false)
                    .evidence(evidence).environment(Tier.LOCAL, "a file on this machine").note(does + "who may become root").build());
            case TERRAFORM_STATE, CREDENTIALS, ACCESS_GRANTS, COMMAND_HISTORY, CI_PIPELINE, COMMAND_CONFIG -> List.of(FileMeaning.of(path, ws, delete, does).orElseThrow()
                    .evidence(evidence).confidence(Confidence.EXACT).build());
            case DATABASE_FILE -> List.of(FileMeaning.of(path, ws, delete, delete ? does : "overwrites ")
                    .orElseGet(() -> local(path, Verb.DELETE, "file", ws, evidence).note(does + "a database file"))
                    .evidence(evidence).confidence(Confidence.EXACT).build());
            case TERRAFORM_CODE -> List.of(local(path, delete ? Verb.DELETE : Verb.UPDATE, "code", ws, evidence).system("terraform")
                    .locator("directory", FileMeaning.parent(path))
                    .note(does + (DeploymentWords.inProductionDirectory(path) ? "Terraform code for production" : "Terraform code")
                            + "; applying it is decided when it is applied").build());
            case STARTUP_FILE -> {
                // the change itself asks; what it will run is analysed too, as a script (a launchd job: the command it names)
                List<Operation> ops = new ArrayList<>(withContent(c, path, ws, evidence, does, "when it runs", content ->
                        script(path.endsWith(".plist") ? LaunchdJob.commandLine(content) : content, path, context)));
                ops.set(0, FileMeaning.of(path, ws, delete, does).orElseThrow().evidence(evidence).confidence(Confidence.EXACT).build());
                yield ops;
            }
            case SQL_MIGRATION -> withContent(c, path, ws, evidence, does, "when the migration runs", content -> migration(sql.apply(content, "")));
            case CODE_MIGRATION -> withContent(c, path, ws, evidence, does, "when the migration runs",
                    content -> migration(MigrationCode.analyze(content, sql)));
            case SHELL_SCRIPT -> withContent(c, path, ws, evidence, does, "when the script runs", content -> script(content, path, context));
            case PACKAGE_MANIFEST -> withContent(c, path, ws, evidence, does, "when npm install runs its lifecycle scripts",
                    content -> script(lifecycleScripts(content), path, context));
            case KUBERNETES_MANIFEST -> manifest(c, path, ws, evidence, does);
            case OTHER -> SHEBANG.matcher(c.content()).lookingAt()
                    ? withContent(c, path, ws, evidence, does, "when the script runs", content -> script(content, path, context))
                    : List.of(plain(c, path, ws, evidence, does));
        };
    }

    /** The file operation itself, plus what its content will do when it is run. */
    private List<Operation> withContent(FileChange c, String path, Workspace ws, Evidence evidence, String does, String when,
                                        java.util.function.Function<String, List<Operation>> analysis) {
        List<Operation> ops = new ArrayList<>();
        ops.add(plain(c, path, ws, evidence, does));
        if (c.content().isBlank() || c.action() == FileChange.Action.DELETE) {
            return ops;
        }
        if (c.content().length() > MAX_ANALYZED_CONTENT) {
            ops.add(Operation.builder("filesystem", Verb.UNKNOWN).resource("file", path).confidence(Confidence.OPAQUE)
                    .reversible(false).evidence(evidence).environment(Tier.LOCAL, "a file on this machine")
                    .note("content of " + c.content().length() + " characters is too large to analyze " + when).build());
            return ops;
        }
        for (Operation op : analysis.apply(c.content())) {
            if (op.verb() == Verb.READ) {
                continue;
            }
            Operation.Builder b = op.toBuilder().evidence(Evidence.text(op.evidence().text().isEmpty() ? evidence.text() : op.evidence().text()))
                    .note((op.note().isEmpty() ? op.verb().wire() + " " + op.resource().type() + " " + op.resource().name() : op.note()) + " (" + when + ": " + c.path() + ")");
            if (op.confidence() == Confidence.EXACT) {
                b.confidence(Confidence.INFERRED);
            }
            ops.add(b.build());
        }
        return ops;
    }

    /** A migration's statements run later, wherever migrations are applied: they are judged here, in this checkout. */
    private static List<Operation> migration(List<Operation> operations) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations) {
            out.add(op.environment() == Tier.UNKNOWN || op.environment() == null
                    ? op.withEnvironment(Tier.LOCAL, "a migration in this checkout; it runs wherever migrations are applied") : op);
        }
        return out;
    }

    private List<Operation> script(String content, String path, RequestContext context) {
        RequestContext inScriptDir = new RequestContext(context.environment(), Optional.of(FileMeaning.parent(path)), context.env(),
                context.target(), context.kubeconfig());
        return shell.analyze(content, inScriptDir);
    }

    /** Scripts npm, yarn and pnpm run by themselves around install, pack and publish. */
    private static final List<String> LIFECYCLE = List.of("preinstall", "install", "postinstall", "prepare", "preprepare",
            "postprepare", "prepublish", "prepublishOnly", "prepack", "postpack", "preuninstall", "uninstall", "postuninstall");
    /**
     * The lifecycle scripts of a package.json as one shell script, a line each; for a manifest that is not JSON yet
     * (an edit's fragment such as {@code "postinstall": "…"}), the lifecycle entries it spells out.
     */
    private static String lifecycleScripts(String content) {
        StringBuilder out = new StringBuilder();
        Optional<Map<String, String>> manifest = PackageScripts.of(content);
        if (manifest.isPresent()) {
            LIFECYCLE.stream().map(manifest.get()::get).filter(Objects::nonNull).forEach(s -> out.append(s).append('\n'));
            return out.toString();
        }
        Matcher m = LIFECYCLE_ENTRY.matcher(content);
        while (m.find()) {
            out.append(PackageScripts.unescape(m.group(2)).orElse(m.group(2))).append('\n');
        }
        return out.toString();
    }

    private static final Pattern LIFECYCLE_ENTRY = Pattern.compile(
            "\"(" + String.join("|", LIFECYCLE) + ")\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A Kubernetes Secret manifest holds credentials; other manifests are files until someone applies them. */
    private List<Operation> manifest(FileChange c, String path, Workspace ws, Evidence evidence, String does) {
        Matcher kind = MANIFEST_KIND.matcher(c.content());
        while (kind.find()) {
            if (kind.group(1).equals("Secret") && c.content().contains("apiVersion:")) {
                return List.of(local(path, Verb.CREDENTIAL, "file", ws, evidence).note(does + "a Kubernetes Secret manifest").build());
            }
        }
        return List.of(plain(c, path, ws, evidence, does));
    }

    private static Operation plain(FileChange c, String path, Workspace ws, Evidence evidence, String does) {
        Verb verb = switch (c.action()) {
            case CREATE -> Verb.CREATE;
            case DELETE, MOVE -> Verb.DELETE;
            case WRITE, EDIT -> Verb.UPDATE;
        };
        return local(path, verb, "file", ws, evidence)
                // as the shell's rm and > are judged: one file's delete is not stateful, an overwrite is
                .stateful(c.action() == FileChange.Action.WRITE)
                .reversible(!c.losesContent())
                .note(does + c.path()).build();
    }

    private static Operation.Builder local(String path, Verb verb, String type, Workspace ws, Evidence evidence) {
        return FileMeaning.local(path, verb, type, ws).confidence(Confidence.EXACT).evidence(evidence);
    }

    private static String describe(FileChange.Action action) {
        return switch (action) {
            case CREATE -> "creates";
            case WRITE -> "overwrites";
            case EDIT -> "edits";
            case DELETE -> "deletes";
            case MOVE -> "moves";
        };
    }

}
