package dev.interlock.analysis.shell.recognizers.kerberos;

import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Samba's {@code samba-tool GROUP VERB}: the listing, showing and checking verbs only read ({@code dbcheck} too, unless
 * told to {@code --fix}); group memberships are grants; printed passwords and exported keytabs or backups are
 * credential reads; a verb the table does not list is judged by its own word ({@code dns delete} deletes).
 */
final class SambaTool {

    private SambaTool() {
    }

    private static final Set<String> VALUED = Set.of("-H", "--URL", "-U", "--username", "-s", "--configfile", "-d",
            "--debuglevel", "-W", "--workgroup", "--realm", "--password", "--ipaddress", "--attributes", "--filter");
    /** Words that only look, in whichever group. */
    private static final String READS = "list listall listmembers listobjects show query view info getlink getinheritance"
            + " fetch zonelist zoneinfo serverinfo showrepl uptodateness bind getgroups getmembers stats testjoin"
            + " get level namespaces";

    private static final CommandTable COMMANDS = table();

    private static CommandTable table() {
        CommandTable.Builder b = CommandTable.builder();
        for (String group : List.of("user", "group", "computer", "contact", "ou", "dns", "domain", "drs", "fsmo", "gpo",
                "ntacl", "sites", "spn", "schema", "delegation", "forest", "rodc", "service-account", "auth", "domain trust",
                "domain level", "domain passwordsettings", "domain auth", "schema attribute", "schema objectclass",
                "forest directory_service", "domain passwordsettings pso", "group-msa")) {
            b.add(group, READS, read(group.contains(" ") ? group.substring(group.indexOf(' ') + 1) : group));
        }
        return b.add("", "dbcheck testparm time processes visualize ldapcmp sysvolcheck", read("directory"))
                .add("user", "getpassword syncpasswords", credential("password").note("prints account passwords or hashes"))
                .add("domain", "exportkeytab", credential("keytab").note("exports principals' keys to a keytab"))
                .add("domain backup", "online offline rename", credential("domain-backup")
                        .note("a domain backup holds every account's password hashes"))
                .add("user", "setpassword password", update("password"))
                .add("domain passwordsettings", "set", update("password-policy").note("changes how every account's password is checked"))
                .add("group", "addmembers removemembers", grant("group").note("changes who belongs to a domain group"))
                .add("domain", "demote", delete("domain-controller").note("removes this domain controller from the domain"))
                .add("delegation", "add-service del-service for-any-service for-any-protocol",
                        grant("delegation").note("changes whom an account may impersonate"))
                .build();
    }

    static List<Operation> recognize(Invocation inv) {
        var p = inv.parse(VALUED);
        List<String> positionals = p.words();
        var found = COMMANDS.findOrGuess(positionals, 2, positionals.isEmpty() ? "directory" : positionals.getFirst());
        Act act = found.act();
        if (found.command().equals("dbcheck") && p.has("--fix", "--reset-well-known-acls", "--reindex")) {
            act = update("directory").note("dbcheck --fix repairs the directory database");
        }
        String name = found.name(positionals);
        return List.of(DirectoryAdmin.operation(inv, "active-directory", act, name,
                p.value("-H", "--URL").map(Hosts::of).orElse("")));
    }
}
