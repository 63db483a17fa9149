package dev.interlock.analysis.shell.recognizers.activedirectory;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Samba's {@code smbclient} and {@code smbmap}: files on a Windows share, judged on the share's host. Listing shares
 * ({@code -L}), {@code ls} and {@code get} read; {@code del}, {@code mdel}, {@code deltree}, {@code rmdir} delete
 * there ({@code deltree} and wildcards many files); {@code put}, {@code mkdir}, {@code rename} change the share.
 * smbmap's {@code -x}/{@code -X} run a command on the host; an interactive smbclient session is judged like
 * {@code ssh HOST}: what is typed there is not seen.
 */
final class SmbClients {

    private SmbClients() {
    }

    /** smbclient's commands ({@code -c 'a; b'}, or lines on standard input). */
    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "ls dir du allinfo altname stat showacls getfacl volume pwd cd lcd prompt recurse mask lowercase help ?"
                    + " exit quit q l more history listconnect showconnect tcon tdis tid logon logoff notify readlink"
                    + " case_sensitive archive blocksize iosize timeout translate echo utimes", read("file"))
            .add("", "get mget reget scopy", read("file").note("copies files from the share to this machine"))
            .add("", "del rm", delete("file"))
            .add("", "mdel", delete("file").many())
            .add("", "deltree", delete("directory").many().note("deletes the directory and everything under it"))
            .add("", "rmdir rd", delete("directory"))
            .add("", "put reput", update("file").note("writes a file on the share"))
            .add("", "mput", update("file").many().note("writes files on the share"))
            .add("", "md mkdir", create("directory"))
            .add("", "rename hardlink symlink setmode chmod chown posix_mkdir posix_rmdir posix_unlink setea",
                    update("file"))
            .build();

    private static final Set<String> SMBCLIENT_VALUED = Set.of("-U", "--user", "-W", "--workgroup", "-I", "--ip-address",
            "-p", "--port", "-D", "--directory", "-c", "--command", "-L", "--list", "-T", "--tar", "-O", "--socket-options",
            "-n", "--netbiosname", "-s", "--configfile", "-l", "--log-basename", "-m", "--max-protocol", "-t", "--timeout",
            "-A", "--authentication-file", "-b", "--send-buffer", "-d", "--debuglevel", "-R", "--name-resolve", "-i",
            "--scope", "-M", "--message", "-E", "--option", "--use-kerberos", "--client-protection", "--realm");

    static List<Operation> smbclient(Invocation inv) {
        Targets.Words w = Targets.split(inv.words(), SMBCLIENT_VALUED, Set.of());
        String list = w.value("-L", "--list");
        if (!list.isEmpty() || w.has("-L", "--list")) {
            String host = Targets.host(list.isEmpty() && !w.positionals().isEmpty() ? w.positionals().getFirst() : list);
            return List.of(Targets.on(inv, read("share").operation(inv, "smb", "//" + host)
                    .note("lists the shares of " + host), host));
        }
        String service = w.positionals().isEmpty() ? "" : w.positionals().getFirst().replace('\\', '/');
        String host = Targets.host(service);
        String tar = w.value("-T", "--tar");
        if (!tar.isEmpty()) {
            Act act = tar.startsWith("c") ? read("file").many().note("archives the share's files to this machine")
                    : update("file").many().note("extracts an archive onto the share");
            return List.of(Targets.on(inv, act.operation(inv, "smb", service), host));
        }
        String script = w.value("-c", "--command");
        if (script.isEmpty()) {
            script = inv.stdin().orElse("");
        }
        if (script.isBlank()) {
            return List.of(Targets.on(inv, execute("share").operation(inv, "smb", service)
                    .note("an interactive session on " + service + ": what is typed there is not seen"), host));
        }
        String dir = w.value("-D", "--directory");
        List<Operation> ops = new ArrayList<>();
        for (String line : script.split("[;\\n]")) {
            List<String> parts = List.of(line.strip().split("\\s+"));
            if (parts.getFirst().isEmpty()) {
                continue;
            }
            String command = parts.getFirst().toLowerCase(Locale.ROOT);
            if (command.equals("cd") && parts.size() > 1) {
                dir = dir.isEmpty() || parts.get(1).startsWith("/") || parts.get(1).startsWith("\\") ? parts.get(1)
                        : dir + "/" + parts.get(1);
            }
            Act act = COMMANDS.find(List.of(command)).map(CommandTable.Found::act)
                    .orElseGet(() -> CommandTable.guess(command, "file"));
            if (act.verb() == Verb.READ && ops.stream().anyMatch(o -> o.verb() == Verb.READ)) {
                continue; // one read stands for the session's looking around
            }
            // a read's words may be settings (prompt off, recurse on): name the directory looked at
            String path = parts.size() > 1 && act.verb() != Verb.READ ? String.join(" ", parts.subList(1, parts.size())) : "";
            if (path.contains("*") || path.contains("?")) {
                act = act.many();
            }
            String name = (service + "/" + (dir.isEmpty() ? "" : dir + "/") + path).replace('\\', '/').replaceAll("/+$", "");
            ops.add(Targets.on(inv, act.operation(inv, "smb", name).confidence(Confidence.EXACT)
                    .note(act.note().isEmpty() ? "smbclient " + command + " on " + service : act.note()), host));
        }
        return ops.isEmpty() ? List.of(Targets.on(inv, read("share").operation(inv, "smb", service), host)) : ops;
    }

    private static final Set<String> SMBMAP_VALUED = Set.of("-H", "--host-file", "-u", "--username", "-p", "--password",
            "-d", "--domain", "-s", "-P", "--port", "-x", "-X", "-A", "-g", "--csv", "--download", "--delete", "--mode",
            "--depth", "--exclude", "-F", "--search-path", "--search-timeout", "--prompt");

    static List<Operation> smbmap(Invocation inv) {
        Targets.Words w = Targets.split(inv.words(), SMBMAP_VALUED, Set.of("--upload"));
        String host = Targets.host(w.value("-H"));
        boolean hidden = w.has("--host-file");
        String command = w.value("-x", "-X");
        Act act;
        String name;
        if (!command.isEmpty()) {
            act = execute("host").note("smbmap runs " + (w.has("-X") ? "PowerShell" : "a command") + " on " + host + ": " + command);
            name = host;
        } else if (w.has("--delete")) {
            act = delete("file");
            name = "//" + host + "/" + w.value("--delete").replace('\\', '/');
        } else if (w.has("--upload")) {
            act = update("file").note("writes a file on the share");
            List<String> pair = List.of(w.value("--upload").split(" ", 2));
            name = "//" + host + "/" + pair.getLast().replace('\\', '/');
        } else if (w.has("--download", "-A")) {
            act = read("file").note("copies files from the share to this machine");
            name = w.value("--download", "-A");
        } else {
            act = read("share").note("lists shares, permissions or files");
            name = "//" + host;
        }
        if (hidden) {
            act = act.many();
        }
        return List.of(Targets.on(inv, act.operation(inv, "smb", name), host));
    }
}
