package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.recognizers.DataCopies;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.pipelines.HadoopYarn;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.iac.CommentCommands;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.analysis.shell.recognizers.database.BuildToolMigrations;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.analysis.shell.recognizers.vcs.ForgeAccess;
import dev.interlock.analysis.shell.recognizers.vcs.ForgeRepositories;
import dev.interlock.analysis.shell.recognizers.vcs.GistUploads;
import dev.interlock.analysis.Regex;
import dev.interlock.environment.Hosts;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Package managers and build tools, for the part that leaves the machine: publishing to a registry (npm, pnpm, yarn,
 * maven, gradle, sbt, twine, cargo and cargo-release, gem) and GitHub releases and repositories. Everything else they do (install, test,
 * build, run) is local execution and passes.
 *
 * <p>Scoring choice (docs/risk.md): a published version goes to everyone who installs the package and usually cannot
 * be taken back, but nothing is lost. So publishing is a {@code transfer}, not reversible, not stateful, scope
 * {@code many} (the whole world gets it): 2 + 1 + 1 = 4, high, so it asks even locally and needs approval elsewhere.
 * A dry run is a read.
 */
public final class PackagePublishRecognizer implements Recognizer {

    private static final Set<String> NPM_VALUED = Set.of("--registry", "--tag", "--access", "--otp", "-w", "--workspace",
            "--filter", "-F", "--prefix", "-C", "--dir", "--cwd", "--userconfig", "--loglevel");
    private static final Set<String> LOCAL_NPM = Set.of("install", "i", "ci", "add", "remove", "rm", "uninstall", "un",
            "update", "up", "upgrade", "test", "t", "run", "run-script", "build", "start", "exec", "x", "dlx", "link", "ln",
            "pack", "prune", "dedupe", "rebuild", "init", "create", "version", "audit", "outdated", "ls", "list", "why",
            "view", "info", "show", "search", "config", "get", "set", "cache", "doctor", "explain", "fund", "root", "bin",
            "help", "lint", "format", "dev", "serve", "store", "import", "env", "pkg", "set-script", "install-test", "it",
            "workspaces", "workspace", "patch", "licenses", "node", "plugin", "constraints", "tsc", "jest", "vitest");
    /** Tools with their own recognizers that projects commonly run through yarn/pnpm. */
    private static final Set<String> DELEGATED = Set.of("prisma", "drizzle-kit", "knex", "sequelize", "sequelize-cli",
            "typeorm", "supabase", "cdk", "pulumi", "wrangler", "vercel", "netlify", "firebase", "serverless", "sls", "lerna",
            "changeset", "atlas", "dbmate", "migrate");
    private static final Pattern AUTH_KEY = Pattern.compile("(?i)(_auth|authtoken|_password|token)");
    private static final Pattern RISKY_SCRIPT =
            Pattern.compile("(?i).*(deploy|release|publish|destroy|teardown|drop|reset|nuke|wipe|prod).*");
    private static final Set<String> MAVEN_VALUED = Set.of("-P", "-pl", "--projects", "-f", "--file", "-s", "--settings",
            "-gs", "-T", "--threads", "-rf", "--resume-from", "-t", "--toolchains", "-l", "--log-file", "-b", "--builder");
    private static final Set<String> GRADLE_VALUED = Set.of("-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file",
            "-c", "--settings-file", "-g", "--gradle-user-home", "-I", "--init-script", "--console", "--warning-mode", "--max-workers");
    /** gh run's commands that only read: a run's status, logs, and artifacts. */
    private static final Set<String> GH_RUN_READS = Set.of("view", "list", "ls", "watch", "download");
    private static final Set<String> GH_VALUED = Set.of("-R", "--repo", "-t", "--title", "-b", "--body", "--body-file", "-n", "--notes", "-F", "--notes-file",
            "--target", "--discussion-category", "--notes-start-tag", "-p", "--pattern", "-D", "--dir", "-O", "--output");

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Set.of("npm", "pnpm", "yarn", "mvn", "mvnw", "gradle", "gradlew", "sbt", "twine", "cargo",
                "gem", "gh", "glab"));
        all.addAll(PublishTools.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.words().contains("--help") || inv.words().contains("--version") && inv.words().size() == 1) {
            return List.of();
        }
        if (inv.program().equals("yarn") && HadoopYarn.claims(inv)) {
            return HadoopYarn.recognize(inv); // Hadoop's yarn, not the package manager
        }
        List<Operation> sources = PackageSources.of(inv);
        if (!sources.isEmpty()) {
            return sources;
        }
        List<Operation> installScripts = ProjectInstallScripts.of(inv, nested);
        if (!installScripts.isEmpty()) {
            return installScripts; // npm install with the package.json in view: its install scripts decide
        }
        if (!ProjectRuns.NODE.contains(inv.program())) { // a package.json's start script is read below
            Optional<Operation> run = ProjectRuns.of(inv);
            if (run.isPresent()) {
                return List.of(run.get());
            }
        }
        return switch (inv.program()) {
            case "npm", "pnpm", "yarn" -> node(inv, nested);
            case "mvn", "mvnw" -> maven(inv, nested);
            case "gradle", "gradlew" -> gradle(inv, nested);
            case "sbt" -> sbt(inv, nested);
            case "twine" -> twine(inv);
            case "cargo" -> cargo(inv);
            case "gem" -> gem(inv);
            case "gh" -> gh(inv, nested);
            case "glab" -> glab(inv, nested);
            default -> PublishTools.recognize(inv, nested);
        };
    }

    private static List<Operation> node(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(NPM_VALUED);
        List<String> words = p.words();
        if (words.size() > 2 && words.get(0).equals("pkg") && words.get(1).equals("set")) {
            // npm pkg set scripts.postinstall='…': the package manager runs it later (on install, test, start …): what it does counts now
            List<Operation> ops = new ArrayList<>();
            for (String assignment : words.subList(2, words.size())) {
                int eq = assignment.indexOf('=');
                if (assignment.startsWith("scripts.") && eq > 0) {
                    ops.addAll(nested.shell(assignment.substring(eq + 1), inv));
                }
            }
            ops.add(SelfProtectionRecognizer.write(inv, "package.json", "npm pkg set writes"));
            return ops;
        }
        String tool = inv.program();
        int at = tool.equals("yarn") && !words.isEmpty() && words.getFirst().equals("npm") ? 1 : 0;
        if (tool.equals("yarn") && words.size() > 2 && words.getFirst().equals("workspace")) {
            at = 2; // yarn workspace NAME COMMAND…
        }
        String sub = words.size() > at ? words.get(at) : "install";
        // `yarn prisma …`, `pnpm knex …` run a project binary: the tool decides, so analyze it as a command
        // (`npm exec`, `pnpm exec`, `yarn dlx` are unwrapped by the analyzer before they get here)
        if (!tool.equals("npm") && DELEGATED.contains(sub)) {
            List<String> rest = commandAfter(inv.args(), sub);
            if (!rest.isEmpty()) {
                return nested.shell(String.join(" ", rest), inv);
            }
        }
        String target = words.size() > at + 1 ? words.get(at + 1) : "";
        boolean dryRun = p.has("--dry-run");
        // npm_config_registry set for the command is --registry by another name
        Optional<String> registry = p.value("--registry").or(() -> Optional.ofNullable(inv.env().get("npm_config_registry")))
                .or(() -> Optional.ofNullable(inv.env().get("NPM_CONFIG_REGISTRY"))).filter(r -> !r.isBlank());
        if (sub.equals("config") && words.size() > at + 2 && Set.of("get", "list", "ls").contains(words.get(at + 1))
                && AUTH_KEY.matcher(words.get(at + 2)).find()) {
            // `npm config get //registry…/:_authToken` prints the registry token (list masks it; get does not)
            return List.of(LocalFiles.local(inv, Operation.builder("package", Verb.CREDENTIAL).resource("token", words.get(at + 2))
                    .evidence(inv.evidence()).note("prints a package registry token"), tool + "'s configuration on this machine").build());
        }
        // npm run X, npm test/start, and yarn or pnpm X run the project's own script: its commands decide when in view
        String scriptName = Set.of("run", "run-script").contains(sub) ? target
                : Set.of("test", "t", "start", "stop", "restart").contains(sub) ? (sub.equals("t") ? "test" : sub)
                : !tool.equals("npm") && !LOCAL_NPM.contains(sub) && !BUILT_IN.contains(sub) ? sub : "";
        Optional<List<Operation>> inView = scriptInView(inv, nested, scriptName);
        if (inView.isPresent()) {
            return inView.get();
        }
        Optional<Operation> app = scriptName.equals("start") ? ProjectRuns.of(inv) : Optional.empty();
        if (app.isPresent()) {
            return List.of(app.get()); // starts the application itself, its start script not in view
        }
        Operation o = switch (sub) {
            case "publish" -> dryRun ? read(inv, "package", target, "dry run of a publish")
                    : publish(inv, target.isEmpty() ? "the package in " + inv.workspace().cwd() : target,
                            tool + " publish" + (p.has("-r", "--recursive") ? " -r" : ""));
            case "unpublish" -> {
                boolean whole = !target.contains("@") || target.startsWith("@") && target.indexOf('@', 1) < 0;
                yield op(inv, Verb.DELETE, "package", target).stateful(true).reversible(false)
                        .scope(p.has("--force", "-f") && whole ? Scope.ALL : Scope.ONE)
                        .note(whole ? "removes every version of the package from the registry" : "removes a published version").build();
            }
            case "deprecate" -> op(inv, Verb.UPDATE, "package", target).scope(Scope.MANY)
                    .note("marks published versions as deprecated for everyone who installs them").build();
            case "dist-tag" -> Set.of("ls", "list").contains(target) || target.isEmpty() ? read(inv, "package", "", "")
                    : op(inv, Verb.UPDATE, "package", words.size() > at + 2 ? words.get(at + 2) : target).note("moves a registry tag").build();
            case "owner", "access", "team" -> words.size() > at + 1 && Set.of("ls", "list", "get").contains(target)
                    ? read(inv, "package", "", "")
                    : op(inv, Verb.GRANT, "package", words.getLast()).note("changes who may publish the package").build();
            case "token", "login", "adduser", "logout" -> op(inv, Verb.CREDENTIAL, "token", "")
                    .note(tool + " " + sub + " handles registry credentials").build();
            case "run", "run-script" -> script(inv, target);
            default -> {
                if (LOCAL_NPM.contains(sub) || tool.equals("npm")) {
                    yield PackageSources.dependencies(inv).orElseGet(() -> local(inv, tool + " " + sub));
                }
                yield script(inv, sub);
            }
        };
        return List.of(registry.map(r -> hostLocator(o, r)).orElse(o));
    }

    /** The words of the command a runner starts, from {@code marker} on, requoted for the shell. */
    static List<String> commandAfter(List<Arg> args, String marker) {
        List<String> out = new ArrayList<>();
        boolean started = false;
        for (Arg a : args) {
            started = started || a.value().equals(marker);
            if (started) {
                out.add(a.shellText());
            }
        }
        return out;
    }


    /** Commands of the tools themselves, which win over a script of the same name. */
    private static final Set<String> BUILT_IN = Set.of("publish", "unpublish", "deprecate", "dist-tag", "owner", "access",
            "team", "token", "login", "adduser", "logout", "config");

    /**
     * The package script's own commands ({@code pre}NAME, NAME, {@code post}NAME) when the project's package.json is in
     * view (the CLI and the local hooks read it into {@code context.files}); empty when it is not, or names no such
     * script, so that the name decides as before.
     */
    private static Optional<List<Operation>> scriptInView(Invocation inv, Nested nested, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> json = nested.written("package.json");
        if (json.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> scripts = PackageScripts.of(json.get()).orElse(Map.of());
        if (!scripts.containsKey(name)) {
            return Optional.empty();
        }
        List<Operation> ops = new ArrayList<>();
        for (String key : List.of("pre" + name, name, "post" + name)) {
            if (scripts.containsKey(key)) {
                ops.addAll(nested.shell(scripts.get(key), inv));
            }
        }
        return Optional.of(ops.isEmpty() ? List.of(local(inv, inv.program() + " run " + name)) : ops);
    }

    /** A package script runs arbitrary commands; names that say deploy, release or reset are not assumed local. */
    private static Operation script(Invocation inv, String name) {
        Optional<Operation> copy = DataCopies.named(inv, name);
        if (copy.isPresent()) {
            return copy.get(); // npm run db:refresh-from-prod
        }
        if (RISKY_SCRIPT.matcher(name).matches()) {
            Operation.Builder b = op(inv, Verb.EXECUTE, "script", name).confidence(Confidence.INFERRED)
                    .note("the package script '" + name + "' may deploy, publish or destroy; its commands are not analyzed");
            // deploy:dev, release-staging: the environment in a deploying script's name is where it acts
            dev.interlock.analysis.shell.recognizers.TaskTargets.namedTarget(inv, List.of(name), false)
                    .map(t -> t.resource().locator("environment")).filter(e -> !e.isEmpty())
                    .ifPresent(e -> b.locator("environment", e));
            return b.build();
        }
        return local(inv, inv.program() + " run " + name);
    }

    private static List<Operation> maven(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(MAVEN_VALUED);
        boolean skip = inv.words().stream().anyMatch(w -> w.startsWith("-Dmaven.deploy.skip=true"));
        boolean dryRun = inv.words().stream().anyMatch(w -> w.equals("-DdryRun") || w.equals("-DdryRun=true"));
        List<Operation> ops = new ArrayList<>();
        boolean local = false;
        for (String goal : p.words()) {
            Optional<List<Operation>> migration = BuildToolMigrations.maven(inv, goal, nested);
            if (migration.isPresent()) {
                ops.addAll(migration.get());
            } else if (goal.equals("help:effective-settings") && showsPasswords(inv)) {
                ops.add(LocalFiles.local(inv, Operation.builder("package", Verb.CREDENTIAL).resource("file", "~/.m2/settings.xml")
                        .evidence(inv.evidence()).note("mvn help:effective-settings -DshowPasswords=true prints the repositories' passwords decrypted"),
                        "maven's settings on this machine").build());
            } else if (dryRun && goal.startsWith("release:")) {
                // -DdryRun=true: the release plugin writes release.properties and the would-be POMs here, no commit, tag or push
                local = true;
            } else if (goal.equals("deploy") || goal.startsWith("deploy:") || goal.equals("release:perform") || goal.equals("site-deploy")
                    || goal.startsWith("nexus-staging:") || goal.startsWith("central-publishing:")) {
                ops.add(skip ? local(inv, "mvn " + goal + " (deploy skipped)") : mavenDeploy(inv, goal));
            } else if (goal.equals("jib:build") || goal.equals("dockerfile:push")) {
                ops.add(op(inv, Verb.TRANSFER, "image", "").reversible(true).note("mvn " + goal + " pushes a container image").build());
            } else if (goal.equals("release:prepare") || goal.equals("release:rollback")) {
                ops.add(op(inv, Verb.UPDATE, "repository", "").note("mvn " + goal + " commits, tags and pushes").build());
            } else {
                local = true;
            }
        }
        if (ops.isEmpty() || local) {
            ops.add(local(inv, inv.program() + " " + String.join(" ", p.words())));
        }
        return ops;
    }

    private static boolean showsPasswords(Invocation inv) {
        return inv.words().stream().anyMatch(w -> w.equals("-DshowPasswords") || w.equals("-DshowPasswords=true"));
    }

    /**
     * sbt's tasks that leave the machine: {@code publish} and {@code publishSigned} upload to the build's {@code publishTo}
     * (not in view), the sonatype plugin's uploads and releases go to Maven Central (immutable), sbt-release's
     * {@code release} and sbt-ci-release's {@code ci-release} do both. A task may be cross-built ({@code +publish}),
     * scoped to a project ({@code core/publishSigned}) or one of a {@code ;}-list; {@code publishLocal} and
     * {@code publishM2} stay on this machine.
     */
    private static final Set<String> SBT_PUBLISHES = Set.of("publish", "publishSigned", "sonatypeBundleRelease", "sonatypeRelease",
            "sonatypeReleaseAll", "sonatypeBundleUpload", "sonatypeCentralUpload", "sonatypeCentralRelease", "release", "ci-release",
            "releaseEverything");

    private static List<Operation> sbt(Invocation inv, Nested nested) {
        List<String> published = new ArrayList<>();
        for (String word : inv.words()) {
            for (String command : word.split(";")) {
                String task = Regex.before(command.strip(), "\\s+");
                task = task.substring(task.lastIndexOf('/') + 1);
                task = task.startsWith("+") ? task.substring(1) : task;
                if (SBT_PUBLISHES.contains(task)) {
                    published.add(task);
                }
            }
        }
        if (published.isEmpty()) {
            Optional<List<Operation>> migration = BuildToolMigrations.sbt(inv, nested);
            if (migration.isPresent()) {
                return migration.get();
            }
        }
        // other tasks build, test or run the project, judged as any build tool's
        return published.isEmpty() ? new UnrecognizedProgram().recognize(inv, nested)
                : List.of(publish(inv, artifact(inv), "sbt " + String.join(" ", published)));
    }

    private static final List<String> ALT_REPOSITORIES = List.of("-DaltDeploymentRepository=",
            "-DaltReleaseDeploymentRepository=", "-DaltSnapshotDeploymentRepository=");

    /**
     * {@code mvn deploy -DaltDeploymentRepository=id::url}: the repository the command line names instead of the POM's.
     * A {@code file:} URL is a folder on this machine (a staging directory for a later upload); any other is placed by
     * its host. Without one the POM's distribution management decides, which is not in view.
     */
    private static Operation mavenDeploy(Invocation inv, String goal) {
        List<String> urls = new ArrayList<>();
        for (String w : inv.words()) {
            for (String flag : ALT_REPOSITORIES) {
                if (w.startsWith(flag)) {
                    String value = w.substring(flag.length());
                    urls.add(value.contains("::") ? value.substring(value.lastIndexOf("::") + 2) : value);
                }
            }
        }
        Optional<String> remote = urls.stream().filter(u -> !u.startsWith("file:")).findFirst();
        if (!urls.isEmpty() && remote.isEmpty()) {
            String folder = Regex.replaceFirst(urls.getFirst().substring("file:".length()), "^//(?=/)", "");
            return LocalFiles.on(inv, Verb.CREATE, "directory", folder)
                    .note("mvn " + goal + " deploys the artifacts into the folder " + folder).build();
        }
        return publishTo(inv, artifact(inv), "mvn " + goal, remote.orElse(""));
    }

    /** Gradle tasks that build, check or run a variant here, whatever words follow ({@code assembleProdRelease}). */
    private static final java.util.regex.Pattern BUILD_TASK = java.util.regex.Pattern.compile(
            "(assemble|bundle|build|compile|test|check|lint|package|install|run|generate|process|merge|clean|connected|jar|javadoc)([A-Z0-9].*)?");

    private static List<Operation> gradle(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(GRADLE_VALUED);
        List<String> excluded = DatabaseOps.values(p, "-x", "--exclude-task");
        List<Operation> ops = new ArrayList<>();
        for (String task : p.words()) {
            String t = task.substring(task.lastIndexOf(':') + 1);
            if (excluded.contains(task) || excluded.contains(t) || t.startsWith("publishToMavenLocal") || t.endsWith("ToMavenLocal")) {
                continue;
            }
            Optional<List<Operation>> migration = BuildToolMigrations.gradle(inv, task, nested);
            if (migration.isPresent()) {
                ops.addAll(migration.get());
            } else if (t.startsWith("publish") || t.equals("uploadArchives") || t.equals("bintrayUpload") || t.equals("artifactoryPublish")
                    || t.startsWith("closeAndRelease") || t.equals("releaseSonatypeStagingRepository") || t.equals("jreleaserDeploy")
                    // Gradle Play Publisher: promote[Variant]Artifact moves a release between Play tracks (publish* uploads)
                    || t.startsWith("promote") && t.endsWith("Artifact")) {
                ops.add(publish(inv, artifact(inv), "gradle " + task));
            } else if (t.equals("jib")) {
                ops.add(op(inv, Verb.TRANSFER, "image", "").reversible(true).note("gradle jib pushes a container image").build());
            } else if (!BUILD_TASK.matcher(t).matches()) {
                // deployProd, destroyStaging: a task whose name says it deploys or destroys, in the environment it names
                // (assembleRelease, bundleProdRelease build a variant: nothing leaves the machine)
                dev.interlock.analysis.shell.recognizers.TaskTargets.namedTarget(inv, List.of(t), false).ifPresent(ops::add);
            }
        }
        if (ops.isEmpty()) {
            ops.add(local(inv, inv.program() + " " + String.join(" ", p.words())));
        }
        return ops;
    }

    private static List<Operation> twine(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-r", "--repository", "--repository-url", "-u", "--username", "-p", "--password",
                "--config-file", "-c", "--comment", "-i", "--identity", "--sign-with", "--cert", "--client-cert"));
        String sub = p.positional(0).orElse("");
        if (!sub.equals("upload") && !sub.equals("register")) {
            return List.of(read(inv, "package", "", "twine " + sub));
        }
        String files = String.join(" ", p.words().subList(1, p.words().size()));
        Operation o = publish(inv, files, "twine " + sub);
        Optional<String> repository = p.value("--repository-url").or(() -> p.value("-r", "--repository"));
        return List.of(repository.map(r -> hostLocator(o, r.equals("testpypi") ? "test.pypi.org" : r)).orElse(o));
    }

    private static List<Operation> cargo(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--registry", "--index", "--token", "-p", "--package", "--vers", "--version",
                "--manifest-path", "-j", "--jobs", "--target", "--features", "-F", "-a", "--add", "-r", "--remove"));
        String sub = p.positional(0).orElse("build");
        Operation o = switch (sub) {
            case "publish" -> p.has("--dry-run", "-n") ? read(inv, "package", "", "dry run of a publish")
                    : publish(inv, p.value("-p", "--package").orElse(artifact(inv)),
                            "cargo publish (a published crate version can never be deleted, only yanked)");
            case "yank" -> op(inv, Verb.UPDATE, "package", p.positional(1).orElse("") + " " + p.value("--vers", "--version").orElse(""))
                    .note(p.has("--undo") ? "un-yanks a published version" : "yanks a published version (reversible with --undo)").build();
            case "owner" -> p.has("-a", "--add", "-r", "--remove")
                    ? op(inv, Verb.GRANT, "package", p.positional(1).orElse("")).note("changes who may publish the crate").build()
                    : read(inv, "package", "", "cargo owner --list");
            case "login", "logout" -> op(inv, Verb.CREDENTIAL, "token", "").note("cargo " + sub + " handles the registry token").build();
            case "release" -> cargoRelease(inv, p);
            // cargo-make's tasks are a task runner's targets, judged by their names and profile as make's are
            case "make" -> dev.interlock.analysis.shell.recognizers.TaskTargets.target(inv.withProgram("cargo-make",
                    inv.args().subList(inv.words().indexOf("make") + 1, inv.args().size()))).orElseGet(() -> local(inv, "cargo make"));
            default -> local(inv, "cargo " + sub);
        };
        return List.of(p.value("--registry", "--index").map(r -> o.toBuilder().locator("registry", r).build()).orElse(o));
    }

    /** cargo-release's steps that stay in the working copy; the others push tags or publish crates. */
    private static final Set<String> CARGO_RELEASE_LOCAL = Set.of("version", "replace", "hook", "commit", "tag", "changes", "config");

    /**
     * cargo-release: without {@code --execute} (or {@code -x}) it only shows what it would do; with it a release (a level
     * or version as the first word, or the {@code publish} step) bumps, tags, pushes and publishes the crates, the
     * {@code push} step pushes commits and tags, and the file-editing steps stay here.
     */
    private static Operation cargoRelease(Invocation inv, ParsedArgs p) {
        String step = p.positional(1).orElse("");
        if (!p.has("--execute", "-x")) {
            return read(inv, "package", "", "cargo release without --execute only shows what it would do");
        }
        if (CARGO_RELEASE_LOCAL.contains(step)) {
            return local(inv, "cargo release " + step);
        }
        if (step.equals("push")) {
            return op(inv, Verb.UPDATE, "repository", "").note("cargo release push pushes the release commits and tags").build();
        }
        return publish(inv, p.value("-p", "--package").orElse(artifact(inv)),
                "cargo release " + step + " --execute bumps, tags, pushes and publishes (a published crate version can never be deleted)");
    }

    private static List<Operation> gem(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("--host", "-v", "--version", "-k", "--key", "--otp", "-a", "--add", "-r", "--remove"));
        String sub = p.positional(0).orElse("help");
        String target = p.positional(1).orElse("");
        Operation o = switch (sub) {
            case "push" -> publish(inv, target, "gem push");
            // a yanked version can never be pushed again under the same number
            case "yank" -> op(inv, Verb.DELETE, "package", target + " " + p.value("-v", "--version").orElse(""))
                    .reversible(false).note("removes a published version from the index").build();
            case "owner" -> p.has("-a", "--add", "-r", "--remove")
                    ? op(inv, Verb.GRANT, "package", target).note("changes who may push the gem").build()
                    : read(inv, "package", target, "gem owner");
            case "signin", "signout" -> op(inv, Verb.CREDENTIAL, "token", "").note("gem " + sub).build();
            default -> local(inv, "gem " + sub);
        };
        return List.of(p.value("--host").map(h -> hostLocator(o, h)).orElse(o));
    }

    private static final Set<String> GLAB_VALUED = Set.of("-R", "--repo", "-t", "--title", "-d", "--description", "-m", "--message",
            "--milestone", "-l", "--label", "-a", "--assignee", "-b", "--branch", "-s", "--source-branch", "--target-branch", "--sha",
            "-g", "--group", "--scope", "-v", "--value", "--hostname", "--type");

    /**
     * The GitLab CLI: its routes to secrets and access (a merge request approved as the user, CI/CD variables, keys,
     * tokens, the API), its projects and releases as {@code gh}'s repositories and releases ({@link ForgeRepositories}),
     * its pipelines' manual jobs and schedules as other CI systems' commands; opened merge requests as proposals; the rest (merging, issues, runs of
     * a pipeline) is judged by its words like any unfamiliar CLI.
     */
    private static List<Operation> glab(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(GLAB_VALUED);
        return ForgeAccess.gitlab(inv, p, p.words()).or(() -> ForgeRepositories.gitlab(inv, p, p.words()))
                .or(() -> pipelineDeploy(inv, p.words()))
                .or(() -> comment(inv, p, p.words(), List.of("mr", "issue"), List.of("note", "comment"), "-m", "--message"))
                .or(() -> dev.interlock.analysis.shell.recognizers.ci.CiRecognizer.gitlab(inv)).map(List::of)
                .orElseGet(() -> new UnrecognizedProgram().recognize(inv, nested));
    }

    /** glab's pipeline variables: {@code --variables KEY:VALUE}, {@code --variables-env KEY:VALUE}, or KEY=VALUE. */
    private static final Pattern PIPELINE_VARIABLE = Pattern.compile("(?i)(?:[\\w]*_)?(env|environment|stage|target|tier|deploy_?env)[:=](.+)");

    /**
     * {@code glab ci run --variables DEPLOY_ENV:production}: a pipeline given an environment deploys there with the
     * project's CI/CD secrets, as {@code gh workflow run -f env=…} does.
     */
    private static Optional<Operation> pipelineDeploy(Invocation inv, List<String> words) {
        if (words.size() < 2 || !words.getFirst().equals("ci") || !Set.of("run", "trigger").contains(words.get(1))) {
            return Optional.empty();
        }
        List<String> all = inv.words();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (Set.of("--variables", "--variables-env", "--variables-file", "-V").contains(all.get(i))) {
                Matcher m = PIPELINE_VARIABLE.matcher(all.get(i + 1));
                if (m.matches()) {
                    return Optional.of(op(inv, Verb.EXECUTE, "pipeline", words.get(1)).system("gitlab").confidence(Confidence.INFERRED)
                            .locator("environment", m.group(2))
                            .note("runs a pipeline with the project's CI/CD secrets in " + m.group(2)).build());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * gh release and gh repo ({@link ForgeRepositories}): GitHub is remote, so the environment stays unknown unless the
     * request or the repository names it.
     */
    private static List<Operation> gh(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(GH_VALUED);
        List<String> words = p.words();
        String group = words.isEmpty() ? "" : words.getFirst();
        Optional<Operation> access = ForgeAccess.github(inv, p, words).or(() -> GistUploads.github(inv));
        if (access.isPresent()) {
            return List.of(access.get());
        }
        String repoName = p.value("-R", "--repo").orElse("");
        if (group.equals("pr") && words.size() > 1 && words.get(1).equals("merge") && inv.words().contains("--admin")) {
            // --admin merges past failing checks and missing reviews: the agent grants itself what review would
            Operation.Builder b = op(inv, Verb.ESCALATE, "pull-request", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("merges with administrator privileges, past required reviews and checks");
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("run") && words.size() > 1 && words.get(1).equals("cancel")) {
            // The run may be a deployment half-way through: stopping it can leave an environment half rolled out.
            Operation.Builder b = op(inv, Verb.UPDATE, "workflow-run", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("cancels a workflow run in progress, which may be a deployment");
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("run") && words.size() > 1 && GH_RUN_READS.contains(words.get(1))) {
            // a run's status, logs and artifacts: downloading an artifact writes it into the workspace (-D), nothing remote changes
            Operation.Builder b = op(inv, Verb.READ, "workflow-run", words.size() > 2 ? words.get(2) : "").system("github")
                    .note("gh run " + words.get(1) + " reads a workflow run" + (words.get(1).equals("download") ? "'s artifacts into the workspace" : ""));
            return List.of((repoName.isEmpty() ? b : b.locator("repository", repoName)).build());
        }
        if (group.equals("workflow") && words.size() > 2 && words.get(1).equals("run")) {
            Optional<Operation> deploy = workflowDeploy(inv, words.get(2), repoName);
            if (deploy.isPresent()) {
                return List.of(deploy.get());
            }
        }
        Optional<Operation> repository = ForgeRepositories.github(inv, p, words);
        if (repository.isPresent()) {
            return List.of(repository.get());
        }
        Optional<Operation> command = comment(inv, p, words, List.of("pr", "issue"), List.of("comment"), "-b", "--body");
        if (command.isPresent()) {
            return List.of(command.get());
        }
        if (!group.equals("release") && !group.equals("repo")) {
            // merges and other pull-request commands, issues, workflows …: not publishing; judged by their words like any unfamiliar CLI
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String sub = words.size() > 1 ? words.get(1) : "";
        Operation.Builder unknown = op(inv, Verb.UNKNOWN, group, words.size() > 2 ? words.get(2) : "").system("github")
                .confidence(Confidence.INFERRED).note("gh " + group + " " + sub + " is not recognized");
        return List.of((repoName.isEmpty() ? unknown : unknown.locator("repository", repoName)).build());
    }

    /**
     * A comment on a pull request or issue that is a command to a Terraform bot ({@code atlantis apply -p prod-network}):
     * judged as what the bot runs ({@link CommentCommands}).
     */
    private static Optional<Operation> comment(Invocation inv, ParsedArgs p, List<String> words, List<String> groups,
                                               List<String> subs, String... bodyFlags) {
        if (words.size() < 2 || !groups.contains(words.get(0)) || !subs.contains(words.get(1))) {
            return Optional.empty();
        }
        Optional<String> body = p.value(bodyFlags);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Optional<Operation> command = CommentCommands.of(body.get()).map(b -> b.evidence(inv.evidence()).build());
        if (command.isPresent() || body.get().indexOf('$') >= 0 || body.get().indexOf('`') >= 0) {
            // text expanded at run time may carry a secret: judged as before, by the CLI's words
            return command;
        }
        // a bot acts only on a comment whose first word is its name; prose that mentions "atlantis apply" is discussion
        Operation.Builder b = Operation.builder(inv.program().equals("glab") ? "gitlab" : "github", Verb.CREATE)
                .resource("comment", words.size() > 2 ? words.get(2) : "").reversible(true).evidence(inv.evidence())
                .environment(Tier.DEV, "a comment only adds to a pull request's or issue's discussion")
                .note("posts a comment; no bot reads it as a command");
        p.value("-R", "--repo").ifPresent(r -> b.locator("repository", r));
        return Optional.of(b.build());
    }

    private static final Set<String> WORKFLOW_VALUED = Set.of("-f", "--raw-field", "-F", "--field", "-r", "--ref", "-R", "--repo");
    private static final Pattern ENVIRONMENT_FIELD = Pattern.compile("(?i)(env|environment|stage|target|tier|deploy_?env)=(.+)");
    private static final Pattern DEPLOYING_WORKFLOW = Pattern.compile("(?i).*(deploy|release|publish|rollout|promote|prod|production|destroy|teardown).*");

    /**
     * {@code gh workflow run deploy.yml -f environment=production}: a workflow that deploys (by its name or an
     * environment input) runs with the repository's deployment secrets, in the environment it is given.
     */
    private static Optional<Operation> workflowDeploy(Invocation inv, String workflow, String repo) {
        ParsedArgs p = inv.parse(WORKFLOW_VALUED);
        String environment = "";
        for (String flag : List.of("-f", "--raw-field", "-F", "--field")) {
            for (String field : p.flags().getOrDefault(flag, List.of())) {
                Matcher m = ENVIRONMENT_FIELD.matcher(field);
                if (m.matches()) {
                    environment = m.group(2);
                }
            }
        }
        if (environment.isEmpty() && !DEPLOYING_WORKFLOW.matcher(workflow).matches()) {
            return Optional.empty();
        }
        Operation.Builder b = op(inv, Verb.EXECUTE, "workflow", workflow).system("github").confidence(Confidence.INFERRED)
                .note("runs the workflow " + workflow + " with the repository's secrets" + (environment.isEmpty() ? "" : " in " + environment));
        if (!environment.isEmpty()) {
            b.locator("environment", environment);
        }
        if (!repo.isEmpty()) {
            b.locator("repository", repo);
        }
        return Optional.of(b.build());
    }

    /** Publishing {@code what} to {@code registry} (a URL or host), judged by the registry's host. */
    public static Operation publishTo(Invocation inv, String what, String how, String registry) {
        Operation o = publish(inv, what, how);
        return registry.isBlank() ? o : hostLocator(o, registry);
    }

    static Operation publish(Invocation inv, String what, String how) {
        return op(inv, Verb.TRANSFER, "package", what).scope(Scope.MANY).stateful(false).reversible(false)
                .note(how + ": publishes to a registry; everyone who installs it gets this version").build();
    }

    static Operation local(Invocation inv, String what) {
        Operation.Builder b = Operation.builder("process", Verb.EXECUTE).resource("process", what.trim()).evidence(inv.evidence());
        return inv.remote() ? b.build() : b.environment(Tier.LOCAL, what.trim() + " runs on this machine").build();
    }

    static Operation read(Invocation inv, String type, String name, String note) {
        return op(inv, Verb.READ, type, name).note(note).build();
    }

    static Operation.Builder op(Invocation inv, Verb verb, String type, String name) {
        return Operation.builder("package", verb).resource(type, name).evidence(inv.evidence());
    }

    /**
     * The registry's host as a locator, for the inventory to place. A publish to a registry on this machine (Verdaccio
     * on localhost:4873, a registry container on localhost:5000) reaches no one else: it is a change of that sandbox,
     * as {@code docker push localhost:5000/…} is, not a version sent to everyone who installs the package.
     */
    private static Operation hostLocator(Operation o, String registry) {
        String host = Hosts.of(registry);
        if (o.verb() == Verb.TRANSFER && (Hosts.loopback(host) || host.equals("host.docker.internal"))) {
            return o.toBuilder().verb(Verb.CREATE).scope(Scope.ONE).reversible(true).locator("host", host)
                    .note("publishes to a registry on this machine (" + registry + "): no one else installs from it").build();
        }
        return o.toBuilder().locator("host", host).build();
    }

    private static String artifact(Invocation inv) {
        return "the artifacts built in " + inv.workspace().cwd();
    }
}
