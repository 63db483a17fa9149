package dev.interlock.analysis.shell.recognizers.kerberos;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * MIT Kerberos' {@code kadmin} and {@code kadmin.local}: each request ({@code -q "…"}, or the lines on standard input)
 * is looked up by its name. Listing and showing principals and policies only read (no keys are shown); adding,
 * changing and deleting them change the realm; {@code ktadd} extracts a principal's keys (and, without
 * {@code -norandkey}, replaces them). Without a request the session is interactive: what it will do is not known.
 */
final class Kadmin {

    private Kadmin() {
    }

    private static final Set<String> VALUED = Set.of("-q", "-r", "-p", "-c", "-k", "-t", "-s", "-w", "-x", "-d", "-e", "-O");

    private static final CommandTable REQUESTS = CommandTable.builder()
            .add("", "listprincs list_principals get_principals getprincs getprinc get_principal listpols list_policies"
                    + " get_policies getpols getpol get_policy getprivs get_privileges getstrs get_strings list_requests lr ?"
                    + " help", read("principal"))
            .add("", "addprinc add_principal ank", create("principal"))
            .add("", "delprinc delete_principal", delete("principal"))
            .add("", "modprinc modify_principal renprinc rename_principal setstr set_string delstr del_string lock unlock",
                    update("principal"))
            .add("", "cpw change_password", update("password").note("replaces a principal's password or keys"))
            .add("", "purgekeys", delete("principal-keys").note("removes a principal's old keys"))
            .add("", "ktadd xst", credential("keytab").note("extracts a principal's keys into a keytab (new random keys unless -norandkey)"))
            .add("", "ktremove ktrem", update("keytab"))
            .add("", "addpol add_policy modpol modify_policy", update("policy"))
            .add("", "delpol delete_policy", delete("policy"))
            .build();

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        String host = p.value("-s").orElse("");
        List<String> requests = new ArrayList<>(p.value("-q").stream().toList());
        if (requests.isEmpty()) {
            inv.stdin().ifPresent(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(requests::add));
        }
        if (requests.isEmpty()) {
            return List.of(DirectoryAdmin.operation(inv, "kerberos", update("realm")
                    .note("an interactive " + inv.program() + " session: its requests are not in view"), "", host));
        }
        List<Operation> ops = new ArrayList<>();
        for (String request : requests) {
            List<String> words = List.of(request.split("\\s+"));
            String name = words.size() > 1 ? words.getLast() : "";
            if (Set.of("quit", "q", "exit").contains(words.getFirst())) {
                continue;
            }
            Act act = REQUESTS.find(words.subList(0, 1)).map(CommandTable.Found::act)
                    .orElse(update("principal").note("an unfamiliar kadmin request: " + words.getFirst()));
            ops.add(DirectoryAdmin.operation(inv, "kerberos", act, name, host));
        }
        return ops.isEmpty() ? List.of(DirectoryAdmin.operation(inv, "kerberos", read("principal"), "", host)) : ops;
    }
}
