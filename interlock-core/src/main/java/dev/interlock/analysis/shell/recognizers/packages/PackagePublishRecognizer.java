package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.recognizers.pipelines.HadoopYarn;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Package managers and build tools, for the part that leaves the machine: publishing to a registry ({@link NodePackages},
 * {@link JvmBuilds}, {@link LanguageRegistries}, {@link PublishTools}) and GitHub and GitLab ({@link ForgeCommands}). Everything else they do (install, test,
 * build, run) is local execution and passes.
 *
 * <p>Scoring choice (docs/risk.md): a published version goes to everyone who installs the package and usually cannot
 * be taken back, but nothing is lost. So publishing is a {@code transfer}, not reversible, not stateful, scope
 * {@code many} (the whole world gets it): 2 + 1 + 1 = 4, high, so it asks even locally and needs approval elsewhere.
 * A dry run is a read.
 */
public final class PackagePublishRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>(Set.of("npm", "pnpm", "yarn", "mvn", "mvnw", "gradle", "gradlew", "sbt", "twine", "cargo",
                "gem", "gh", "glab"));
        all.addAll(PublishTools.PROGRAMS);
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("dotnet") && !inv.args().isEmpty() && inv.args().getFirst().value().equals("script")) {
            // the dotnet-script tool: C# code or a .csx file, read like any interpreter's
            return new dev.interlock.analysis.shell.recognizers.code.InterpreterRecognizer()
                    .recognize(inv.withProgram("dotnet-script", inv.args().subList(1, inv.args().size())), nested);
        }
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
        // ./mvnw gatling:test -DbaseUrl=https://…, gradle gatlingRun -Dtarget=…: a load test against the server it names
        Optional<Operation> load = dev.interlock.analysis.shell.recognizers.resilience.LoadGenerators.fromBuild(inv);
        if (load.isPresent()) {
            return List.of(load.get());
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
            case "npm", "pnpm", "yarn" -> NodePackages.recognize(inv, nested);
            case "mvn", "mvnw" -> JvmBuilds.maven(inv, nested);
            case "gradle", "gradlew" -> JvmBuilds.gradle(inv, nested);
            case "sbt" -> JvmBuilds.sbt(inv, nested);
            case "twine" -> LanguageRegistries.twine(inv);
            case "cargo" -> LanguageRegistries.cargo(inv);
            case "gem" -> LanguageRegistries.gem(inv);
            case "gh" -> ForgeCommands.gh(inv, nested);
            case "glab" -> ForgeCommands.glab(inv, nested);
            default -> PublishTools.recognize(inv, nested);
        };
    }
}
