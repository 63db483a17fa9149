package dev.interlock.analysis.shell.recognizers.packages;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Windows' package managers — scoop, winget, Chocolatey — removing or updating a tool on this machine: local and
 * reversible package work, as {@code brew uninstall} is (an install brings it back). Removing what a tool kept
 * (scoop's {@code --purge}, winget's {@code --purge}, choco's {@code --remove-dependencies}… with {@code -x}) is not
 * taken as routine: those, and every other command, are judged by their words ({@link UnrecognizedProgram}).
 */
public final class WindowsPackages implements Recognizer {

    /** Per program: its subcommands that remove one package, and those that update packages. */
    private record Table(Set<String> uninstall, Set<String> update, Set<String> purge) {
    }

    private static final Map<String, Table> TABLES = Map.of(
            "scoop", new Table(Set.of("uninstall", "remove", "rm"), Set.of("update", "upgrade"), Set.of("-p", "--purge")),
            "winget", new Table(Set.of("uninstall", "remove", "rm"), Set.of("upgrade", "update"), Set.of("--purge")),
            "choco", new Table(Set.of("uninstall"), Set.of("upgrade", "update"), Set.of("-x", "--forcedependencies", "--force-dependencies")));

    @Override
    public Set<String> programs() {
        return TABLES.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        Table table = TABLES.get(inv.program());
        List<String> words = inv.words();
        String sub = words.isEmpty() ? "" : words.getFirst().toLowerCase(Locale.ROOT);
        boolean uninstall = table.uninstall().contains(sub);
        if (!uninstall && !table.update().contains(sub) || words.stream().anyMatch(w -> table.purge().contains(w.toLowerCase(Locale.ROOT)))) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        List<String> names = words.subList(1, words.size()).stream().filter(w -> !w.startsWith("-") && !w.startsWith("/")).toList();
        boolean all = names.contains("*") || words.contains("--all") || words.contains("-a") || names.contains("all");
        // every package at once (choco uninstall all, winget uninstall --all) or several by name: no one reinstalls
        // them from memory, so only a single package counts as undone by an install
        boolean one = !all && names.size() <= 1;
        Operation.Builder b = Operation.builder("package", uninstall ? Verb.DELETE : Verb.UPDATE).resource("package", String.join(" ", names))
                .scope(all ? Scope.ALL : one ? Scope.ONE : Scope.MANY).reversible(one || !uninstall).evidence(inv.evidence())
                .note(inv.program() + " " + sub + (uninstall ? " removes " : " updates ") + (all ? "every package" : names.isEmpty() ? "packages" : String.join(" ", names))
                        + " on this machine" + (one || !uninstall ? "; an install brings " + (uninstall ? "it back" : "the old version back") : ""));
        return List.of(LocalFiles.local(inv, b, "packages on this machine").build());
    }
}
