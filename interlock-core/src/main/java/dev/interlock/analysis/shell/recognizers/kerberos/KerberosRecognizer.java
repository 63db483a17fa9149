package dev.interlock.analysis.shell.recognizers.kerberos;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryAdmin;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kerberos realms and Active Directory domains seen from a Linux host: {@code kadmin}, keytab and ticket tools, the
 * domain-join tools ({@code adcli}, {@code realm}, {@code msktutil}), SSSD's {@code sssctl}, {@code samba-tool} and a Samba
 * file server's {@code smbstatus}, {@code pdbedit} and {@code smbcontrol} ({@link SambaServer}).
 * Status, listing and test verbs only read; joins, leaves and machine-password updates change the domain; signing in
 * as an administrator or with a host's keys takes on another identity.
 */
public final class KerberosRecognizer implements Recognizer {

    /** Principals whose tickets administer the realm or the domain. */
    private static final Pattern ADMIN_PRINCIPAL = Pattern.compile(
            "(?i)([^/@]+/admin|admin|administrator|root|krbtgt(/[^@]*)?|[^/@]+/root)(@.*)?");
    private static final Set<String> KINIT_VALUED = Set.of("-l", "-s", "-r", "-c", "-S", "-t", "-T", "-X", "-I", "-E");

    /**
     * The KDC's own database tool: a dump holds every principal's keys (under the master key) and the stash file the
     * master key itself, so both are credentials; load and destroy replace or remove the realm.
     */
    private static final CommandTable KDB5_UTIL = CommandTable.builder()
            .add("", "list_mkeys tabdump", read("kdc-database"))
            .add("", "dump", credential("kdc-database").note("writes every principal's keys, under the master key, to a file"))
            .add("", "stash", credential("master-key").note("writes the realm's master key to a stash file"))
            .add("", "create", create("kdc-database"))
            .add("", "load", new Act(Verb.REPLACE, "kdc-database", false, true, Scope.ALL, "replaces the realm's principals"))
            .add("", "destroy", new Act(Verb.DELETE, "kdc-database", false, true, Scope.ALL, "deletes the realm's database"))
            .add("", "add_mkey use_mkey purge_mkeys update_princ_encryption ark", update("master-key"))
            .build();
    private static final Set<String> KDB5_UTIL_VALUED = Set.of("-r", "-d", "-k", "-M", "-sf", "-x");

    /** Domain-join and SSSD tools: their verbs as tables; a verb they do not list changes something. */
    private static final Map<String, CommandTable> TOOLS = Map.of(
            "adcli", CommandTable.builder()
                    .add("", "info testjoin show-computer", read("computer-account"))
                    .add("", "join preset-computer", create("computer-account"))
                    .add("", "update reset-computer", update("computer-account").note("changes the machine account (password, keytab)"))
                    .add("", "delete-computer", delete("computer-account"))
                    .add("", "create-user create-group create-msa", create("directory-object"))
                    .add("", "delete-user delete-group", delete("directory-object"))
                    .add("", "add-member remove-member", grant("group"))
                    .add("", "passwd-user", update("password"))
                    .build(),
            "realm", CommandTable.builder()
                    .add("", "list discover", read("domain"))
                    .add("", "join", create("computer-account"))
                    .add("", "leave", delete("computer-account").note("takes this host out of the domain"))
                    .add("", "permit deny", grant("login-policy").note("changes which domain accounts may log in here"))
                    .add("", "renew", update("computer-account"))
                    .build(),
            "sssctl", CommandTable.builder()
                    .add("", "domain-list domain-status user-checks user-show group-show netgroup-show config-check analyze"
                            + " access-report logs-fetch cert-show cert-map cert-eval-rule gpo-show", read("sssd"))
                    .add("", "cache-remove logs-remove", delete("sssd-cache"))
                    .add("", "cache-expire cache-upgrade cache-backup debug-level", update("sssd-cache"))
                    .add("", "cache-restore", new Act(Verb.REPLACE, "sssd-cache", false, false,
                            Scope.ONE, ""))
                    .build());

    @Override
    public Set<String> programs() {
        return Set.of("kadmin", "kadmin.local", "klist", "ktutil", "kinit", "msktutil", "adcli", "realm", "sssctl",
                "samba-tool", "kdb5_util", "smbstatus", "pdbedit", "smbcontrol");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        List<String> words = inv.words();
        if (words.contains("--help") || words.equals(List.of("--version")) || words.equals(List.of("-V"))) {
            return List.of(LocalFiles.execute(inv, inv.program(), "help or version"));
        }
        return switch (inv.program()) {
            case "kadmin", "kadmin.local" -> Kadmin.recognize(inv);
            case "klist" -> Keytabs.klist(inv);
            case "ktutil" -> Keytabs.ktutil(inv);
            case "kinit" -> List.of(kinit(inv));
            case "msktutil" -> List.of(msktutil(inv));
            case "samba-tool" -> SambaTool.recognize(inv);
            case "smbstatus", "pdbedit", "smbcontrol" -> SambaServer.recognize(inv);
            case "kdb5_util" -> List.of(kdb5Util(inv));
            default -> List.of(tool(inv));
        };
    }

    private static Operation tool(Invocation inv) {
        var p = inv.parse(Set.of("-D", "--domain", "-S", "--domain-controller", "-U", "--login-user", "-o", "--domain-ou",
                "--computer-ou", "--client-software", "--server-software", "--membership-software", "-s", "--service"));
        List<String> positionals = p.words();
        var found = TOOLS.get(inv.program()).findOrGuess(positionals, 1, "domain");
        String name = positionals.size() > found.words() ? positionals.get(found.words())
                : p.value("-D", "--domain").orElse("");
        return DirectoryAdmin.operation(inv, inv.program().equals("sssctl") ? "sssd" : "active-directory", found.act(), name,
                p.value("-S", "--domain-controller").orElse(""));
    }

    /**
     * kinit as oneself only obtains one's own tickets; as a realm administrator, or with a host's or service's keys
     * from a keytab outside the workspace, it takes on that identity.
     */
    private static Operation kinit(Invocation inv) {
        var p = inv.parse(KINIT_VALUED);
        String principal = p.words().isEmpty() ? "" : p.words().getFirst();
        String keytab = p.value("-t").orElse(p.has("-k") ? "/etc/krb5.keytab" : "");
        boolean admin = ADMIN_PRINCIPAL.matcher(principal).matches();
        boolean hostKeys = !keytab.isEmpty() && inv.workspace().area(keytab) != Workspace.Area.WORKSPACE;
        if (admin || hostKeys) {
            return DirectoryAdmin.operation(inv, "kerberos", new Act(Verb.ESCALATE, "principal", false, false,
                    Scope.ONE, admin ? "obtains tickets as the administrator " + principal
                    : "signs in with the keys in " + keytab + ", as " + (principal.isEmpty() ? "its first principal" : principal)),
                    principal, "");
        }
        return LocalFiles.local(inv, Operation.builder("kerberos", Verb.READ).resource("kerberos-tickets", principal)
                .evidence(inv.evidence()).note("obtains or renews the user's own tickets"), "this machine's ticket cache").build();
    }

    private static Operation kdb5Util(Invocation inv) {
        var p = inv.parse(KDB5_UTIL_VALUED);
        var found = KDB5_UTIL.findOrGuess(p.words(), 1, "kdc-database");
        return DirectoryAdmin.operation(inv, "kerberos", found.act(), p.value("-r").orElse(""), "");
    }

    /** msktutil creates or refreshes a computer account: a new machine password, new keys written to the keytab. */
    private static Operation msktutil(Invocation inv) {
        List<String> words = inv.words().stream().map(w -> w.replaceFirst("^--", "").toLowerCase(Locale.ROOT)).toList();
        Act act;
        if (words.contains("flush") || words.contains("delete") || words.contains("cleanup") || words.contains("remove-service")) {
            act = delete("computer-account").note("removes the account's service principals or keytab entries");
        } else if (words.contains("create") || words.contains("precreate")) {
            act = create("computer-account").note("creates a computer account and writes its keys to the keytab");
        } else {
            act = update("computer-account").note("rotates the machine password and rewrites the keytab");
        }
        var p = inv.parse(Set.of("--computer-name", "--server", "-s", "--keytab", "-k", "--hostname", "-h", "--service"));
        return DirectoryAdmin.operation(inv, "active-directory", act, p.value("--computer-name", "--hostname", "-h").orElse(""),
                p.value("--server").orElse(""));
    }
}
