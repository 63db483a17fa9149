package dev.interlock.analysis.file;

import dev.interlock.analysis.Regex;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Paths an edit tool's delete takes a whole tree with, though the tool names no directory: version control metadata
 * (the repository's history: {@code .git}, its objects and refs) and the conventional roots of a project's own
 * hand-written files ({@code src}, {@code lib}, {@code app}, …), and any path written with a trailing slash. An edit
 * tool has no {@code -r}: what {@code rm -rf src .git} makes explicit, the name says here.
 */
final class ProjectTrees {

    /** Version control metadata: deleting it deletes the history. */
    private static final Set<String> HISTORY = Set.of(".git", ".hg", ".svn", ".bzr", "_darcs", ".jj", ".pijul", ".fossil", "CVS");
    /** Directories inside {@code .git} that are the history itself; {@code .git/index.lock} and the like are not. */
    private static final String GIT_HISTORY = ".*/\\.git/(objects|refs|logs|packed-refs)";
    /**
     * The conventional roots of a project's hand-written code, tests, documents and configuration; names that are as
     * often a file (a Go binary called {@code main} or {@code server}, a {@code core} dump) are left out.
     */
    private static final Set<String> SOURCE_TREES = Set.of("src", "source", "sources", "lib", "libs", "app", "apps", "pkg",
            "cmd", "internal", "packages", "modules", "components", "services", "include", "test", "tests", "spec", "specs",
            "docs", "doc", "scripts", "config", "migrations", "infra", "terraform", "charts", "k8s", "public", "assets",
            "resources", "frontend", "backend");

    private ProjectTrees() {
    }

    /** What deleting {@code resolvedPath} (written as {@code written}) takes with it, when it is a whole tree. */
    static Optional<String> of(String written, String resolvedPath) {
        String leaf = resolvedPath.substring(resolvedPath.lastIndexOf('/') + 1);
        if (HISTORY.contains(leaf) || Regex.matches(resolvedPath, GIT_HISTORY)) {
            return Optional.of("the repository's history (version control metadata)");
        }
        if (SOURCE_TREES.contains(leaf.toLowerCase(Locale.ROOT))) {
            return Optional.of("a whole tree of the project's own files");
        }
        if (written.endsWith("/") || written.endsWith("\\")) {
            return Optional.of("a whole directory");
        }
        return Optional.empty();
    }
}
