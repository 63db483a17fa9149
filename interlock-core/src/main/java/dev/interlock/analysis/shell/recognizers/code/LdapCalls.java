package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LDAP client calls in one-liner code: Python's ldap3 ({@code Connection(…).delete(dn)}, {@code modify(dn,
 * {'member': [(MODIFY_ADD, […])]})}) and python-ldap ({@code delete_s}, {@code modify_s(dn, [(ldap.MOD_ADD, 'member',
 * …)])}), Node's ldapjs and ldapts ({@code client.del}, {@code client.modify(dn, new Change({operation: 'add', …}))}),
 * written back as the OpenLDAP tool line that does the same against the same server ({@code ldapdelete -H URL dn},
 * {@code ldapmodify} with the LDIF the change amounts to), so that the LDAP table decides: a member added to a group is
 * a grant, password attributes searched for are a credential read, the server URL places it.
 */
final class LdapCalls {

    /** A name bound to a connection: {@code c = ldap3.Connection(…)}, {@code l = ldap.initialize(…)}, {@code const c = l.createClient(…)}. */
    private static final Pattern CLIENT = Pattern.compile("(\\w+)\\s*=\\s*(?:await\\s+)?(?:new\\s+)?(?:[\\w$]+\\s*\\.\\s*)*"
            + "(Connection|initialize|createClient|Client|LDAPObject|SimpleLDAPObject|ReconnectLDAPObject)\\s*\\(");
    /** {@code with Connection(…) as c:} */
    private static final Pattern WITH = Pattern.compile("\\bwith\\s+(?:[\\w.]+\\.)?(?:Connection|initialize)\\s*\\(.*?\\bas\\s+(\\w+)\\s*:");
    private static final Pattern FACTORY = Pattern.compile("Connection|initialize|createClient|Client|LDAPObject|SimpleLDAPObject|ReconnectLDAPObject");
    /** ldap3's extended operations: {@code c.extend.standard.modify_password(…)}, {@code c.extend.microsoft.add_members_to_groups(…)}. */
    private static final Pattern EXTEND = Pattern.compile("\\.\\s*extend\\s*\\.\\s*(?:standard|microsoft|novell)\\s*\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern URL = Pattern.compile("(?i)ldap[si]?://[^'\"\\s,)]*");
    private static final Pattern SERVER = Pattern.compile("\\bServer\\s*\\(\\s*(?:host\\s*=\\s*)?" + LIT);
    private static final Pattern LITERAL = Pattern.compile(LIT);
    /** ldap3's {@code 'member': [(MODIFY_ADD, [...])]}. */
    private static final Pattern LDAP3_CHANGE = Pattern.compile(LIT + "\\s*:\\s*\\[?\\s*\\(\\s*(?:ldap3\\s*\\.\\s*)?MODIFY_(ADD|REPLACE|DELETE|INCREMENT)");
    /** python-ldap's {@code (ldap.MOD_ADD, 'member', [...])}. */
    private static final Pattern MODLIST_CHANGE = Pattern.compile("\\(\\s*(?:ldap\\s*\\.\\s*)?MOD_(ADD|REPLACE|DELETE|INCREMENT)\\s*,\\s*b?" + LIT);
    /** ldapjs's and ldapts's {@code operation: 'add'}, then the attribute's {@code type: 'member'} or {@code modification: {member: …}}. */
    private static final Pattern JS_OPERATION = Pattern.compile("\\boperation\\s*:\\s*" + LIT);
    private static final Pattern JS_TYPE = Pattern.compile("\\btype\\s*:\\s*" + LIT);
    private static final Pattern JS_KEY = Pattern.compile("\\bmodification\\s*:\\s*\\{\\s*['\"]?([\\w-]+)['\"]?\\s*:");
    private static final Pattern LIST = Pattern.compile("\\[([^\\[\\]]*)\\]");
    private static final Pattern SEARCH_BASE = Pattern.compile("\\bsearch_base\\s*=\\s*" + LIT);

    /** Method → the tool it is: python-ldap's {@code _s}, {@code _ext} and {@code _st} forms are the same operation. */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("search", "search"), Map.entry("paged_search", "search"), Map.entry("searchPaginated", "search"),
            Map.entry("add", "add"), Map.entry("delete", "delete"), Map.entry("del", "delete"),
            Map.entry("modify", "modify"), Map.entry("modify_dn", "rename"), Map.entry("modifyDN", "rename"),
            Map.entry("rename", "rename"), Map.entry("modrdn", "rename"), Map.entry("compare", "compare"),
            Map.entry("passwd", "passwd"), Map.entry("whoami", "whoami"), Map.entry("exop", "exop"));
    /** The connection's own business: binding, TLS, options, results. */
    private static final Set<String> PLUMBING = Set.of("bind", "simple_bind", "sasl_interactive_bind", "sasl_non_interactive_bind",
            "sasl_gssapi_bind", "sasl_external_bind", "unbind", "start_tls", "starttls", "startTLS", "set_option", "get_option", "open",
            "rebind", "on", "once", "destroy", "close", "result", "result3", "result4", "response_to_json", "response_to_ldif",
            "entries_to_json", "abandon", "cancel", "then", "catch");

    private LdapCalls() {
    }

    static void find(String code, Language language, List<String> lines, Set<String> accounted) {
        String server = server(code);
        // ldap3 returns no attributes unless asked; python-ldap and the Node clients return every one
        boolean ldap3 = language == Language.PYTHON && Regex.find(code, "\\bldap3\\b");
        accounted.addAll(List.of("Connection", "Server", "initialize", "createClient", "Client", "Change", "Attribute"));
        for (ClientCallSyntax.ClientCall call : ClientCallSyntax.clientCalls(code, List.of(CLIENT, WITH), FACTORY)) {
            String method = call.method();
            accounted.add(method);
            String base = Regex.replaceFirst(method, "(_ext)?(_st|_s)?$", "");
            if (PLUMBING.contains(base) || base.endsWith("_bind") || base.endsWith("bind")) {
                continue;
            }
            String tool = METHODS.get(base);
            if (tool != null) {
                lines.add(line(tool, server, ClientCallSyntax.callArguments(code, call.argumentsAt()), ldap3));
            }
        }
        Matcher e = EXTEND.matcher(code);
        while (e.find()) {
            accounted.add(e.group(1));
            String args = ClientCallSyntax.callArguments(code, e.end());
            String line = switch (e.group(1)) {
                case "modify_password" -> tool("ldappasswd", server) + " " + quote(first(args));
                case "who_am_i" -> tool("ldapwhoami", server);
                case "paged_search" -> line("search", server, args, true);
                // add_members_to_groups(members, groups): the groups gain members
                case "add_members_to_groups", "remove_members_from_groups" -> tool("ldapmodify", server) + " <<< "
                        + quote("dn: " + last(args) + "\nchangetype: modify\n" + (e.group(1).startsWith("add") ? "add" : "delete") + ": member");
                default -> tool("ldapmodify", server) + " <<< " + quote("dn: " + first(args) + "\nchangetype: modify\nreplace: " + e.group(1));
            };
            lines.add(line);
        }
    }

    private static String line(String tool, String server, String args, boolean ldap3) {
        String dn = first(args);
        return switch (tool) {
            case "delete" -> tool("ldapdelete", server) + " " + quote(dn);
            case "add" -> tool("ldapadd", server) + " <<< " + quote("dn: " + dn);
            case "rename" -> tool("ldapmodrdn", server) + " " + quote(dn) + " " + quote(second(args));
            case "compare" -> tool("ldapcompare", server) + " " + quote(dn) + " " + quote(second(args) + ":");
            case "passwd" -> tool("ldappasswd", server) + " " + quote(dn);
            case "whoami" -> tool("ldapwhoami", server);
            case "exop" -> tool("ldapexop", server) + " " + quote(dn);
            case "modify" -> tool("ldapmodify", server) + " <<< " + quote(ldif(dn, args));
            default -> search(server, args, ldap3);
        };
    }

    private static String tool(String program, String server) {
        return server.isEmpty() ? program : program + " -H " + quote(server);
    }

    /** The LDIF a modify call amounts to: one {@code add|replace|delete: attribute} line per change it names. */
    private static String ldif(String dn, String args) {
        StringBuilder out = new StringBuilder("dn: " + dn + "\nchangetype: modify");
        Matcher py = LDAP3_CHANGE.matcher(args);
        while (py.find()) {
            out.append('\n').append(operation(py.group(3))).append(": ").append(lit(py, 1));
        }
        Matcher modlist = MODLIST_CHANGE.matcher(args);
        while (modlist.find()) {
            out.append('\n').append(operation(modlist.group(1))).append(": ").append(lit(modlist, 2));
        }
        List<int[]> operations = new ArrayList<>();
        Matcher js = JS_OPERATION.matcher(args);
        while (js.find()) {
            operations.add(new int[] {js.start(), js.end()});
        }
        for (int i = 0; i < operations.size(); i++) {
            int from = operations.get(i)[0];
            int to = i + 1 < operations.size() ? operations.get(i + 1)[0] : args.length();
            String change = args.substring(from, to);
            Matcher op = JS_OPERATION.matcher(change);
            String verb = op.find() ? lit(op, 1).toLowerCase(Locale.ROOT) : "replace";
            Matcher type = JS_TYPE.matcher(change);
            Matcher key = JS_KEY.matcher(change);
            String attribute = type.find() ? lit(type, 1) : key.find() ? key.group(1) : "";
            if (!attribute.isEmpty()) {
                out.append('\n').append(verb.equals("add") || verb.equals("delete") ? verb : "replace").append(": ").append(attribute);
            }
        }
        return out.toString();
    }

    private static String operation(String constant) {
        return switch (constant) {
            case "ADD" -> "add";
            case "DELETE" -> "delete";
            default -> "replace";
        };
    }

    /**
     * {@code search(base, filter, attributes=[…])}, python-ldap's {@code search_s(base, scope, filter, [attrs])}, the Node
     * clients' {@code search(base, {filter, attributes: […]})}.
     */
    private static String search(String server, String args, boolean ldap3) {
        Matcher named = SEARCH_BASE.matcher(args);
        String base = named.find() ? lit(named, 1) : first(args);
        String filter = "";
        Matcher l = LITERAL.matcher(args);
        while (l.find()) {
            if (lit(l, 1).startsWith("(")) {
                filter = lit(l, 1);
                break;
            }
        }
        List<String> attributes = new ArrayList<>();
        Matcher list = LIST.matcher(args);
        while (list.find()) {
            Matcher a = LITERAL.matcher(list.group(1));
            while (a.find()) {
                attributes.add(lit(a, 1));
            }
        }
        if (Regex.find(args, "\\bALL_ATTRIBUTES\\b")) {
            attributes.add("*");
        }
        if (attributes.isEmpty() && ldap3) {
            attributes.add("1.1");
        }
        StringBuilder out = new StringBuilder(tool("ldapsearch", server));
        if (!base.isEmpty()) {
            out.append(" -b ").append(quote(base));
        }
        out.append(' ').append(quote(filter.isEmpty() ? "(objectClass=*)" : filter));
        attributes.forEach(a -> out.append(' ').append(quote(a)));
        return out.toString();
    }

    /** The server the code connects to: an {@code ldap://}, {@code ldaps://} or {@code ldapi://} URL, or ldap3's {@code Server('host')}. */
    private static String server(String code) {
        Matcher url = URL.matcher(code);
        if (url.find()) {
            return url.group();
        }
        Matcher s = SERVER.matcher(code);
        return s.find() ? "ldap://" + lit(s, 1) : "";
    }

    private static String first(String args) {
        Matcher k = LITERAL.matcher(args);
        return k.find() ? lit(k, 1) : "";
    }

    private static String second(String args) {
        Matcher k = LITERAL.matcher(args);
        return k.find() && k.find() ? lit(k, 1) : "";
    }

    private static String last(String args) {
        Matcher k = LITERAL.matcher(args);
        String last = "";
        while (k.find()) {
            last = lit(k, 1);
        }
        return last;
    }
}
