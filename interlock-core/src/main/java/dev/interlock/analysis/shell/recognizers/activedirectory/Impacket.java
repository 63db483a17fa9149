package dev.interlock.analysis.shell.recognizers.activedirectory;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Impacket's example scripts, as {@code psexec.py} or Kali's {@code impacket-psexec}. The remote-execution tools
 * ({@code psexec}, {@code wmiexec}, {@code smbexec}, {@code atexec}, {@code dcomexec}) run their command — or an
 * interactive shell — on the target host. Dumping and roasting tools ({@code secretsdump}, {@code GetUserSPNs -request},
 * {@code GetNPUsers}, {@code ntlmrelayx}) read credentials, even from hive files on this machine or a dev host.
 * Enumeration tools read; account, delegation and ACL tools change the domain. Signing in with {@code -hashes} to run
 * commands is pass-the-hash: taking on an identity without its password.
 */
final class Impacket {

    private Impacket() {
    }

    /** What a tool does, and whether it runs a command on its target (the words after the target). */
    private record Tool(Act act, boolean runs) {
    }

    private static final Tool EXEC = new Tool(execute("host"), true);

    private static final Map<String, Tool> TOOLS = Map.ofEntries(
            Map.entry("psexec", EXEC), Map.entry("smbexec", EXEC), Map.entry("wmiexec", EXEC), Map.entry("atexec", EXEC),
            Map.entry("dcomexec", EXEC),
            Map.entry("secretsdump", new Tool(credential("password-hashes").many()
                    .note("dumps password hashes, Kerberos keys and LSA secrets"), false)),
            Map.entry("getuserspns", new Tool(read("service-principal-name"), false)),
            Map.entry("getnpusers", new Tool(credential("kerberos-tickets").many()
                    .note("requests AS-REP responses crackable offline (AS-REP roasting)"), false)),
            Map.entry("ntlmrelayx", new Tool(credential("password-hashes").many()
                    .note("captures and relays Windows logins to other hosts"), false)),
            Map.entry("smbrelayx", new Tool(credential("password-hashes").many()
                    .note("captures and relays Windows logins to other hosts"), false)),
            Map.entry("getlapspassword", new Tool(credential("password").many().note("reads LAPS local-administrator passwords"), false)),
            Map.entry("dpapi", new Tool(credential("password").note("decrypts DPAPI-protected secrets"), false)),
            Map.entry("mimikatz", new Tool(credential("password-hashes").many(), false)),
            Map.entry("gettgt", new Tool(credential("kerberos-tickets").note("obtains a ticket-granting ticket for the account"), false)),
            Map.entry("getst", new Tool(credential("kerberos-tickets").note("obtains a service ticket"), false)),
            Map.entry("lookupsid", new Tool(read("domain"), false)), Map.entry("samrdump", new Tool(read("domain"), false)),
            Map.entry("rpcdump", new Tool(read("domain"), false)), Map.entry("getadusers", new Tool(read("domain"), false)),
            Map.entry("getadcomputers", new Tool(read("domain"), false)),
            Map.entry("finddelegation", new Tool(read("domain"), false)), Map.entry("netview", new Tool(read("domain"), false)),
            Map.entry("rpcmap", new Tool(read("domain"), false)), Map.entry("getarch", new Tool(read("host"), false)),
            Map.entry("smbclient", new Tool(execute("share").note("an interactive session on the host's shares"), false)),
            Map.entry("mssqlclient", new Tool(execute("database").note("an interactive SQL Server session"), false)),
            Map.entry("addcomputer", new Tool(create("computer-account"), false)),
            Map.entry("changepasswd", new Tool(update("password").note("sets an account's password"), false)),
            Map.entry("rbcd", new Tool(grant("delegation").note("changes who may act on behalf of other accounts"), false)),
            Map.entry("dacledit", new Tool(grant("acl").note("changes the rights on a directory object"), false)),
            Map.entry("owneredit", new Tool(grant("acl").note("changes the owner of a directory object"), false)),
            Map.entry("services", new Tool(update("service"), false)),
            Map.entry("reg", new Tool(update("registry"), false)));

    /** Options that take a value (single dash, full words). */
    private static final Set<String> VALUED = Set.of("-hashes", "-aesKey", "-dc-ip", "-dc-host", "-target-ip", "-port",
            "-codec", "-service-name", "-remote-binary-name", "-file", "-shell-type", "-com-version", "-object",
            "-outputfile", "-request-user", "-usersfile", "-format", "-system", "-sam", "-security", "-ntds", "-bootkey",
            "-just-dc-user", "-computer-name", "-computer-pass", "-action", "-delegate-to", "-delegate-from", "-principal",
            "-target", "-target-dn", "-rights", "-impersonate", "-spn", "-keytab", "-name", "-newpass", "-newhashes",
            "-altuser", "-altpass", "-althash", "-method", "-protocol", "-t", "-tf", "-c", "-e", "-of", "-w", "-ip", "-i",
            "-share", "-ts-file", "-l", "-machine-account", "-baseDN", "-new-owner", "-ace-type", "-user", "-users",
            "-pwd-last-set", "-resumefile", "-exec-method", "-db", "-windows-auth", "-masterkey", "-sid", "-key",
            "-password", "-rpc-auth-level", "-id", "-debug-level");

    static Set<String> programs() {
        Set<String> out = new HashSet<>();
        for (String script : List.of("psexec", "smbexec", "wmiexec", "atexec", "dcomexec", "secretsdump", "GetNPUsers",
                "GetUserSPNs", "ntlmrelayx", "smbrelayx", "GetLAPSPassword", "dpapi", "mimikatz", "getTGT", "getST",
                "lookupsid", "samrdump", "rpcdump", "GetADUsers", "GetADComputers", "findDelegation", "netview", "rpcmap",
                "getArch", "smbclient", "mssqlclient", "addcomputer", "changepasswd", "rbcd", "dacledit", "owneredit",
                "services", "reg")) {
            out.add(script + ".py");
            out.add("impacket-" + script);
        }
        return out;
    }

    /** {@code impacket-GetUserSPNs}, {@code GetUserSPNs.py} → {@code getuserspns}. */
    private static String tool(String program) {
        String p = program.startsWith("impacket-") ? program.substring("impacket-".length()) : program;
        return (p.endsWith(".py") ? p.substring(0, p.length() - 3) : p).toLowerCase(Locale.ROOT);
    }

    static List<Operation> recognize(Invocation inv) {
        String name = tool(inv.program());
        Targets.Words w = Targets.split(inv.words(), VALUED, Set.of());
        if (w.has("-h", "--help") || inv.args().isEmpty()) {
            return List.of(LocalFiles.execute(inv, inv.program(), "prints " + inv.program() + "'s help"));
        }
        List<String> positionals = w.positionals();
        String target = positionals.isEmpty() ? "" : positionals.getFirst();
        String host = Targets.impacketHost(target);
        if (host.isEmpty()) {
            host = Targets.host(firstNonEmpty(w.value("-dc-host"), w.value("-dc-ip"), w.value("-target-ip"), w.value("-t", "-target")));
        }
        Act act = name.equals("getuserspns") ? spns(w) : actOf(name, w);
        boolean local = name.equals("secretsdump") && target.equalsIgnoreCase("LOCAL");
        String resource = local ? String.join(",", List.of(w.value("-system"), w.value("-sam"), w.value("-ntds")).stream()
                .filter(s -> !s.isEmpty()).toList()) : host.isEmpty() ? target : host;
        Operation.Builder b = act.operation(inv, "active-directory", resource);
        if (TOOLS.get(name) == EXEC) {
            String command = String.join(" ", positionals.subList(Math.min(1, positionals.size()), positionals.size()));
            b.note(inv.program() + (command.isEmpty() ? " opens a shell on " + host + ": what is typed there is not seen"
                    : " runs `" + command + "` on " + host)).reversible(false);
        }
        if (local) {
            return List.of(LocalFiles.local(inv, b.note("extracts password hashes from registry hives or ntds.dit on this machine"),
                    "hive files on this machine").build());
        }
        Operation op = Targets.on(inv, b, host);
        if (TOOLS.get(name) == EXEC && w.has("-hashes")) {
            return List.of(op, PassTheHash.operation(inv, host, target.contains("@") ? target.substring(0, target.lastIndexOf('@')) : ""));
        }
        return List.of(op);
    }

    /** GetUserSPNs lists service accounts; with {@code -request} it fetches their tickets to crack (kerberoasting). */
    private static Act spns(Targets.Words w) {
        if (w.has("-request", "-request-user", "-outputfile", "-save")) {
            return credential("kerberos-tickets").many().note("requests service tickets crackable offline (kerberoasting)");
        }
        return read("service-principal-name").many();
    }

    /** Tools whose {@code -action} or subcommand says whether they only look. */
    private static Act actOf(String name, Targets.Words w) {
        Act act = TOOLS.get(name).act();
        String action = firstNonEmpty(w.value("-action"), w.positionals().size() > 1 ? w.positionals().get(1) : "")
                .toLowerCase(Locale.ROOT);
        return switch (name) {
            // their -action defaults to read
            case "rbcd", "dacledit", "owneredit" -> w.value("-action").isEmpty() || w.value("-action").equalsIgnoreCase("read")
                    ? read("acl") : act;
            case "addcomputer" -> w.has("-delete") ? delete("computer-account") : act;
            case "services" -> switch (action) {
                case "list", "status", "config" -> read("service");
                case "delete" -> delete("service");
                case "create" -> create("service");
                default -> act;
            };
            case "reg" -> switch (action) {
                case "query" -> read("registry");
                case "save", "backup" -> credential("registry").note("saves registry hives (SAM, SYSTEM, SECURITY hold password hashes)");
                case "delete" -> delete("registry");
                default -> act;
            };
            default -> act;
        };
    }

    private static String firstNonEmpty(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
