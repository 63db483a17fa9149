package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desktop trash ({@code trash-cli}, macOS' {@code trash}, {@code gio trash}): putting files there is a move the user
 * undoes from the trash, so it is reversible local work; emptying it ({@code trash-empty}, {@code gio trash --empty}) or
 * removing from it ({@code trash-rm}) loses the last copy of everything deleted, as {@code rm -rf ~/.local/share/Trash}
 * does. Listing and restoring lose nothing.
 */
final class Trash {

    static final Set<String> PROGRAMS = Set.of("trash-put", "trash", "trash-empty", "trash-rm", "trash-list",
            "trash-restore", "restore-trash", "gio");

    private static final String TRASH = "~/.local/share/Trash";
    /** What each trash-cli program does with its operands. */
    private enum Action { PUT, EMPTY, REMOVE, RESTORE, READ }

    private static final Map<String, Action> ACTIONS = Map.of("trash-put", Action.PUT, "trash", Action.PUT,
            "trash-empty", Action.EMPTY, "trash-rm", Action.REMOVE, "trash-list", Action.READ,
            "trash-restore", Action.RESTORE, "restore-trash", Action.RESTORE);
    /** gio's subcommands that only look; the rest change files this recognizer does not model, and stay its own. */
    private static final Set<String> GIO_READS = Set.of("list", "info", "cat", "tree", "mime", "version", "help", "monitor");

    private Trash() {
    }

    static List<Operation> recognize(Invocation inv) {
        if (inv.program().equals("gio")) {
            return gio(inv);
        }
        return switch (ACTIONS.get(inv.program())) {
            case PUT -> put(inv, inv.args());
            case EMPTY -> List.of(emptied(inv, "empties the trash: what was deleted is gone for good"));
            case REMOVE -> List.of(emptied(inv, "removes matching files from the trash for good"));
            case RESTORE -> List.of(dev.interlock.analysis.shell.recognizers.LocalFiles.local(inv, Operation.builder("filesystem", Verb.UPDATE)
                    .resource("directory", TRASH).stateful(false).reversible(true).evidence(inv.evidence())
                    .note("puts trashed files back where they were"), "a path on this machine").build());
            case READ -> List.of(read(inv));
        };
    }

    private static List<Operation> gio(Invocation inv) {
        List<Arg> args = inv.args();
        String sub = args.isEmpty() ? "" : args.getFirst().value();
        List<Arg> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        if (sub.equals("trash")) {
            return rest.stream().anyMatch(a -> a.value().equals("--empty"))
                    ? List.of(emptied(inv, "empties the trash: what was deleted is gone for good")) : put(inv, rest);
        }
        if (sub.equals("remove") || sub.equals("rm")) {
            return FilesystemRecognizer.operands(ParsedArgs.parse(rest, Set.of())).stream()
                    .map(a -> FilesystemRecognizer.removal(FileTarget.of(a, inv), false, false, inv, "gio remove deletes it"))
                    .toList();
        }
        if (GIO_READS.contains(sub) || sub.isEmpty()) {
            return List.of(read(inv));
        }
        return List.of(dev.interlock.analysis.shell.recognizers.LocalFiles.execute(inv, "gio", "gio " + sub));
    }

    /** Each operand moved into the trash: restorable, unless it is the root, a home or a system directory. */
    private static List<Operation> put(Invocation inv, List<Arg> args) {
        List<Operation> ops = new ArrayList<>();
        for (Arg operand : FilesystemRecognizer.operands(ParsedArgs.parse(args, Set.of("--trash-dir")))) {
            FileTarget t = FileTarget.of(operand, inv);
            if (t.catastrophic()) {
                // moved away from where the system expects it, as mv of the same directory
                ops.add(t.operation(inv, Verb.DELETE, "directory").scope(t.scope(true)).stateful(true).reversible(true)
                        .note("moves it into the trash, away from where the system expects it").build());
            } else {
                ops.add(t.operation(inv, Verb.UPDATE, t.glob() ? "directory" : "file").scope(t.glob() ? Scope.MANY : Scope.ONE)
                        .stateful(false).reversible(true).note("moves it into the trash, from where it can be restored").build());
            }
        }
        return ops;
    }

    private static Operation emptied(Invocation inv, String note) {
        FileTarget trash = FileTarget.of(new Arg(TRASH, true, false, inv.evidence()), inv);
        return FilesystemRecognizer.removal(trash, true, false, inv, note);
    }

    private static Operation read(Invocation inv) {
        return dev.interlock.analysis.shell.recognizers.LocalFiles.local(inv, Operation.builder("filesystem", Verb.READ)
                .resource("directory", TRASH).evidence(inv.evidence()), "a path on this machine").build();
    }
}
