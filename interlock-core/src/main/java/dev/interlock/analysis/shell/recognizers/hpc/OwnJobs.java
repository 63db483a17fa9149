package dev.interlock.analysis.shell.recognizers.hpc;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The caller's own jobs on a shared cluster. Queuing one of their own scripts, or cancelling jobs by their ids, is a
 * user's everyday work there, judged like running that script here (as {@code srun}'s command already is): local,
 * unless something places it — a cluster, server or configuration named for an environment, a queue or partition
 * named for one, {@code ssh} to a login node, a machine the request declares, or a script outside the user's files.
 */
final class OwnJobs {

    private OwnJobs() {
    }

    /** The user's own places: their workspace, home and temporary files (their scratch counts as such). */
    static final Set<Workspace.Area> OWN = Set.of(Workspace.Area.WORKSPACE, Workspace.Area.HOME, Workspace.Area.TEMP);

    /** A submission of {@code script} (empty: the job's command is on the line, as {@code --wrap}) to {@code queue}. */
    static Operation submitted(Invocation inv, Operation op, String script, Optional<String> queue) {
        Optional<String> named = queue.filter(DeploymentWords::named);
        if (named.isPresent()) {
            return op.toBuilder().locator("environment", named.get()).build();
        }
        if (!script.isEmpty() && !OWN.contains(inv.workspace().area(script))) {
            return op;
        }
        return own(inv, op, "the caller's own job, queued from this machine");
    }

    /** A cancel or change of jobs the caller names by id (a user may only touch their own). */
    static Operation byId(Invocation inv, Operation op) {
        return own(inv, op, "the caller's own jobs, named by id");
    }

    private static Operation own(Invocation inv, Operation op, String why) {
        if (inv.remote() || op.resource().locators().containsKey("cluster") || op.resource().locators().containsKey("environment")) {
            return op;
        }
        return LocalFiles.localUnlessNamed(inv, op.toBuilder(), why).build();
    }

    /** The job's own command line: the arguments after the scheduler's options ({@code valued} take a separate value). */
    static List<Arg> command(Invocation inv, Set<String> valued) {
        List<Arg> args = inv.args();
        int i = 0;
        while (i < args.size() && args.get(i).value().startsWith("-")) {
            String w = args.get(i).value();
            i += w.equals("--") ? 1 : !w.contains("=") && valued.contains(w) ? 2 : 1;
            if (w.equals("--")) {
                break;
            }
        }
        return args.subList(Math.min(i, args.size()), args.size());
    }

    /** What the job's command does, judged as a command the caller runs, on the job's nodes. */
    static List<Operation> judged(List<Arg> command, Invocation inv, Nested nested) {
        return judged(String.join(" ", command.stream().map(Arg::shellText).toList()), inv, nested);
    }

    static List<Operation> judged(String command, Invocation inv, Nested nested) {
        return nested.shell(command, inv).stream()
                .map(op -> op.toBuilder().note((op.note().isEmpty() ? "" : op.note() + "; ") + "on the job's compute nodes").build())
                .toList();
    }

    /** The caller's user name: {@code USER}, else their home directory's. */
    static Optional<String> caller(Invocation inv) {
        String user = inv.env().getOrDefault("USER", "");
        if (user.isEmpty()) {
            String home = inv.workspace().home();
            user = home.substring(home.lastIndexOf('/') + 1);
        }
        return user.isEmpty() ? Optional.empty() : Optional.of(user);
    }

    /** Job ids: digits, an array's index ({@code 123_4}, {@code 123[4]}) or step ({@code 123.0}); no server suffix. */
    static boolean jobId(String word) {
        return word.matches("\\d+(_\\d+|\\[[\\d,%-]*])?(\\.\\d+|\\.batch|\\.extern)?");
    }
}
