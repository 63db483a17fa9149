package dev.interlock.analysis.shell.recognizers.packages;

import static dev.interlock.analysis.shell.recognizers.packages.Publishing.artifact;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.hostLocator;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.local;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.op;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.publish;
import static dev.interlock.analysis.shell.recognizers.packages.Publishing.read;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Python, Rust and Ruby registries: twine uploads, cargo publish and cargo-release, gem push, yank and owners. */
final class LanguageRegistries {

    private LanguageRegistries() {
    }

    static List<Operation> twine(Invocation inv) {
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

    static List<Operation> cargo(Invocation inv) {
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

    static List<Operation> gem(Invocation inv) {
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
}
