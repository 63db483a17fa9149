package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.packages.Publishing.artifact;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.local;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.op;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.publish;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.publishTo;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.database.BuildToolMigrations;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Maven, Gradle and sbt: deploy and publish goals and tasks upload artifacts, the release plugins commit, tag and
 * push, migrations go to {@link BuildToolMigrations}; building, testing and running the project stay here.
 */
final class JvmBuilds {

    private JvmBuilds() {
    }

    private static final Set<String> MAVEN_VALUED = Set.of("-P", "-pl", "--projects", "-f", "--file", "-s", "--settings",
            "-gs", "-T", "--threads", "-rf", "--resume-from", "-t", "--toolchains", "-l", "--log-file", "-b", "--builder");
    private static final Set<String> GRADLE_VALUED = Set.of("-x", "--exclude-task", "-p", "--project-dir", "-b", "--build-file",
            "-c", "--settings-file", "-g", "--gradle-user-home", "-I", "--init-script", "--console", "--warning-mode", "--max-workers");

    static List<Operation> maven(Invocation inv, Nested nested) {
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

    static List<Operation> sbt(Invocation inv, Nested nested) {
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

    static List<Operation> gradle(Invocation inv, Nested nested) {
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
}
