package dev.interlock.analysis.shell.recognizers.identity;

import static dev.interlock.analysis.shell.recognizers.CommandTable.create;
import static dev.interlock.analysis.shell.recognizers.CommandTable.credential;
import static dev.interlock.analysis.shell.recognizers.CommandTable.delete;
import static dev.interlock.analysis.shell.recognizers.CommandTable.grant;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;
import static dev.interlock.analysis.shell.recognizers.CommandTable.update;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.CommandTable.Act;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * OpenLDAP's client tools. Searches, compares and who-am-i only read, except that asking for password attributes (or,
 * bound as the directory's administrator, for every attribute; or filtering on one with every attribute printed; or
 * every attribute of {@code cn=config}, which holds {@code olcRootPW}) prints password hashes. Modifications decide who is in
 * which group ({@code add: member}), deletions lose entries, {@code ldappasswd} sets a password; {@code -n} only shows
 * what would be done. A server on this machine ({@code -H ldap://localhost}) is a test directory.
 */
final class Ldap {

    private Ldap() {
    }

    private static final Set<String> VALUED = Set.of("-H", "-h", "-p", "-D", "-w", "-y", "-f", "-o", "-e", "-E", "-Y",
            "-X", "-R", "-U", "-O", "-P", "-b", "-z", "-l", "-T", "-s", "-S");
    /** ldapsearch's and ldappasswd's own valued options ({@code -a deref}, {@code -a oldPassword}, {@code -t oldFile}). */
    private static final Set<String> MORE_VALUED = Set.of("-a", "-t");
    /** Attributes holding password hashes or keys: printing them is reading credentials. */
    private static final Set<String> SECRET_ATTRIBUTES = Set.of("userpassword", "authpassword", "sambantpassword",
            "sambalmpassword", "unicodepwd", "krbprincipalkey", "ipanthash", "pwdhistory", "olcrootpw", "krbextradata",
            // Active Directory's (read straight from Samba's sam.ldb): hashes, Kerberos keys, trust and gMSA secrets
            "supplementalcredentials", "dbcspwd", "ntpwdhistory", "lmpwdhistory", "msds-managedpassword",
            "trustauthincoming", "trustauthoutgoing", "initialauthincoming", "initialauthoutgoing", "currentvalue",
            "priorvalue", "peklist",
            // LAPS: each computer's local administrator password, in clear (legacy) or encrypted to the reader (Windows LAPS)
            "ms-mcs-admpwd", "mslaps-password", "mslaps-encryptedpassword", "mslaps-encryptedpasswordhistory",
            "mslaps-encrypteddsrmpassword", "mslaps-encrypteddsrmpasswordhistory");
    /** Attributes that say who belongs to a group or role: changing them grants or revokes. */
    private static final Set<String> MEMBERSHIP = Set.of("member", "memberuid", "uniquemember", "memberof", "roleoccupant",
            "nsroledn", "olcaccess", "olcrootdn");
    /** Administrator binds, which see every attribute. */
    private static final Pattern ADMIN_BIND = Pattern.compile("(?i)^\\s*cn\\s*=\\s*(admin|administrator|manager|root|directory manager)\\s*(,.*)?$");
    /** An attribute a filter tests: {@code (userPassword=*)}, {@code (!(unicodePwd~=x))}. */
    private static final Pattern FILTER_ATTRIBUTE = Pattern.compile("\\(\\s*([a-z][\\w-]*)\\s*[~<>]?=");
    private static final Pattern LDIF_LINE = Pattern.compile("(?im)^\\s*(add|replace|delete|changetype)\\s*:\\s*(\\S+)");

    /** Samba's ldb tools take the same filters, attributes and LDIF as their LDAP counterparts. */
    private static final Map<String, String> LDB = Map.of("ldbsearch", "ldapsearch", "ldbmodify", "ldapmodify",
            "ldbadd", "ldapadd", "ldbdel", "ldapdelete", "ldbrename", "ldapmodrdn", "ldbedit", "ldapmodify");

    static List<Operation> recognize(Invocation inv) {
        String program = LDB.getOrDefault(inv.program(), inv.program());
        boolean searchOrPasswd = program.equals("ldapsearch") || program.equals("ldappasswd");
        Set<String> valued = new HashSet<>(VALUED);
        if (searchOrPasswd) {
            valued.addAll(MORE_VALUED);
        }
        if (program.equals("ldappasswd")) {
            valued.remove("-S");
        }
        ParsedArgs p = inv.parse(valued);
        List<String> positionals = p.words();
        Act act = switch (program) {
            case "ldapsearch" -> search(p);
            case "ldapcompare", "ldapwhoami" -> read("directory-entry");
            case "ldapexop" -> positionals.stream().allMatch(w -> w.equals("whoami")) ? read("directory-entry")
                    : update("directory-entry").note("extended operation " + String.join(" ", positionals));
            case "ldapdelete" -> p.has("-r") ? delete("directory-entry").many().note("deletes the entries and everything under them")
                    : delete("directory-entry");
            case "ldappasswd" -> update("password").note("sets a new password for the entry");
            case "ldapmodrdn" -> update("directory-entry").note("renames or moves the entry");
            default -> modify(inv, p);
        };
        if (p.has("-n") && !program.equals("ldapsearch") && act.verb() != dev.interlock.model.Verb.READ) {
            act = read("directory-entry").note("-n only shows what would be changed");
        }
        String name = switch (program) {
            case "ldapsearch" -> p.value("-b").orElse("");
            case "ldapdelete", "ldappasswd", "ldapmodrdn", "ldapcompare" -> positionals.isEmpty() ? "" : positionals.getFirst();
            default -> p.value("-f").orElseGet(() -> inv.stdin().map(Ldap::firstDn).orElse(""));
        };
        List<String> hosts = hosts(p);
        Operation op = DirectoryAdmin.operation(inv, "ldap", act, name, String.join(",", hosts));
        if (!hosts.isEmpty() && hosts.stream().allMatch(Hosts::loopback)) {
            op = LocalFiles.local(inv, op.toBuilder(), "a directory server on this machine").build();
        }
        return List.of(op);
    }

    private static Act search(ParsedArgs p) {
        List<String> positionals = p.words();
        // ldapsearch takes its first word as the filter only when it has an "=" (ldapsearch -b cn=config olcRootPW asks
        // for an attribute under the default filter)
        boolean filtered = !positionals.isEmpty() && positionals.getFirst().indexOf('=') >= 0;
        String filter = filtered ? positionals.getFirst().toLowerCase(Locale.ROOT) : "";
        List<String> attributes = positionals.subList(filtered ? 1 : 0, positionals.size());
        if (attributes.stream().anyMatch(a -> SECRET_ATTRIBUTES.contains(a.toLowerCase(Locale.ROOT)))) {
            return credential("directory-entry").many().note("asks for password attributes: prints password hashes or LAPS passwords");
        }
        boolean everyAttribute = attributes.isEmpty() || attributes.contains("*");
        // (userPassword=*) with every attribute returned prints the very attribute the filter looked for
        if (everyAttribute && !filter.isEmpty() && FILTER_ATTRIBUTE.matcher(filter).results()
                .anyMatch(r -> SECRET_ATTRIBUTES.contains(r.group(1)))) {
            return credential("directory-entry").many().note("selects entries by a password attribute and prints every attribute");
        }
        if (p.value("-H").filter(h -> h.matches("(?i).*secrets\\.(ldb|tdb)")).isPresent()) {
            return credential("directory-entry").many().note("secrets.ldb holds the machine account's password and keys");
        }
        boolean admin = p.value("-D").filter(d -> ADMIN_BIND.matcher(d).matches()).isPresent();
        if (admin && everyAttribute) {
            return credential("directory-entry").many().note("bound as the directory's administrator, every attribute includes password hashes");
        }
        // slapd's own configuration: every attribute of its databases includes their olcRootPW
        boolean config = p.value("-b").map(b -> b.strip().toLowerCase(Locale.ROOT)).filter(b -> b.equals("cn=config")
                || b.endsWith(",cn=config")).isPresent();
        if (config && everyAttribute && (filter.isEmpty() || filter.contains("olcdatabase") || filter.contains("objectclass=*"))) {
            return credential("directory-entry").many().note("every attribute of cn=config includes the databases' olcRootPW");
        }
        return read("directory-entry");
    }

    /** ldapmodify and ldapadd: what the LDIF on standard input changes, when it is known. */
    private static Act modify(Invocation inv, ParsedArgs p) {
        boolean add = inv.program().equals("ldapadd") || p.has("-a");
        String ldif = inv.stdin().orElse("");
        boolean deletes = false;
        boolean grants = false;
        boolean password = false;
        var m = LDIF_LINE.matcher(ldif);
        while (m.find()) {
            String key = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).toLowerCase(Locale.ROOT);
            if (key.equals("changetype")) {
                deletes |= value.equals("delete");
            } else {
                grants |= MEMBERSHIP.contains(value);
                password |= SECRET_ATTRIBUTES.contains(value);
            }
        }
        if (grants) {
            return grant("group").note("changes who belongs to a directory group or role");
        }
        if (deletes) {
            return delete("directory-entry");
        }
        if (password) {
            return update("password").note("sets a password attribute");
        }
        return add ? create("directory-entry") : update("directory-entry");
    }

    private static String firstDn(String ldif) {
        var m = Pattern.compile("(?im)^\\s*dn\\s*:\\s*(.+)$").matcher(ldif);
        return m.find() ? m.group(1).strip() : "";
    }

    private static List<String> hosts(ParsedArgs p) {
        List<String> hosts = new ArrayList<>();
        for (String uri : p.value("-H").map(v -> v.split("[\\s,]+")).orElse(new String[0])) {
            String host = Hosts.of(uri);
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        p.value("-h").ifPresent(h -> hosts.addAll(List.of(h.split("\\s+"))));
        return hosts;
    }
}
