package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.recognizers.database.MigrationRecognizer;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.local;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.publish;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The other release tools: monorepo publishers (lerna, changesets), Python (poetry, uv, hatch, flit), editor
 * extensions (vsce, ovsx), release automation (semantic-release, release-it), CocoaPods, dotnet (NuGet, and {@code dotnet ef} for migrations) and Ansible Galaxy. Same choices as
 * {@link PackagePublishRecognizer}: publishing is an irreversible transfer to many, the rest is local work. Runners
 * ({@code poetry run}, {@code uv run}) are unwrapped by the analyzer before this is called.
 */
final class PublishTools {

    static final Set<String> PROGRAMS = Set.of("lerna", "changeset", "poetry", "uv", "hatch", "flit", "vsce", "ovsx", "pod", "dotnet",
            "ansible-galaxy", "semantic-release", "release-it");

    private static final Set<String> GALAXY_VALUED = Set.of("-s", "--server", "--api-key", "--token", "-p", "--roles-path",
            "--collections-path", "-r", "--role-file", "--requirements-file", "--output-path", "--import-timeout", "--timeout",
            "--init-path", "--role-skeleton", "--collection-skeleton", "--type", "--keyring",
            "--signature", "--required-valid-signature-count", "--ignore-signature-status-code", "--offline-dir");

    /** Where lerna ({@code --registry}), uv ({@code --publish-url}) and hatch ({@code -r URL}) publish to. */
    private static final Set<String> PUBLISH_VALUED = Set.of("--registry", "--publish-url", "-r", "--repo", "--index", "-u",
            "--username", "-p", "--password", "-t", "--token", "--dist-tag", "--preid", "-a", "--auth", "--otp");
    private static final Set<String> NUGET_VALUED = Set.of("-s", "--source", "-k", "--api-key", "-ss", "--symbol-source",
            "-sk", "--symbol-api-key", "-t", "--timeout", "--configfile");

    private PublishTools() {
    }

    static List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words().stream().filter(w -> !w.startsWith("-")).toList();
        String sub = words.isEmpty() ? "" : words.getFirst();
        boolean dryRun = inv.words().contains("--dry-run");
        String program = inv.program();
        if (program.equals("dotnet")) {
            return dotnet(inv, nested, words);
        }
        if (program.equals("ansible-galaxy")) {
            return List.of(galaxy(inv));
        }
        if (program.equals("semantic-release") || program.equals("release-it")) {
            return List.of(releaser(inv));
        }
        Operation o = switch (program + " " + sub) {
            case "lerna publish", "changeset publish", "poetry publish", "uv publish", "hatch publish", "flit publish",
                 "vsce publish", "ovsx publish" -> dryRun ? Publishing.read(inv, "package", "", program + " publish --dry-run")
                    : Publishing.publishTo(inv, "the package in " + inv.workspace().cwd(), program + " publish",
                            inv.parse(PUBLISH_VALUED).value("--registry", "--publish-url", "-r", "--repo").filter(r -> r.contains("://")).orElse(""));
            case "pod trunk", "pod repo" -> words.size() > 1 && words.get(1).equals("push")
                    ? publish(inv, words.size() > 2 ? words.get(2) : "the podspec", "pod " + sub + " push")
                    : words.size() > 1 && words.get(1).equals("delete")
                            ? Publishing.op(inv, Verb.DELETE, "package", words.size() > 2 ? words.get(2) : "")
                                    .reversible(false).note("deletes a published pod version").build()
                            : local(inv, "pod " + sub);
            case "vsce unpublish", "ovsx unpublish" -> Publishing.op(inv, Verb.DELETE, "package",
                    words.size() > 1 ? words.get(1) : "").scope(Scope.ALL).stateful(true).reversible(false)
                    .note("removes the extension from the marketplace").build();
            case "lerna version" -> inv.words().contains("--no-push") ? local(inv, "lerna version --no-push")
                    : Publishing.op(inv, Verb.UPDATE, "repository", "")
                            .note("lerna version commits, tags and pushes new versions").build();
            default -> local(inv, program + " " + sub);
        };
        return List.of(o);
    }

    /**
     * semantic-release and release-it tag the repository, create the forge's release and publish the package (npm by
     * default) in one run; {@code --dry-run} ({@code -d}) only reports the next version. semantic-release outside CI falls
     * back to a dry run, but {@code --no-ci} and a CI variable make it real, so only the flag counts.
     */
    private static Operation releaser(Invocation inv) {
        if (inv.words().contains("--dry-run") || inv.words().contains("-d") || inv.words().contains("--help") || inv.words().contains("--version")) {
            return Publishing.read(inv, "package", "", inv.program() + " --dry-run");
        }
        return publish(inv, "the package in " + inv.workspace().cwd(), inv.program() + " tags, creates the release and publishes");
    }

    /**
     * {@code ansible-galaxy [collection|role] VERB}: publishing a collection or importing a role releases it on Galaxy
     * (or the {@code --server} named), deleting a role removes it there; installing, building and listing are local.
     */
    private static Operation galaxy(Invocation inv) {
        var p = inv.parse(GALAXY_VALUED);
        List<String> words = p.words();
        int at = !words.isEmpty() && Set.of("collection", "role").contains(words.getFirst()) ? 1 : 0;
        String verb = words.size() > at ? words.get(at) : "";
        String what = words.size() > at + 1 ? String.join("/", words.subList(at + 1, Math.min(words.size(), at + 3))) : "";
        String server = p.value("-s", "--server").orElse("");
        return switch (verb) {
            case "publish", "import" -> Publishing.publishTo(inv, what, "ansible-galaxy " + verb, server);
            case "delete" -> Publishing.op(inv, Verb.DELETE, "package", what).reversible(false)
                    .note("deletes the role from Galaxy: everyone who installs it loses it").build();
            default -> local(inv, "ansible-galaxy " + String.join(" ", words.subList(0, Math.min(words.size(), at + 1))));
        };
    }

    /**
     * {@code dotnet ef …} is a migration tool; {@code dotnet nuget push} publishes; {@code dotnet user-secrets list}
     * reads credentials; the rest builds and runs here.
     */
    private static List<Operation> dotnet(Invocation inv, Nested nested, List<String> words) {
        String sub = words.isEmpty() ? "" : words.getFirst();
        if (sub.equals("ef")) {
            List<Arg> rest = inv.args().subList(inv.words().indexOf("ef") + 1, inv.args().size());
            return new MigrationRecognizer().recognize(inv.withProgram("dotnet-ef", rest), nested);
        }
        if (sub.equals("nuget") && words.size() > 1) {
            return switch (words.get(1)) {
                case "push" -> List.of(nugetPush(inv));
                case "delete" -> List.of(Publishing.op(inv, Verb.DELETE, "package", words.size() > 2 ? words.get(2) : "")
                        .reversible(false).note("unlists a published NuGet version").build());
                default -> List.of(local(inv, "dotnet nuget " + words.get(1)));
            };
        }
        if (sub.equals("user-secrets") && words.subList(1, words.size()).contains("list")) {
            // the project's secret store printed in clear; `set`, `remove`, `init` only change it, on this machine
            return List.of(dev.interlock.analysis.shell.recognizers.LocalFiles.local(inv,
                    Operation.builder("secrets", Verb.CREDENTIAL).resource("secret", "dotnet user-secrets")
                            .evidence(inv.evidence()).note("prints every user secret of the project with its value"),
                    "the project's user secrets on this machine").build());
        }
        return List.of(local(inv, "dotnet " + sub));
    }

    /**
     * {@code dotnet nuget push PKG --source S}: a folder feed ({@code ./local-feed}, {@code ~/nuget}, {@code file://…})
     * is a directory on this machine the package is copied into; a URL is a registry, placed by its host; a source's
     * name is looked up in NuGet.config, which is not in view.
     */
    private static Operation nugetPush(Invocation inv) {
        var p = inv.parse(NUGET_VALUED);
        List<String> words = p.words();
        String pkg = words.size() > 2 ? words.get(2) : "";
        String source = p.value("-s", "--source").orElse("");
        String folder = source.startsWith("file://") ? source.substring("file://".length()) : source;
        if (folder.startsWith("./") || folder.startsWith("../") || folder.startsWith("/") || folder.startsWith("~")
                || folder.equals(".") || dev.interlock.analysis.Regex.matches(folder, "[A-Za-z]:\\\\.*")) {
            return dev.interlock.analysis.shell.recognizers.LocalFiles.on(inv, Verb.CREATE, "directory", folder)
                    .note("dotnet nuget push copies " + pkg + " into the folder feed " + source).build();
        }
        return Publishing.publishTo(inv, pkg, "dotnet nuget push", source.contains("://") ? source : "");
    }
}
