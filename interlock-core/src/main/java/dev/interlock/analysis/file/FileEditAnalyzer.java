package dev.interlock.analysis.file;

import dev.interlock.analysis.shell.LaterRuns;
import dev.interlock.analysis.shell.ShellAnalyzer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.controls.ControlFiles;
import dev.interlock.analysis.shell.recognizers.iac.AtlantisConfig;
import dev.interlock.analysis.shell.recognizers.filesystem.CargoConfig;
import dev.interlock.analysis.shell.recognizers.filesystem.SshConfig;
import dev.interlock.analysis.shell.recognizers.filesystem.FileKind;
import dev.interlock.analysis.shell.recognizers.filesystem.FileMeaning;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.analysis.shell.recognizers.packages.PackageScripts;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.FileChange;
import dev.interlock.model.Operation;
import dev.interlock.model.Payload;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Scope;
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
 * state, credentials, a CI pipeline, deployment code, the agent's own instructions ({@link AgentInstructions}) — and
 * where the content will be run later (SQL migrations, shell scripts, a Dockerfile's RUN lines), the content is
 * analyzed as what it will do when it runs (write-a-script-then-run-it is no way around a rule).
 */
public final class FileEditAnalyzer {

    /** Content past this is not analyzed: the change is judged as opaque instead. */
    static final int MAX_ANALYZED_CONTENT = 256 * 1024;

    private static final Pattern MANIFEST_KIND = Pattern.compile("(?m)^kind:\\s*[\"']?([A-Za-z]+)");
    private static final Pattern EXPECT_SHEBANG = Pattern.compile("\\A#!\\s*\\S*(/|env\\s+)expect\\b");
    private static final Pattern SHEBANG = Pattern.compile("\\A#!\\s*\\S*(/|env\\s+)(ba|z|k|da)?sh\\b");

    private final ShellAnalyzer shell;
    private final BiFunction<String, String, List<Operation>> sql;

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
        if (AgentInstructions.governs(path) && !delete) {
            Optional<String> preApproval = AgentInstructions.preApproval(c.content(), command -> shell.analyze(command, context));
            if (preApproval.isPresent()) {
                return List.of(Operation.builder("agent", Verb.ESCALATE).resource("permissions", path).reversible(false).evidence(evidence)
                        .environment(Tier.LOCAL, "a file on the agent's machine")
                        .note(does + "agent instructions or settings that pre-approve what the agent does (" + preApproval.get()
                                + "): the agent would stop asking").build());
            }
        }
        FileKind kind = FileKind.of(path, ws);
        if (kind == FileKind.COMMAND_CONFIG && !delete && CargoConfig.is(path) && CargoConfig.ordinary(c.content())) {
            kind = FileKind.OTHER; // a Cargo configuration that only tunes the build (linker, flags, profiles) is project setup
        }
        if (kind == FileKind.CREDENTIALS && (c.action() == FileChange.Action.EDIT || c.action() == FileChange.Action.CREATE)
                && DotEnvFiles.ordinary(path, c.content())) {
            kind = FileKind.OTHER; // local settings only: no secret, nothing shared named (a whole rewrite may drop secrets it held)
        }
        if (kind == FileKind.COMMAND_CONFIG && !delete && SshConfig.is(path) && SshConfig.ordinary(c.content())) {
            kind = FileKind.OTHER; // host aliases and how to reach them run nothing and weaken no check
        }
        List<Operation> meaning = switch (kind) {
            case GUARD_CONFIGURATION -> List.of(Operation.builder("interlock", delete ? Verb.DELETE : Verb.UPDATE)
                    .resource("configuration", path).locator("path", path).reversible(false).evidence(evidence)
                    .environment(Tier.LOCAL, "a file on the agent's machine")
                    .note(does + "Interlock's configuration or an agent's hook settings").build());
            case SUDOERS -> List.of(Operation.builder("os", Verb.ESCALATE).resource("sudoers", path).reversible(false)
                    .evidence(evidence).environment(Tier.LOCAL, "a file on this machine").note(does + "who may become root").build());
            case TERRAFORM_STATE, CREDENTIALS, ACCESS_GRANTS, COMMAND_HISTORY, CI_PIPELINE, COMMAND_CONFIG, TERRAFORM_CODE, LIVE_SERVER_CONFIG ->
                    List.of(FileMeaning.of(path, ws, delete, does).orElseThrow().evidence(evidence).confidence(Confidence.EXACT).build());
            case DATABASE_FILE -> List.of(FileMeaning.of(path, ws, delete, delete ? does : "overwrites ")
                    .orElseGet(() -> local(path, Verb.DELETE, "file", ws, evidence).note(does + "a database file"))
                    .evidence(evidence).confidence(Confidence.EXACT).build());
            case DEPLOYMENT_CONFIG -> {
                // a Secret kept with the deployment is a credential first
                List<Operation> secret = manifest(c, path, ws, evidence, does);
                yield secret.getFirst().verb() == Verb.CREDENTIAL ? secret
                        : List.of(FileMeaning.of(path, ws, delete, does).orElseThrow().confidence(Confidence.EXACT).evidence(evidence).build());
            }
            // its RUN lines are what it stages ({@link LaterRuns})
            case DOCKERFILE -> List.of(plain(c, path, ws, evidence, does));
            case STARTUP_FILE -> {
                // the change itself asks; what it will run is analysed too, as a script (a launchd job: the command it
                // names); a shell's own start-up file is a later run ({@link LaterRuns}), with its aliases
                List<Operation> ops = new ArrayList<>(LaterRuns.shellStartup(path) ? List.of(plain(c, path, ws, evidence, does))
                        : withContent(c, path, ws, evidence, does, "when it runs", content ->
                        script(path.endsWith(".plist") ? LaunchdJob.commandLine(content) : content, path, context)));
                ops.set(0, FileMeaning.of(path, ws, delete, does).orElseThrow().evidence(evidence).confidence(Confidence.EXACT).build());
                yield ops;
            }
            case SQL_MIGRATION -> QueryFiles.definesQueries(path, c.content()) ? List.of(plain(c, path, ws, evidence, does))
                    : withContent(c, path, ws, evidence, does, "when the migration runs", content -> migration(sql.apply(SqlRollback.applied(path, content), ""), path));
            case CODE_MIGRATION -> withContent(c, path, ws, evidence, does, "when the migration runs",
                    content -> migration(MigrationCode.analyze(content, sql), path));
            case SHELL_SCRIPT -> withContent(c, path, ws, evidence, does, "when the script runs", content -> workspaceScript(content, path, context, ws));
            case TASK_RECIPES -> withContent(c, path, ws, evidence, does, "when its recipes run",
                    content -> staged(RecipeFiles.script(path, content), path, context));
            case PACKAGE_MANIFEST -> {
                List<Operation> ops = new ArrayList<>(withContent(c, path, ws, evidence, does, "when npm install runs its lifecycle scripts",
                        content -> script(lifecycleScripts(content), path, context)));
                List<Operation> named = withContent(c, path, ws, evidence, does, "when its scripts run",
                        content -> staged(RecipeFiles.script(path, content), path, context));
                ops.addAll(named.subList(1, named.size()));
                yield ops;
            }
            case KUBERNETES_MANIFEST -> manifest(c, path, ws, evidence, does);
            case OTHER -> {
                Optional<String> tree = delete && how.isEmpty() ? wholeTree(c.path(), path, ws) : Optional.empty();
                if (tree.isPresent()) {
                    // as rm -rf would be: everything below it is lost
                    yield List.of(local(path, Verb.DELETE, "directory", ws, evidence).scope(Scope.MANY).stateful(true).reversible(false)
                            .note(does + c.path() + ": " + tree.get()).build());
                }
                if (path.endsWith(".exp") || EXPECT_SHEBANG.matcher(c.content()).lookingAt()) {
                    // an expect script: each command it spawns is judged as a shell script's commands are
                    yield withContent(c, path, ws, evidence, does, "when the script runs", content -> workspaceScript(
                            "expect -c " + dev.interlock.analysis.shell.Arg.of(content).shellText(), path, context, ws));
                }
                if (SHEBANG.matcher(c.content()).lookingAt()) {
                    yield withContent(c, path, ws, evidence, does, "when the script runs", content -> workspaceScript(content, path, context, ws));
                }
                if (path.toLowerCase(java.util.Locale.ROOT).endsWith(".ps1")) {
                    // a PowerShell script is judged by what it runs, as a shell script is
                    if (PesterTests.is(path, c.content()) && ws.area(path) == Workspace.Area.WORKSPACE) {
                        yield withContent(c, path, ws, evidence, does, "when the tests run", content -> workspaceScript(
                                dev.interlock.analysis.shell.recognizers.code.PowerShellStatements.asCommandLine(PesterTests.statements(content)),
                                path, context, ws).stream().filter(op -> op.environment() != Tier.LOCAL).toList());
                    }
                    yield withContent(c, path, ws, evidence, does, "when the script runs", content -> workspaceScript(
                            dev.interlock.analysis.shell.recognizers.code.PowerShellStatements.asCommandLine(content), path, context, ws));
                }
                Optional<String> interpreter = oneOffScript(path, ws);
                Optional<String> program = interpreter.isPresent() ? Optional.empty() : programFile(path);
                yield interpreter.isPresent()
                        ? withContent(c, path, ws, evidence, does, "when the script runs", content -> code(interpreter.get(), content, path, context))
                        : program.isPresent()
                        ? withContent(c, path, ws, evidence, does, "when the script runs", content -> teardowns(program.get(), content, path, context))
                        : List.of(plain(c, path, ws, evidence, does));
            }
        };
        if (delete) {
            return meaning;
        }
        List<Operation> judged = withAtlantis(withLaterRun(meaning, c, path, ws, context, evidence, does), path, c.content(), evidence);
        // a security control's own configuration
        return ControlFiles.disabled(path, c.content()).map(control -> {
            List<Operation> all = new ArrayList<>();
            all.add(ControlFiles.operation(path, control).evidence(evidence).confidence(Confidence.EXACT)
                    .environment(Tier.LOCAL, "a file on the agent's machine").build());
            all.addAll(judged);
            return List.copyOf(all);
        }).orElse(judged);
    }

    /** The change, after an operation for Atlantis's configuration when it lets a production project apply unreviewed. */
    private static List<Operation> withAtlantis(List<Operation> judged, String path, String content, Evidence evidence) {
        return AtlantisConfig.weakened(path, content).map(unreviewed -> {
            List<Operation> all = new ArrayList<>();
            all.add(unreviewed.evidence(evidence).confidence(Confidence.EXACT).build());
            all.addAll(judged);
            return List.copyOf(all);
        }).orElse(judged);
    }

    /** The change's meaning, plus what it stages when another tool runs the file by itself later ({@link LaterRuns}). */
    private List<Operation> withLaterRun(List<Operation> meaning, FileChange c, String path, Workspace ws, RequestContext context,
                                         Evidence evidence, String does) {
        List<LaterRuns.Run> later = LaterRuns.of(path, c.content());
        if (later.isEmpty()) {
            return meaning;
        }
        List<Operation> all = new ArrayList<>(meaning);
        for (LaterRuns.Run run : later) {
            List<Operation> runs = withContent(c, path, ws, evidence, does, run.when(), content -> run.kept(script(run.script(), path, context)));
            all.addAll(runs.subList(1, runs.size()));
        }
        return List.copyOf(all);
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
            // a read is nothing until run, but one that copies data (a prod heap dump, a backup) brings it here
            if (op.verb() == Verb.READ && !op.resource().locators().containsKey(
                    dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA)) {
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

    /**
     * A migration's statements run later, wherever migrations are applied: they are judged here, in this checkout, and
     * marked as a migration's ({@code migration} locator), which is what the rule on destructive migrations reads.
     */
    private static List<Operation> migration(List<Operation> operations, String path) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : operations) {
            Operation marked = op.toBuilder().locator("migration", path).build();
            out.add(marked.environment() == Tier.UNKNOWN || marked.environment() == null
                    ? marked.withEnvironment(Tier.LOCAL, "a migration in this checkout; it runs wherever migrations are applied") : marked);
        }
        return out;
    }

    /**
     * A delete of a whole tree (version control metadata, a source root, a directory written with a trailing slash);
     * build output and dependencies tools recreate, and temp files, are not one.
     */
    private static Optional<String> wholeTree(String written, String path, Workspace ws) {
        FileTarget target = new FileTarget(written, path, ws.area(written), false, false, true);
        if (target.area() == Workspace.Area.TEMP || target.regenerable()) {
            return Optional.empty();
        }
        return ProjectTrees.of(written, path);
    }

    /**
     * A script's commands, judged as they will run. A SQL file it hands a database on this machine (loopback) cannot be
     * read before the script runs, and is read when it runs: that is left to the run, as the database is a local sandbox.
     */
    private List<Operation> workspaceScript(String content, String path, RequestContext context, Workspace ws) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : script(content, path, context)) {
            boolean sandboxFile = op.system().equals("database") && op.confidence() == Confidence.OPAQUE
                    && Hosts.loopback(op.resource().locator("host")) && ws.area(path) == Workspace.Area.WORKSPACE;
            out.add(sandboxFile ? op.toBuilder().confidence(Confidence.INFERRED).note(op.note() + "; judged again when the script runs").build() : op);
        }
        return out;
    }

    /** The interpreter of a program file by its extension. */
    private static final Map<String, String> INTERPRETERS = Map.of(".py", "python3", ".js", "node", ".mjs", "node", ".cjs", "node",
            ".rb", "ruby", ".pl", "perl", ".php", "php", ".groovy", "groovy", ".csx", "dotnet-script", ".main.kts", "kotlin");

    /** A file's extension; a Kotlin script's is {@code .main.kts} (a Gradle build's {@code .gradle.kts} is not one). */
    private static String extension(String path) {
        return path.endsWith(".main.kts") ? ".main.kts" : path.substring(path.lastIndexOf('.'));
    }

    /**
     * A program written outside the checkout (/tmp, the home directory) is a one-off script, written to be run: its
     * interpreter, or empty. A project's own source files are code under review, not actions.
     */
    private static Optional<String> oneOffScript(String path, Workspace ws) {
        if (path.endsWith(".lua") && !path.contains("/nvim/") && !path.contains("/lua/")) {
            // a Lua file outside a module tree (nvim's lua/, a rock's lua/) is a script run by hand with lua: what it runs
            return Optional.of("lua");
        }
        Workspace.Area area = ws.area(path);
        if (area != Workspace.Area.TEMP && area != Workspace.Area.HOME) {
            return Optional.empty();
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(INTERPRETERS.get(extension(path)));
    }

    /** The interpreter of a project's program file by its extension: source under review, read only for teardowns. */
    private static Optional<String> programFile(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(INTERPRETERS.get(extension(path)));
    }

    /**
     * A project's program that wipes a whole data store its own code names ({@code redis.from_url('redis://redis.prod…')
     * .flushall()}, a {@code DROP DATABASE} on a named host), or that deletes what holds data in a cloud or cluster its
     * code names ({@code load_kube_config(context='prod-eu-1')} then {@code delete_namespace}, {@code terminate_instances}
     * on {@code Session(profile_name='prod')}, a vector index its code names or filters for: {@code name.endswith('-prod')}
     * before {@code pc.delete_index(name)}), is held like the command it holds, written to be run; any other call in
     * source under review (a handler's {@code delete_one}, a client placed by a variable) is the program's business,
     * judged when it runs, not when it is written.
     */
    private List<Operation> teardowns(String interpreter, String content, String path, RequestContext context) {
        return code(interpreter, content, path, context).stream()
                .filter(op -> (op.verb() == Verb.DELETE || op.verb() == Verb.REPLACE)
                        && (op.scope() == Scope.ALL && op.stateful() && op.resource().locators().containsKey("host")
                        || (op.scope() == Scope.ALL || op.stateful()) && namesCloudTarget(op, context)))
                .toList();
    }

    /** Where a cloud or cluster call goes, as its code names it (a kubeconfig or profile taken from the agent's variables is not named). */
    private static final List<String> CLOUD_TARGETS = List.of("context", "profile", "project", "subscription", "account");

    /** Whole stores a cloud service holds by name (a Pinecone index, a Qdrant collection): the name is the place. */
    private static final java.util.Set<String> NAMED_STORES = java.util.Set.of("index", "collection");

    private static boolean namesCloudTarget(Operation op, RequestContext context) {
        String kubeconfig = op.resource().locator("kubeconfig");
        String store = op.resource().locator("database");
        if (NAMED_STORES.contains(op.resource().type()) && !store.isEmpty() && !context.env().containsValue(store)) {
            return true;
        }
        // a profile or project taken from the agent's own variables (AWS_PROFILE, GOOGLE_CLOUD_PROJECT) is not named either
        return CLOUD_TARGETS.stream().map(op.resource()::locator).anyMatch(v -> !v.isEmpty() && !context.env().containsValue(v))
                || !kubeconfig.isEmpty() && !kubeconfig.equals(context.env().getOrDefault("KUBECONFIG", ""));
    }

    /**
     * What a one-off script's code will do, judged as the same code run by its interpreter. Only what the code is
     * seen to do counts: code Interlock cannot read is judged when it is run, not when it is written.
     */
    private List<Operation> code(String interpreter, String content, String path, RequestContext context) {
        String delimiter = "INTERLOCK_CODE_" + Integer.toHexString(content.hashCode());
        return script(interpreter + " - <<'" + delimiter + "'\n" + content + (content.endsWith("\n") ? "" : "\n") + delimiter + "\n", path, context)
                .stream().filter(op -> op.confidence() != Confidence.OPAQUE && !op.system().equals("process")).toList();
    }

    private List<Operation> script(String content, String path, RequestContext context) {
        RequestContext inScriptDir = new RequestContext(context.environment(), Optional.of(FileMeaning.parent(path)), context.env(),
                context.target(), context.kubeconfig());
        return shell.analyze(content, inScriptDir);
    }

    /**
     * What recipes run by hand stage: only what destroys beyond this machine (a prod namespace deleted, a database
     * dropped). A {@code clean} target's {@code rm -rf build} or a local cluster's teardown is routine there, and the
     * run itself is judged again with the file in view.
     */
    private List<Operation> staged(String commands, String path, RequestContext context) {
        return script(commands, path, context).stream()
                .filter(op -> op.verb().destructive() && op.environment() != Tier.LOCAL).toList();
    }

    /** Scripts npm, yarn and pnpm run by themselves around install, pack and publish. */
    static final List<String> LIFECYCLE = List.of("preinstall", "install", "postinstall", "prepare", "preprepare",
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
