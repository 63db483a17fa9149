package dev.interlock.analysis.shell.recognizers.activedirectory;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.execute;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Samba's {@code rpcclient SERVER -c 'cmd; cmd'}: MS-RPC calls to a domain controller or Windows host. The
 * enumerating and querying calls ({@code enum*}, {@code query*}, {@code lookup*}, {@code get*}, {@code srvinfo}) read;
 * creating and deleting accounts, setting passwords ({@code setuserinfo2}, {@code chgpasswd}) and group memberships
 * change the domain; {@code lsaquerysecret} prints an LSA secret. Without commands it is an interactive session on
 * the server, judged like {@code ssh HOST}.
 */
final class RpcClient {

    private RpcClient() {
    }

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("", "srvinfo dsroledominfo lsaquery samquerysecobj netremotetod netshareenum netshareenumall"
                    + " netsharegetinfo netfileenum netsessenum netconnenum netdiskenum netname dsr_getdcname"
                    + " dsr_getdcnameex dsr_getdcnameex2 dsr_getsitename dsr_enumtrustdom dsgetdcinfo help ? quit exit"
                    + " samlookupnames samlookuprids lsaenumsid lsaenumacctrights lsaenumprivsaccount lsaquerysecobj"
                    + " lsaquerytrustdominfo lsaquerytrustdominfobyname lsaquerytrustdominfobysid", read("domain"))
            .add("", "lsaquerysecret lsaretrieveprivatedata", credential("lsa-secret").note("prints an LSA secret"))
            .add("", "setuserinfo setuserinfo2 chgpasswd chgpasswd2 chgpasswd3", update("password").note("sets an account's password"))
            .add("", "createdomuser createdomgroup createdomalias lsacreateaccount lsacreatesecret netshareadd",
                    create("directory-object"))
            .add("", "deletedomuser deleteuser deletedomgroup deletealias lsadeleteaccount lsadeletesecret netsharedel"
                    + " netfileclose", delete("directory-object"))
            .add("", "addaliasmem delaliasmem addgroupmem delgroupmem lsaaddacctrights lsaremoveacctrights lsaaddpriv"
                    + " lsadelpriv", grant("group").note("changes who belongs to a group or holds a right"))
            .add("", "setdompwinfo setdominfo netsharesetinfo setprinter setprinterdata setform", update("domain"))
            .add("", "shutdown shutdowninit", execute("host").note("shuts the server down"))
            .build();

    /** Read-only families of calls, by prefix: the table lists the rest. */
    private static final List<String> READ_PREFIXES = List.of("enum", "query", "lookup", "get", "samlookup", "lsaenum",
            "lsalookup", "lsaquery", "dsenum", "dsquery", "netshareenum", "netsharegetinfo");

    private static final Set<String> VALUED = Set.of("-U", "--user", "-W", "--workgroup", "-I", "--dest-ip", "-p", "--port",
            "-c", "--command", "-s", "--configfile", "-A", "--authentication-file", "-l", "--log-basename", "-d",
            "--debuglevel", "-O", "--socket-options", "-n", "--netbiosname", "-R", "--name-resolve", "-m", "--max-protocol",
            "-i", "--scope", "--option", "--use-kerberos", "--realm", "--client-protection");

    static List<Operation> recognize(Invocation inv) {
        Targets.Words w = Targets.split(inv.words(), VALUED, Set.of());
        String server = w.positionals().isEmpty() ? "" : w.positionals().getFirst();
        String host = Targets.host(server.startsWith("ncacn") ? server.replaceFirst("^[^:]*:", "") : server);
        String script = w.value("-c", "--command");
        if (script.isEmpty()) {
            script = inv.stdin().orElse("");
        }
        if (script.isBlank()) {
            return List.of(Targets.on(inv, execute("host").operation(inv, "active-directory", host)
                    .note("an interactive rpcclient session on " + host + ": what is typed there is not seen"), host));
        }
        List<Operation> ops = new ArrayList<>();
        for (String line : script.split("[;\\n]")) {
            List<String> parts = List.of(line.strip().split("\\s+"));
            String command = parts.getFirst().toLowerCase(Locale.ROOT);
            if (command.isEmpty()) {
                continue;
            }
            Act act = act(command);
            if (act.verb() == Verb.READ && ops.stream().anyMatch(o -> o.verb() == Verb.READ)) {
                continue;
            }
            String name = parts.size() > 1 ? parts.get(1) : host;
            ops.add(Targets.on(inv, act.operation(inv, "active-directory", name)
                    .note(act.note().isEmpty() ? "rpcclient " + command + " on " + host : act.note()), host));
        }
        return ops.isEmpty() ? List.of(Targets.on(inv, read("domain").operation(inv, "active-directory", host), host)) : ops;
    }

    private static Act act(String command) {
        var found = COMMANDS.find(List.of(command));
        if (found.isPresent()) {
            return found.get().act();
        }
        for (String prefix : READ_PREFIXES) {
            if (command.startsWith(prefix)) {
                return read("domain");
            }
        }
        return CommandTable.guess(command, "directory-object");
    }
}
