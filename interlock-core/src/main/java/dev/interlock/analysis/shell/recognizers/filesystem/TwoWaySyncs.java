package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace.Area;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code unison ROOT1 ROOT2}: a two-way sync. Each root receives what changed on the other, deletions included, so
 * both are written and deleted in, unless {@code -force ROOT} makes that root the source only or {@code -nodeletion ROOT}
 * keeps its files. A root {@code ssh://[user@]host[:port]/path} or {@code socket://host:port/path} is on that host;
 * {@code -testserver} only tries the connection. A profile name alone is not in view: an unfamiliar run, as before.
 */
final class TwoWaySyncs {

    static final Set<String> PROGRAMS = Set.of("unison");

    /** unison's preferences that take a value ({@code -prefer newer}), so the value is not read as a root. */
    private static final Set<String> VALUED = Set.of("-prefer", "-force", "-forcepartial", "-preferpartial", "-path",
            "-ignore", "-ignorenot", "-logfile", "-root", "-sshargs", "-sshcmd", "-servercmd", "-backupdir", "-backup",
            "-backuploc", "-backupprefix", "-backupsuffix", "-ui", "-repeat", "-retry", "-maxthreads", "-perms", "-merge",
            "-nocreation", "-nocreationpartial", "-nodeletion", "-nodeletionpartial", "-noupdate", "-noupdatepartial",
            "-label", "-sortfirst", "-sortlast", "-addprefsto", "-follow", "-copyprog", "-copyprogrest",
            "-copythreshold", "-socket", "-rootalias", "-debug", "-height", "-maxbackups", "-maxerrors",
            "-maxsizethreshold");

    private TwoWaySyncs() {
    }

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs args = inv.parse(VALUED);
        List<String> roots = new ArrayList<>(args.flags().getOrDefault("-root", List.of()));
        FilesystemRecognizer.operands(args).stream().map(Arg::value).forEach(roots::add);
        if (inv.words().contains("-testserver") && roots.size() >= 2) {
            return List.of(Operation.builder("filesystem", Verb.READ).resource("directory", roots.getLast())
                    .evidence(inv.evidence()).note("only tries the connection to both roots").build());
        }
        if (roots.size() < 2) {
            return List.of(LocalFiles.execute(inv, "unison", "runs a unison profile not in view"));
        }
        List<String> sourcesOnly = args.flags().getOrDefault("-force", List.of());
        List<String> kept = args.flags().getOrDefault("-nodeletion", List.of());
        boolean local = roots.stream().noneMatch(TwoWaySyncs::remote)
                && roots.stream().allMatch(r -> FileTarget.of(Arg.of(r), inv).area() == Area.WORKSPACE);
        List<Operation> ops = new ArrayList<>();
        for (String root : roots.subList(0, 2)) {
            if (sourcesOnly.contains(root)) {
                continue; // -force ROOT: this side wins everywhere, only the other is written
            }
            boolean deletes = !kept.contains(root);
            if (remote(root)) {
                String host = Hosts.of(root);
                String path = path(root);
                ops.add(Operation.builder("filesystem", Verb.UPDATE).resource("directory", path).locator("host", host)
                        .locator("path", path).scope(Scope.MANY).evidence(inv.evidence())
                        .note("two-way sync: writes what changed on the other side into " + host).build());
                if (deletes) {
                    ops.add(Operation.builder("filesystem", Verb.DELETE).resource("directory", path).locator("host", host)
                            .locator("path", path).scope(Scope.MANY).stateful(true).reversible(false)
                            .evidence(inv.evidence())
                            .note("two-way sync: deletes on " + host + " what is gone from the other side").build());
                }
            } else {
                FileTarget t = FileTarget.of(Arg.of(root), inv);
                ops.add(FileCopies.destination(inv, t, true, true));
                if (deletes) {
                    Operation removal = FilesystemRecognizer.removal(t, true, false, inv,
                            "two-way sync: deletes here what is gone from the other side");
                    // two workspace folders kept alike: whatever one side loses, the other had a moment ago
                    ops.add(local && removal.scope() != Scope.ALL
                            ? removal.toBuilder().scope(Scope.MANY).stateful(false).reversible(true).build() : removal);
                }
            }
        }
        return ops;
    }

    private static boolean remote(String root) {
        return root.startsWith("ssh://") || root.startsWith("socket://") || root.startsWith("rsh://");
    }

    /** {@code ssh://host//var/www} is the absolute {@code /var/www}; {@code ssh://host/site} is under the login's home. */
    private static String path(String root) {
        String rest = root.substring(root.indexOf("://") + 3);
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "~";
        }
        String p = rest.substring(slash + 1);
        return p.startsWith("/") ? p : "~/" + p;
    }
}
