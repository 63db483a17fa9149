package dev.interlock.analysis.shell.recognizers.kerberos;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * A Samba file server's own tools: {@code smbstatus} only lists connections, shares and locks; {@code pdbedit} is judged
 * by its flags ({@code -L} lists, {@code -w} prints password hashes, {@code -a} adds a login, {@code -x} deletes one,
 * {@code --set-*} and the policy flags change); {@code smbcontrol} sends a running daemon a message, which only looks
 * when it is a ping or a query. They act on the host they run on, placed by ssh.
 */
final class SambaServer {

    private SambaServer() {
    }

    /** A flag and what it does; the first row whose flag the command line has decides. */
    private record Row(Set<String> flags, Act act) {
    }

    private static final List<Row> PDBEDIT = List.of(
            new Row(Set.of("-x", "--delete"), delete("samba-user")),
            new Row(Set.of("-a", "--create", "-i", "--import", "-j", "--machine"), grant("samba-user").note("adds a Samba login")),
            new Row(Set.of("-w", "--smbpasswd-style", "-e", "--export"), credential("samba-user").note("prints or exports password hashes")),
            new Row(Set.of("-r", "--modify", "-P", "--account-policy", "-C", "--value", "-c", "--account-control", "-z",
                    "--bad-password-count-reset", "-Z", "--logon-hours-reset", "--policies-reset", "-y", "--policies",
                    "--set-nt-hash", "-t", "--password-from-stdin"), update("samba-user")));
    /** {@code smbcontrol DEST MESSAGE}: messages that only ask. */
    private static final Set<String> ASKING = Set.of("ping", "pool-usage", "debuglevel", "dmalloc-log", "ringbuf-log",
            "winbind-online-status", "dump-domain-list", "dump-event-list", "num-children");

    static List<Operation> recognize(Invocation inv) {
        List<String> words = inv.words();
        return switch (inv.program()) {
            case "smbstatus" -> List.of(DirectoryAdmin.operation(inv, "samba", read("share"), "", ""));
            case "smbcontrol" -> {
                String message = words.size() > 1 ? words.get(1) : "";
                Act act = ASKING.contains(message) ? read("samba-daemon") : update("samba-daemon").note("smbcontrol " + message);
                yield List.of(DirectoryAdmin.operation(inv, "samba", act, words.isEmpty() ? "" : words.getFirst(), ""));
            }
            default -> {
                boolean sets = words.stream().anyMatch(w -> w.startsWith("--set-"));
                Act act = PDBEDIT.stream().filter(r -> words.stream().anyMatch(r.flags()::contains)).map(Row::act).findFirst()
                        .orElse(sets ? update("samba-user") : read("samba-user"));
                yield List.of(DirectoryAdmin.operation(inv, "samba", act, "", ""));
            }
        };
    }
}
