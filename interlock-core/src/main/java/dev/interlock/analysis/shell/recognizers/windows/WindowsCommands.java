package dev.interlock.analysis.shell.recognizers.windows;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.kerberos.SambaNet;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Windows' own commands, as an agent on a Windows machine runs them: {@code cmd /c} (its command line analyzed like
 * any other), {@code rd /s}, {@code del /s}, {@code format}, {@code robocopy /mir}, and the administration tools that
 * destroy recovery points, clear the event logs, open the firewall, hand out file ownership or schedule commands
 * ({@code vssadmin}, {@code wevtutil}, {@code bcdedit}, {@code netsh}, {@code icacls}, {@code takeown},
 * {@code schtasks}, {@code sc}, {@code reg}, {@code wsl --unregister}). Paths are read the Windows way: a drive's root,
 * a user profile and {@code C:\Windows} are this machine itself.
 */
public final class WindowsCommands implements Recognizer {

    /** Program (lower case, with and without {@code .exe}) → what it does with its words. */
    private static final Map<String, BiFunction<Invocation, Nested, List<Operation>>> TABLE = Map.ofEntries(
            Map.entry("cmd", WindowsCommands::cmd), Map.entry("rd", (inv, n) -> removeDirectory(inv)),
            Map.entry("del", (inv, n) -> deleteFiles(inv)), Map.entry("erase", (inv, n) -> deleteFiles(inv)),
            Map.entry("format", (inv, n) -> format(inv)), Map.entry("robocopy", (inv, n) -> robocopy(inv)),
            Map.entry("vssadmin", (inv, n) -> vssadmin(inv)), Map.entry("wevtutil", (inv, n) -> wevtutil(inv)),
            Map.entry("bcdedit", (inv, n) -> setting(inv, has(inv, "/set", "/delete", "/deletevalue", "/import"), "boot configuration")),
            Map.entry("netsh", (inv, n) -> setting(inv, !has(inv, "show", "dump") && has(inv, "set", "add", "delete", "reset"),
                    "network and firewall configuration")),
            Map.entry("icacls", (inv, n) -> permissions(inv, has(inv, "/grant", "/grant:r", "/setowner", "/reset", "/remove", "/deny"))),
            Map.entry("takeown", (inv, n) -> permissions(inv, true)),
            Map.entry("schtasks", WindowsCommands::schtasks), Map.entry("sc", (inv, n) -> serviceControl(inv)),
            Map.entry("reg", (inv, n) -> registry(inv)), Map.entry("wsl", WindowsCommands::wsl),
            Map.entry("diskpart", DiskpartScripts::recognize), Map.entry("net", (inv, n) -> net(inv)),
            Map.entry("winrm", (inv, n) -> winrm(inv)), Map.entry("setx", (inv, n) -> setx(inv)),
            Map.entry("cipher", (inv, n) -> setting(inv, tokens(inv).stream().anyMatch(w -> w.startsWith("/w")), "free disk space (wiped)")));

    @Override
    public Set<String> programs() {
        Set<String> all = new java.util.HashSet<>();
        for (String p : TABLE.keySet()) {
            all.add(p);
            all.add(p + ".exe");
            all.add(p.toUpperCase(Locale.ROOT));
        }
        return Set.copyOf(all);
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        String program = Regex.replaceFirst(inv.program().toLowerCase(Locale.ROOT), "\\.exe$", "");
        return TABLE.get(program).apply(inv, nested);
    }

    /** {@code rd /s /q X} and {@code rmdir /s X} (cmd's): the tree under X; without /s only an empty directory. */
    public static List<Operation> removeDirectory(Invocation inv) {
        boolean tree = has(inv, "/s");
        List<Operation> ops = new ArrayList<>();
        for (String path : operands(inv)) {
            ops.add(deletion(inv, path, tree, tree ? "removes the directory tree" : "removes an empty directory"));
        }
        return ops;
    }

    /** {@code del /s /q /f X}: files matching X, in every subdirectory with /s. */
    private static List<Operation> deleteFiles(Invocation inv) {
        boolean tree = has(inv, "/s");
        List<Operation> ops = new ArrayList<>();
        for (String path : operands(inv)) {
            ops.add(deletion(inv, path, tree || path.contains("*"), "deletes files" + (tree ? " in every subdirectory" : "")));
        }
        return ops;
    }

    /** {@code format D: /q}: only a drive letter makes it Windows' format; anything else (a help request, another tool) is not. */
    private static List<Operation> format(Invocation inv) {
        String drive = operands(inv).stream().findFirst().orElse("");
        if (!Regex.matches(drive, "[A-Za-z]:\\\\?") || has(inv, "/?", "--help", "-h")) {
            return List.of(LocalFiles.execute(inv, "format", "not a drive to format"));
        }
        return List.of(LocalFiles.local(inv, Operation.builder("filesystem", Verb.DELETE).resource("device", drive)
                .scope(Scope.ALL).stateful(true).reversible(false).evidence(inv.evidence())
                .note("formats the volume " + drive + ": everything on it is gone"), "a disk of this machine").build());
    }

    /**
     * {@code robocopy SRC DST /MIR} or {@code /PURGE} deletes what the source lacks at the destination; {@code /L} only
     * lists what it would copy and delete, whatever else the line asks. A UNC destination is that host's disk.
     */
    private static List<Operation> robocopy(Invocation inv) {
        List<String> paths = operands(inv);
        String dest = paths.size() > 1 ? paths.get(1) : "";
        if (has(inv, "/l")) {
            return List.of(LocalFiles.on(inv, Verb.READ, "directory", dest).note("robocopy /L lists what it would do and copies nothing").build());
        }
        if (has(inv, "/mir", "/purge")) {
            return List.of(deletion(inv, dest, true, "mirrors onto it: whatever the source lacks is deleted"));
        }
        if (LocalFiles.uncHost(dest).isPresent()) {
            return List.of(LocalFiles.on(inv, Verb.UPDATE, "directory", dest).scope(Scope.MANY).note("copies files onto " + dest).build());
        }
        return List.of(LocalFiles.local(inv, Operation.builder("filesystem", Verb.UPDATE).resource("directory", dest)
                .scope(Scope.MANY).locator("area", area(dest)).evidence(inv.evidence()), "files on this machine").build());
    }

    /** winrm's actions that change its configuration; {@code get}, {@code enumerate}, {@code identify} only look. */
    private static final Set<String> WINRM_CHANGES = Set.of("set", "s", "put", "create", "c", "delete", "d", "invoke", "i",
            "quickconfig", "qc");

    /**
     * {@code winrm set winrm/config/service @{…} [-r:HOST]}: Windows Remote Management's configuration, of the machine
     * {@code -r:}/{@code -remote:} names ({@code http://HOST:5985/wsman} or a bare name) or of this one.
     */
    private static List<Operation> winrm(Invocation inv) {
        List<String> w = inv.words();
        String action = w.isEmpty() ? "" : w.getFirst().toLowerCase(Locale.ROOT).replaceFirst("^[-/]", "");
        String host = "";
        for (String word : w) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.startsWith("-r:") || lower.startsWith("-remote:") || lower.startsWith("/r:") || lower.startsWith("/remote:")) {
                host = dev.interlock.environment.Hosts.of(word.substring(word.indexOf(':') + 1));
            }
        }
        String resource = w.size() > 1 && !w.get(1).startsWith("-") && !w.get(1).startsWith("@") ? w.get(1) : "";
        Verb verb = !WINRM_CHANGES.contains(action) ? Verb.READ : action.startsWith("d") ? Verb.DELETE : Verb.UPDATE;
        Operation.Builder b = Operation.builder("os", verb).resource("winrm-config", resource).evidence(inv.evidence());
        if (verb != Verb.READ) {
            b.stateful(true).reversible(false).note("winrm " + action + " changes " + (host.isEmpty() ? "this machine's" : host + "'s")
                    + " remote management configuration");
        }
        return List.of(host.isEmpty() ? LocalFiles.local(inv, b, "this machine's remote management").build() : b.locator("host", host).build());
    }

    /** {@code vssadmin delete shadows /all}: the machine's restore points, what ransomware removes first. */
    private static List<Operation> vssadmin(Invocation inv) {
        if (!has(inv, "delete", "resize")) {
            return List.of(read(inv, "shadow-copies"));
        }
        return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource("shadow-copies", "")
                .scope(has(inv, "/all") ? Scope.ALL : Scope.MANY).stateful(true).reversible(false).evidence(inv.evidence())
                .note("deletes the volume shadow copies: the machine's restore points"), "this machine's backups").build());
    }

    /** {@code wevtutil cl Security}: the event log an incident review reads, cleared. */
    private static List<Operation> wevtutil(Invocation inv) {
        List<String> w = words(inv);
        if (w.isEmpty() || !Set.of("cl", "clear-log", "sl", "set-log", "um", "uninstall-manifest").contains(w.getFirst())) {
            return List.of(read(inv, "event-log"));
        }
        String log = w.size() > 1 ? w.get(1) : "";
        return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource("logs", log).scope(Scope.ALL)
                .stateful(true).reversible(false).evidence(inv.evidence())
                .note("clears or reconfigures the " + log + " event log: the record of what happened"), "this machine's logs").build());
    }

    private static List<Operation> setting(Invocation inv, boolean changes, String what) {
        if (!changes) {
            return List.of(read(inv, "settings"));
        }
        return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("settings", inv.program())
                .scope(Scope.MANY).stateful(true).reversible(false).evidence(inv.evidence())
                .note(inv.program() + " changes this machine's " + what), "this machine's settings").build());
    }

    /**
     * {@code setx NAME value} keeps a variable in the user's environment for every later process; {@code /M} writes the
     * machine's (HKLM), which every account and service reads, as {@code reg add HKLM\…\Environment} would.
     */
    private static List<Operation> setx(Invocation inv) {
        if (has(inv, "/m", "-m")) {
            return setting(inv, true, "machine-wide environment variables");
        }
        return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("settings", "user-environment")
                .scope(Scope.ONE).reversible(true).evidence(inv.evidence())
                .note("setx keeps a variable in this user's environment"), "this user's settings").build());
    }

    /** {@code icacls C:\ /grant Everyone:F /T}, {@code takeown /f C:\Windows /r}: who may read and change the files. */
    private static List<Operation> permissions(Invocation inv, boolean changes) {
        if (!changes) {
            return List.of(read(inv, "permissions"));
        }
        String path = inv.program().toLowerCase(Locale.ROOT).startsWith("takeown") ? value(inv, "/f") : operands(inv).stream().findFirst().orElse("");
        String area = area(path);
        boolean machine = area.equals("root") || area.equals("system") || area.equals("home-root");
        return List.of(LocalFiles.local(inv, Operation.builder("os", machine ? Verb.ESCALATE : Verb.GRANT).resource("permissions", path)
                .locator("area", area).scope(has(inv, "/t", "/r") ? Scope.MANY : Scope.ONE).reversible(false).evidence(inv.evidence())
                .note("changes who owns or may change " + path), "files on this machine").build());
    }

    /** {@code schtasks /create … /tr "CMD"}: CMD runs later, again and again; what it does is analyzed. */
    private static List<Operation> schtasks(Invocation inv, Nested nested) {
        if (!has(inv, "/create", "/change", "/delete", "/run")) {
            return List.of(read(inv, "scheduled-tasks"));
        }
        List<Operation> ops = new ArrayList<>();
        if (!has(inv, "/delete", "/run") && (SystemAccounts.isSystem(value(inv, "/ru")) || value(inv, "/rl").equalsIgnoreCase("highest"))) {
            ops.add(SystemAccounts.escalation(inv, "scheduled-task", value(inv, "/tn"),
                    "registers a task that runs as SYSTEM or with the highest privileges"));
        }
        ops.add(LocalFiles.local(inv, Operation.builder("os", has(inv, "/delete") ? Verb.DELETE : Verb.UPDATE)
                .resource("scheduled-task", value(inv, "/tn")).stateful(true).evidence(inv.evidence())
                .note("schedules a command on this machine (it runs again, unattended)"), "this machine's scheduled tasks").build());
        String command = value(inv, "/tr");
        if (!command.isEmpty()) {
            ops.addAll(nested.shell(command, inv));
        }
        return ops;
    }

    /**
     * {@code sc [\\HOST] delete|stop|config SERVICE}: Windows services. A created service runs as LocalSystem unless
     * {@code obj=} names another account, and a changed {@code binPath=} is what such a service runs: escalation.
     */
    private static List<Operation> serviceControl(Invocation inv) {
        List<String> all = words(inv);
        // sc \\HOST …: the service of that computer, not of this one
        String host = !all.isEmpty() && all.getFirst().startsWith("\\\\") ? Regex.replaceAll(all.getFirst(), "^\\\\+", "") : "";
        List<String> w = host.isEmpty() ? all : all.subList(1, all.size());
        String sub = w.isEmpty() ? "" : w.getFirst();
        String name = w.size() > 1 ? w.get(1) : "";
        String account = option(w, "obj=");
        if (sub.equals("create") && (account.isEmpty() || SystemAccounts.isSystem(account))
                || sub.equals("config") && (SystemAccounts.isSystem(account) || !option(w, "binpath=").isEmpty())) {
            return List.of(SystemAccounts.escalation(inv, "service", name, sub.equals("create")
                    ? "creates a service that runs as LocalSystem" : "changes what a service runs or makes it run as LocalSystem"));
        }
        Verb verb = switch (sub) {
            case "delete" -> Verb.DELETE;
            case "stop", "config", "failure", "pause", "create", "sdset", "start" -> Verb.UPDATE;
            default -> Verb.READ;
        };
        Operation.Builder b = Operation.builder("process", verb).resource("service", name).evidence(inv.evidence());
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false).note("removes the service " + name + " from this machine");
        }
        return List.of(host.isEmpty() ? LocalFiles.local(inv, b, "a service of this machine").build() : b.locator("host", host).build());
    }

    /** {@code reg delete|add|import HKLM\…}: the machine's registry (HKCU is the user's own). */
    private static List<Operation> registry(Invocation inv) {
        List<String> w = words(inv);
        String sub = w.isEmpty() ? "" : w.getFirst();
        String key = w.size() > 1 ? w.get(1) : "";
        if ((sub.equals("save") || sub.equals("export")) && Regex.matches(key.toUpperCase(Locale.ROOT), "(HKLM|HKEY_LOCAL_MACHINE):?[\\\\/]*(SAM|SECURITY|SYSTEM)\\\\*")) {
            // SAM holds the local password hashes, SECURITY the LSA secrets, SYSTEM the boot key that decrypts both
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL).resource("registry-hive", key)
                    .evidence(inv.evidence()).note("saves the " + key + " hive: the machine's password hashes and secrets, to crack offline"),
                    "this machine's registry").build());
        }
        if (!Set.of("delete", "add", "import", "restore", "copy", "load", "unload").contains(sub)) {
            return List.of(read(inv, "registry"));
        }
        if (!sub.equals("delete") && Regex.matches(key, "(?i).*\\\\(Run|RunOnce|RunServices|Winlogon)\\\\?")) {
            return List.of(autostart(inv, key));
        }
        boolean machine = Regex.find(key.toUpperCase(Locale.ROOT), "^(HKLM|HKEY_LOCAL_MACHINE|HKCR|HKEY_CLASSES_ROOT|HKU|HKEY_USERS)");
        return List.of(LocalFiles.local(inv, Operation.builder("os", sub.equals("delete") ? Verb.DELETE : Verb.UPDATE)
                .resource("registry", key).scope(machine ? Scope.MANY : Scope.ONE).stateful(machine).reversible(!machine)
                .evidence(inv.evidence()).note(machine ? "changes the machine-wide registry" : "changes the user's registry"),
                "this machine's registry").build());
    }

    /** wsl's options that take a value. */
    private static final Set<String> WSL_VALUED = Set.of("-d", "--distribution", "-u", "--user", "--cd", "--distribution-id");

    /**
     * {@code wsl --unregister NAME}: the distribution and every file in it are deleted. {@code wsl [-d D] [-u U]
     * [--exec|-e|--] COMMAND…}: the command runs in the distribution's shell, so it is analyzed as one.
     */
    private static List<Operation> wsl(Invocation inv, Nested nested) {
        List<String> w = inv.args().stream().map(a -> a.value()).toList();
        if (!has(inv, "--unregister")) {
            for (int i = 0; i < w.size(); i++) {
                String word = w.get(i);
                if (WSL_VALUED.contains(word)) {
                    i++;
                } else if (word.equals("-e") || word.equals("--exec") || word.equals("--")) {
                    return i + 1 < w.size() ? nested.shell(shellWords(w.subList(i + 1, w.size())), inv) : List.of();
                } else if (!word.startsWith("-")) {
                    return nested.shell(shellWords(w.subList(i, w.size())), inv);
                } else {
                    break; // --list, --status, --shutdown, --install…: wsl's own management
                }
            }
            return List.of(LocalFiles.execute(inv, "wsl", "manages the Windows Subsystem for Linux"));
        }
        String name = value(inv, "--unregister");
        return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource("wsl-distribution", name)
                .scope(Scope.ALL).stateful(true).reversible(false).evidence(inv.evidence())
                .note("unregisters " + name + ": its whole file system is deleted"), "this machine").build());
    }

    /** {@code cmd /c COMMAND} or {@code /k}: the rest of the line is a command line of its own. */
    private static List<Operation> cmd(Invocation inv, Nested nested) {
        List<String> w = inv.args().stream().map(a -> a.value()).toList();
        for (int i = 0; i < w.size(); i++) {
            String flag = w.get(i).toLowerCase(Locale.ROOT);
            if (flag.equals("/c") || flag.equals("/k") || flag.equals("/r")) {
                String line = String.join(" ", w.subList(i + 1, w.size()));
                // cmd's %VAR% is the shell's $VAR; ^ escapes the next character
                line = Regex.replaceAll(Regex.replaceAll(line, "%([A-Za-z_][A-Za-z0-9_]*)%", "\\$$1"), "\\^(.)", "$1");
                // cmd's type prints a file, as cat does; a backslash separates path parts, it escapes nothing
                line = Regex.replaceAll(line, "(?i)(^|[&|]\\s*)type\\s+", "$1cat ").replace("\\", "\\\\");
                return nested.shell(line, inv);
            }
        }
        if (inv.stdin().isPresent()) {
            return nested.shell(inv.stdin().get(), inv);
        }
        // without /c cmd reads its commands from standard input (… | cmd): what they do is not known
        Operation.Builder b = Operation.builder("shell", Verb.UNKNOWN).resource("command", "cmd").confidence(Confidence.OPAQUE)
                .reversible(false).evidence(inv.evidence()).note("cmd runs the commands it reads from standard input");
        inv.locators().forEach(b::locator);
        return List.of(b.build());
    }

    /** Words joined back into a command line, each quoted when it holds what the shell would split or expand. */
    private static String shellWords(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            out.append(out.isEmpty() ? "" : " ").append(Regex.matches(w, "[A-Za-z0-9_./~:=@%+,-]+") ? w : "'" + w.replace("'", "'\\''") + "'");
        }
        return out.toString();
    }

    /**
     * {@code net}: {@code user}/{@code localgroup}/{@code group} with {@code /add} or {@code /delete} change accounts
     * (joining an administrators group is escalation), {@code stop}/{@code start} a service; listings are reads. With
     * {@code /domain} the account is the domain's, kept on its controllers: not this machine's ({@link #accounts}).
     */
    private static List<Operation> net(Invocation inv) {
        List<String> w = words(inv);
        String sub = w.isEmpty() ? "" : w.getFirst();
        if (SambaNet.handles(sub)) {
            return SambaNet.recognize(inv);
        }
        boolean adds = has(inv, "/add"), deletes = has(inv, "/delete", "/del");
        if ((sub.equals("localgroup") || sub.equals("group")) && adds && w.size() > 1
                && Regex.matches(w.get(1), "administrators|domain admins|enterprise admins|schema admins|backup operators|remote desktop users")) {
            return List.of(accounts(inv, Operation.builder("os", Verb.ESCALATE).resource("group", w.get(1))
                    .reversible(false).evidence(inv.evidence()).note("adds an account to " + w.get(1)), true));
        }
        // /active:no, /expires:…, /passwordreq:… change the account as a password does
        boolean sets = tokens(inv).stream().anyMatch(t -> Regex.matches(t, "/(?!domain\\b)[a-z]+:.*"));
        if (Set.of("user", "localgroup", "group").contains(sub) && (adds || deletes || sets || w.size() > 2)) {
            boolean domain = has(inv, "/domain");
            // net user NAME PASSWORD sets that account's password; on the domain it is a shared account's credential
            String what = domain ? (sub.equals("user") ? "the domain's accounts" : "the domain's groups") : "this machine's accounts";
            return List.of(accounts(inv, Operation.builder("os", deletes ? Verb.DELETE : Verb.UPDATE)
                    .resource(domain ? sub.equals("user") ? "domain-user" : "domain-group" : "account", w.size() > 1 ? w.get(1) : "")
                    .reversible(!deletes).stateful(deletes && domain).evidence(inv.evidence())
                    .note((sub.equals("user") && w.size() > 2 && !deletes ? "sets the password of " + w.get(1) + " in " : "changes ") + what), false));
        }
        if (Set.of("stop", "start", "pause", "continue").contains(sub)) {
            String service = w.size() > 1 ? w.get(1) : "";
            return List.of(LocalFiles.local(inv, Operation.builder("process", Verb.UPDATE).resource("service", service)
                    .evidence(inv.evidence()).note("net " + sub + " " + service), "a service on this machine").build());
        }
        if (Set.of("use", "share").contains(sub) && (adds || deletes || w.size() > 2)) {
            return List.of(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("share", w.size() > 1 ? w.get(1) : "")
                    .evidence(inv.evidence()).note("changes network drives or shares"), "this machine").build());
        }
        return List.of(read(inv, "accounts"));
    }

    /**
     * Where an account change lands: with {@code /domain} on the domain controller the machine belongs to, which no
     * word of the line places (unknown unless it names an environment); else this machine's accounts.
     */
    private static Operation accounts(Invocation inv, Operation.Builder b, boolean unlessNamed) {
        if (has(inv, "/domain")) {
            LocalFiles.namedEnvironment(inv).ifPresent(named -> b.locator("environment", named));
            return b.build();
        }
        return (unlessNamed ? LocalFiles.localUnlessNamed(inv, b, "this machine's accounts") : LocalFiles.local(inv, b, "this machine's accounts")).build();
    }

    /** {@code reg add HKCU\\…\\Run}, {@code Set-ItemProperty HKCU:\\…\\Run}: a program that starts at every logon. */
    public static Operation autostart(Invocation inv, String key) {
        return LocalFiles.local(inv, Operation.builder("startup", Verb.UPDATE).resource("startup-file", key).reversible(false)
                .evidence(inv.evidence()).note("adds a program that Windows starts by itself at every logon (" + key + ")"),
                "this machine's logon").build();
    }

    // ---- paths and words

    /** The Windows way of placing a path: a drive's root, the system's directories, a user profile, or elsewhere. */
    static String area(String path) {
        // backslashes may be gone already when a POSIX shell read the line (C:\Users → C:Users): they are optional here
        String p = Regex.replaceAll(path.replace('/', '\\').replace("\"", ""), "\\\\+", "\\\\");
        String upper = p.toUpperCase(Locale.ROOT);
        if (Regex.matches(p, "[A-Za-z]:\\\\?(\\*(\\.\\*)?)?") || p.equals("\\") || p.equals("\\*")) {
            return "root";
        }
        if (Regex.find(upper, "^[A-Z]:\\\\?(WINDOWS|PROGRAM ?FILES( \\(X86\\))?|PROGRAMDATA|SYSTEM VOLUME INFORMATION)(\\\\|$)")) {
            return "system";
        }
        if (Regex.matches(upper, "(%USERPROFILE%|\\$ENV:USERPROFILE|\\$USERPROFILE|~|%HOMEPATH%|[A-Z]:\\\\?USERS(\\\\?[^\\\\]+)?)\\\\?(\\*(\\.\\*)?)?")) {
            return "home-root";
        }
        return "";
    }

    private static Operation deletion(Invocation inv, String path, boolean tree, String note) {
        String area = area(path);
        boolean machine = !area.isEmpty();
        if (!machine && !path.isEmpty()) {
            // elsewhere it is a deletion like rm's: in the project, build output is routine; beyond it, files are lost
            return LocalFiles.delete(inv, path.replace('\\', '/'), tree, Confidence.EXACT, note);
        }
        return LocalFiles.local(inv, Operation.builder("filesystem", Verb.DELETE).resource(tree ? "directory" : "file", path)
                // one file of the project, like rm without -r; a tree or the machine's own directories lose data
                .locator("area", area).scope(machine ? Scope.ALL : tree ? Scope.MANY : Scope.ONE).stateful(machine || tree).reversible(false)
                .evidence(inv.evidence()).note(note), "files on this machine").build();
    }

    static Operation read(Invocation inv, String what) {
        return LocalFiles.local(inv, Operation.builder("os", Verb.READ).resource(what, "").evidence(inv.evidence()), "this machine").build();
    }

    /** Words without switches, lower case (Windows commands ignore case). */
    private static List<String> words(Invocation inv) {
        return inv.args().stream().map(a -> a.value()).filter(v -> !v.startsWith("/") && !v.startsWith("-"))
                .map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    /** Paths and names: the words that are not switches, as written. */
    private static List<String> operands(Invocation inv) {
        List<String> out = new ArrayList<>();
        for (var a : inv.args()) {
            for (String t : a.value().trim().split("\\s+(?=/)")) { // "C: /grant" (see tokens): the switch is not part of the path
                if (!t.isEmpty() && !Regex.matches(t, "/[A-Za-z?][A-Za-z0-9:]*") && !t.startsWith("-")) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private static boolean has(Invocation inv, String... switches) {
        Set<String> wanted = Set.of(switches);
        return tokens(inv).stream().anyMatch(wanted::contains);
    }

    /**
     * The arguments split at blanks, lower case: a POSIX shell reading {@code icacls C:\ /grant …} takes the backslash
     * as escaping the blank and hands over one word {@code "C: /grant"}.
     */
    static List<String> tokens(Invocation inv) {
        List<String> out = new ArrayList<>();
        for (var a : inv.args()) {
            for (String t : a.value().trim().split("\\s+")) {
                out.add(t.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** sc's {@code name= value} options (lower-case words), written as two words or one; "" when absent. */
    private static String option(List<String> w, String name) {
        for (int i = 0; i < w.size(); i++) {
            if (w.get(i).equals(name)) {
                return i + 1 < w.size() ? w.get(i + 1) : "";
            }
            if (w.get(i).startsWith(name) && w.get(i).length() > name.length()) {
                return w.get(i).substring(name.length());
            }
        }
        return "";
    }

    /** The value after a switch ({@code /tn NAME}), or "". */
    private static String value(Invocation inv, String name) {
        List<String> w = inv.args().stream().map(a -> a.value()).toList();
        for (int i = 0; i + 1 < w.size(); i++) {
            if (w.get(i).equalsIgnoreCase(name)) {
                return w.get(i + 1);
            }
        }
        return "";
    }
}
