package dev.interlock.analysis.shell.recognizers.activedirectory;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * NetExec ({@code nxc}, {@code netexec}) and its predecessor CrackMapExec ({@code crackmapexec}, {@code cme}):
 * {@code nxc PROTOCOL TARGETS [options]}. Without an action, and with enumeration options ({@code --shares},
 * {@code --users}, {@code --groups}, {@code --pass-pol}), it reads; {@code -x}/{@code -X} run a command on every
 * target; {@code --sam}, {@code --lsa}, {@code --ntds}, {@code --laps}, {@code --gmsa}, roasting and the dumping modules
 * ({@code -M lsassy}, …) read credentials; lists of users or passwords tried against the targets are a password spray.
 */
final class NetExec {

    private NetExec() {
    }

    private static final Set<String> VALUED = Set.of("-u", "-p", "-H", "--hash", "-d", "--domain", "--port", "-t",
            "--threads", "--timeout", "--jitter", "-M", "--module", "-o", "--log", "-x", "-X", "--exec-method", "--kdcHost",
            "--aesKey", "--spider", "--pattern", "--regex", "--content", "--gen-relay-list", "--codec", "--share",
            "--depth", "--exclude-dirs", "--spider-folder", "--dns-server", "--kerberoasting", "--asreproast", "--gmsa-convert-id",
            "--gmsa-decrypt-lsa", "-q", "--query", "--base-dn", "--dc-ip", "--sam-method", "-id", "--cred-id", "--use-kcache");
    private static final Set<String> PAIRS = Set.of("--put-file", "--get-file");

    /** Options that print secrets or hashes. */
    private static final Set<String> CREDENTIALS = Set.of("--sam", "--lsa", "--ntds", "--laps", "--gmsa", "--dpapi",
            "--sccm", "--kerberoasting", "--asreproast", "--gmsa-convert-id", "--gmsa-decrypt-lsa", "--lsa-secrets",
            "--ntds-history", "--mkfile", "--pvk", "--wcc", "--get-sid");
    /** Modules that dump credentials from memory, files, GPOs or the directory. */
    private static final Set<String> CREDENTIAL_MODULES = Set.of("lsassy", "nanodump", "mimikatz", "procdump", "handlekatz",
            "ntdsutil", "laps", "gpp_password", "gpp_autologin", "veeam", "msol", "wifi", "winscp", "putty", "rdcman",
            "mremoteng", "firefox", "keepass_trigger", "teams_localdb", "powershell_history", "security-questions",
            "ntlmv1", "reg-winlogon", "vnc", "mobaxterm", "backup_operator", "dpapi_hash", "sccm", "gmsa");
    /** Modules that only check or list. */
    private static final Set<String> READ_MODULES = Set.of("spooler", "webdav", "enum_av", "ldap-checker", "maq", "adcs",
            "enum_trusts", "enum_dns", "subnets", "groupmembership", "whoami", "ms17-010", "zerologon", "nopac", "smbghost",
            "printnightmare", "get-network", "user-desc", "pso", "find-computer", "enum_ca", "keepass_discover", "ioxidresolver");

    static List<Operation> recognize(Invocation inv) {
        Targets.Words w = Targets.split(inv.words(), VALUED, PAIRS);
        List<String> positionals = w.positionals();
        if (positionals.isEmpty() || w.has("-h", "--help", "--version", "-L", "--list-modules", "--options")) {
            return List.of(LocalFiles.execute(inv, inv.program(), "help, version or module list: nothing is sent to a target"));
        }
        String protocol = positionals.getFirst().toLowerCase(Locale.ROOT);
        List<String> targets = positionals.subList(1, positionals.size());
        List<String> hosts = Targets.hosts(targets.stream().filter(t -> !t.matches("(?i).*\\.(txt|lst|list)$")).toList());
        boolean many = hosts.size() != 1 || targets.stream().anyMatch(t -> Regex.find(t, "/\\d{1,2}$|[*]|\\d-\\d+$"));
        String host = hosts.isEmpty() ? "" : hosts.getFirst();
        Act act = act(w, protocol);
        if (many) {
            act = act.many();
        }
        String shown = targets.isEmpty() ? "" : targets.size() > 1 ? host + " and other targets" : targets.getFirst();
        Operation.Builder b = act.operation(inv, "active-directory", shown.isEmpty() ? protocol : shown)
                .note(inv.program() + " " + protocol + " " + (act.note().isEmpty() ? describe(act) : act.note()) + " " + shown)
                .confidence(host.isEmpty() ? Confidence.INFERRED : Confidence.EXACT);
        return List.of(Targets.on(inv, b, host));
    }

    private static Act act(Targets.Words w, String protocol) {
        String command = w.value("-x", "-X");
        if (!command.isEmpty()) {
            return execute("host").note("runs `" + command + "` on");
        }
        String module = w.value("-M", "--module").toLowerCase(Locale.ROOT);
        if (CREDENTIALS.stream().anyMatch(w::has) || CREDENTIAL_MODULES.contains(module)) {
            return credential("password-hashes").note("dumps credentials from");
        }
        if (!module.isEmpty() && !READ_MODULES.contains(module)) {
            return execute("host").note("runs the module " + module + " against");
        }
        if (w.has("--put-file")) {
            return update("file").note("uploads a file to");
        }
        if (spray(w)) {
            return execute("host").note("tries lists of users or passwords against (a password spray)");
        }
        return read("host").note("enumerates " + protocol + " on");
    }

    /** Several users or passwords, a file of them, or the flags that keep going past a valid login. */
    private static boolean spray(Targets.Words w) {
        for (String flag : List.of("-u", "-p", "-H", "--hash")) {
            List<String> values = w.values(flag);
            if (values.size() > 1 || values.stream().anyMatch(v -> v.contains("/") || v.matches("(?i).*\\.(txt|lst|list|dic)$"))) {
                return true;
            }
        }
        return w.has("--continue-on-success", "--no-bruteforce");
    }

    private static String describe(Act act) {
        return act.verb().name().toLowerCase(Locale.ROOT) + "s";
    }
}
