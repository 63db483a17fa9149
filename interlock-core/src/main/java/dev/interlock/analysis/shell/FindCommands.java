package dev.interlock.analysis.shell;

import dev.interlock.analysis.Regex;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code find}: a read, unless it runs commands on what it finds ({@code -exec}, {@code -execdir}, {@code -ok},
 * {@code -okdir}) or deletes it ({@code -delete}). {@code {}} stands for each file found under the search roots.
 */
final class FindCommands {

    private static final Set<String> EXEC = Set.of("-exec", "-execdir", "-ok", "-okdir");

    private FindCommands() {
    }

    static boolean find(List<Arg> args, SimpleCommands.Run run, SimpleCommands commands) {
        List<String> roots = new ArrayList<>();
        int i = 0;
        while (i < args.size() && Regex.matches(args.get(i).value(), "-[HLP]|-O\\d")) {
            i++;
        }
        while (i < args.size() && !args.get(i).value().startsWith("-") && !args.get(i).value().equals("(") && !args.get(i).value().equals("!")) {
            roots.add(args.get(i).value());
            i++;
        }
        String root = roots.isEmpty() ? "." : roots.getFirst();
        boolean acted = false;
        for (; i < args.size(); i++) {
            String w = args.get(i).value();
            if (EXEC.contains(w)) {
                List<Arg> inner = new ArrayList<>();
                int j = i + 1;
                for (; j < args.size() && !args.get(j).value().equals(";") && !args.get(j).value().equals("+"); j++) {
                    Arg a = args.get(j);
                    inner.add(a.value().contains("{}")
                            // -exec … {} runs once per file found: each run touches one file under the root.
                            ? new Arg(a.value().replace("{}", root.endsWith("/") ? root + "{}" : root + "/{}"), a.literal(), false, a.evidence())
                            : a);
                }
                commands.dispatch(run.inner(inner).withStdin(Stdin.NONE));
                acted = true;
                i = j;
            } else if (w.equals("-delete")) {
                for (String r : roots.isEmpty() ? List.of(".") : roots) {
                    commands.walk.add(deletion(r, run, commands.walk.workspace));
                }
                acted = true;
            }
        }
        return acted;
    }

    private static Operation deletion(String root, SimpleCommands.Run run, Workspace workspace) {
        Workspace.Area area = workspace.area(root);
        boolean disposable = area == Workspace.Area.TEMP;
        boolean everything = area == Workspace.Area.ROOT || area == Workspace.Area.SYSTEM || area == Workspace.Area.HOME_ROOT;
        Operation.Builder b = Operation.builder("filesystem", Verb.DELETE)
                .resource("directory", root)
                .locator("path", workspace.resolve(root))
                .locator("area", area.wire())
                .scope(everything ? Scope.ALL : Scope.MANY)
                .stateful(!disposable)
                .reversible(disposable)
                .confidence(Confidence.EXACT)
                .note("find -delete removes every match under " + root)
                .evidence(run.evidence());
        run.locators().forEach(b::locator);
        if (run.locators().isEmpty()) {
            b.environment(Tier.LOCAL, "files on this machine");
        }
        return b.build();
    }
}
