package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Watchman, the file watcher behind Metro (React Native's bundler), Jest and Buck. Its watches and subscriptions are
 * the daemon's state on this machine and are rebuilt by the next tool that asks, so dropping them ({@code watch-del-all},
 * the standard React Native cache reset) or stopping the server loses nothing. A trigger runs a command whenever files
 * change: that command is judged as if run now. Commands read as JSON from standard input ({@code -j}) are not in view.
 */
public final class Watchman implements Recognizer {

    /** Commands that only look. */
    private static final Set<String> READS = Set.of("watch-list", "find", "query", "since", "clock", "get-sockname", "version",
            "list-capabilities", "get-config", "get-pid", "log", "trigger-list", "debug-get-subscriptions", "help");
    /** Options that take a value before the command. */
    private static final Set<String> VALUED = Set.of("-U", "--sockname", "-o", "--logfile", "--log-level", "--pidfile",
            "--statefile", "-p");

    @Override
    public Set<String> programs() {
        return Set.of("watchman");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        int at = 0;
        while (at < words.size() && words.get(at).startsWith("-")) {
            if (Set.of("-j", "--json-command").contains(words.get(at))) {
                return new UnrecognizedProgram().recognize(inv, nested);
            }
            at += VALUED.contains(words.get(at)) ? 2 : 1;
        }
        String command = at < words.size() ? words.get(at) : "help";
        if (command.equals("trigger")) {
            int dashes = words.subList(at, words.size()).indexOf("--");
            List<Operation> ops = new ArrayList<>();
            if (dashes > 0 && at + dashes + 1 < words.size()) {
                ops.addAll(nested.shell(String.join(" ", words.subList(at + dashes + 1, words.size())), inv));
            }
            ops.add(op(inv, Verb.UPDATE, "trigger", "a trigger runs its command on this machine when files change"));
            return ops;
        }
        Verb verb = READS.contains(command) ? Verb.READ : Verb.UPDATE;
        return List.of(op(inv, verb, command, "watchman " + command + " changes only the file watcher's own state, rebuilt on demand"));
    }

    private static Operation op(Invocation inv, Verb verb, String command, String note) {
        Operation.Builder b = Operation.builder("watchman", verb).resource("watch", command).evidence(inv.evidence());
        return LocalFiles.local(inv, verb == Verb.READ ? b : b.note(note), "the file watcher daemon on this machine").build();
    }
}
