package dev.interlock.analysis.shell.recognizers.kerberos;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Samba's {@code net ads|rpc|dom …} (Windows' {@code net user} and {@code net use} are another program by the same
 * name): info, status and test verbs read; joining and leaving the domain, writing the machine keytab and changing
 * trust passwords change the domain; {@code rpc vampire} copies every account's secrets.
 */
public final class SambaNet {

    private SambaNet() {
    }

    /** The first words by which {@code net} is Samba's. */
    private static final Set<String> GROUPS = Set.of("ads", "rpc", "dom", "sam", "offlinejoin", "changesecretpw",
            "getdomainsid", "getlocalsid", "setdomainsid", "setlocalsid", "idmap", "groupmap");

    private static final CommandTable COMMANDS = CommandTable.builder()
            .add("ads", "info status testjoin lookup search dn sid workgroup user group check", read("domain"))
            .add("ads keytab", "list", read("keytab"))
            .add("ads keytab", "create add add_update_ads", credential("keytab").note("writes the machine account's keys to the keytab"))
            .add("ads keytab", "flush delete", delete("keytab"))
            .add("ads", "join", create("computer-account"))
            .add("ads", "leave", delete("computer-account").note("takes this host out of the domain (its computer account goes)"))
            .add("ads", "changetrustpw password", update("password"))
            .add("ads gpo", "list listall getgpo linkget", read("gpo"))
            .add("ads enctypes", "list", read("computer-account"))
            .add("ads setspn", "list", read("service-principal-name"))
            .add("ads kerberos", "kinit pac renew", read("kerberos-tickets"))
            .add("rpc", "info testjoin getsid", read("domain"))
            .add("rpc", "join", create("computer-account"))
            .add("rpc", "vampire", credential("domain").note("copies every account and its password hashes"))
            .add("rpc", "changetrustpw password", update("password"))
            .add("rpc group", "addmem delmem", grant("group"))
            .add("rpc group", "members list", read("group"))
            .add("", "getdomainsid getlocalsid", read("domain"))
            .add("", "changesecretpw", update("password").note("replaces the machine account password kept in secrets.tdb"))
            .add("dom", "join", create("computer-account"))
            .add("dom", "unjoin", delete("computer-account"))
            .build();

    /** True when {@code net SUB …} is Samba's {@code net}. */
    public static boolean handles(String sub) {
        return GROUPS.contains(sub);
    }

    public static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(Set.of("-U", "--user", "-S", "--server", "-W", "--workgroup", "-s", "--configfile",
                "-I", "--ipaddress", "-d"));
        List<String> positionals = p.words();
        var found = COMMANDS.findOrGuess(positionals, 2, positionals.isEmpty() ? "domain" : positionals.getFirst());
        String name = found.name(positionals);
        return List.of(DirectoryAdmin.operation(inv, "active-directory", found.act(), name, p.value("-S", "--server").orElse("")));
    }
}
