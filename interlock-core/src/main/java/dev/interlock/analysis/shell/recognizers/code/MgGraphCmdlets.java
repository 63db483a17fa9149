package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Graph PowerShell ({@code Mg*}: Entra ID and Microsoft 365): the tenant's users, groups, applications and
 * policies, judged by verb and noun. {@code Get-}/{@code Search-}/{@code Test-} only look; {@code Remove-} deletes;
 * role and group memberships, app role assignments and permission grants change who may do what; an application's new
 * password or key is a credential minted for whoever ran it. {@code Connect-MgGraph} with read scopes only and the
 * other session cmdlets send no change. {@code Remove-MgX} in a {@code ForEach-Object} over {@code Get-MgX} deletes
 * every object the listing returns (its {@code -Filter}: many; none: all). A tenant serves a whole organisation: it
 * is production unless the inventory places its {@code -TenantId}.
 */
final class MgGraphCmdlets {

    private MgGraphCmdlets() {
    }

    /** Verbs that only look. */
    private static final Set<String> LOOKING = Set.of("get", "search", "test", "find", "select", "export", "measure", "compare",
            "confirm", "wait");

    /** What the other verbs do to a tenant's objects; a verb not here updates. */
    private static final Map<String, Verb> VERBS = Map.of("new", Verb.CREATE, "add", Verb.CREATE, "remove", Verb.DELETE,
            "grant", Verb.GRANT, "revoke", Verb.GRANT);

    /** The module's session cmdlets: they choose a tenant, a profile or a context, and change nothing in it. */
    private static final Set<String> SESSION = Set.of("disconnect-mggraph", "get-mgcontext", "select-mgprofile", "get-mgprofile",
            "set-mgrequestcontext", "get-mgrequestcontext", "set-mgenvironment", "get-mgenvironment", "find-mgcommand",
            "find-mggraphcommand", "find-mggraphpermission");

    /** Nouns of memberships, role assignments and consents: changing one changes who may do what. */
    private static final Pattern GRANTS = Pattern.compile("(?i)Mg\\w*(RoleAssignment\\w*|AppRoleAssign\\w*|PermissionGrant\\w*"
            + "|MemberByRef|Member|OwnerByRef|Owner|RoleMember\\w*|DelegatedPermissionClassification|RoleEligibilit\\w*)");
    /** An application's or service principal's new password, key or secret: printed once, to whoever ran the cmdlet. */
    private static final Pattern MINTS_SECRET = Pattern.compile("(?i)(add|new)-Mg(Application|ServicePrincipal)(Password|Key)\\w*");

    /** Delegated scopes that only read ({@code User.Read.All}, {@code AuditLog.Read.All}, {@code User.ReadBasic.All}). */
    private static final Pattern READ_SCOPE = Pattern.compile("(?i)[A-Za-z.]+\\.Read(Basic)?(\\.(All|Shared|Directory|Chat))*|openid|profile|email|offline_access");
    private static final Pattern SCOPES = Pattern.compile("(?i)-Scopes?\\s+((?:@\\()?\\s*(?:['\"]?[\\w.]+['\"]?\\s*,\\s*)*['\"]?[\\w.]+['\"]?\\s*\\)?)");
    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*([A-Za-z]+)-(Mg[A-Za-z0-9]+)((?:[ \\t]+[^|;\\n{}]*)?)");
    private static final Pattern ID = Pattern.compile("(?i)-(?:\\w*Id|Identity|UserPrincipalName|DisplayName)\\s+(['\"]?)([^'\"\\s]+)\\1");
    private static final Pattern TENANT = Pattern.compile("(?i)Connect-MgGraph\\b[^;|\\n]*?-TenantId\\s+['\"]?([\\w.-]+)");
    private static final Pattern METHOD = Pattern.compile("(?i)-Method\\s+['\"]?(\\w+)");
    private static final Pattern URI = Pattern.compile("(?i)-Uri\\s+['\"]?([^'\"\\s]+)");
    /** {@code Get-MgX … | ForEach-Object {} } or {@code foreach ($u in Get-MgX …)} just before the cmdlet: a loop over the listing. */
    private static final Pattern LISTED = Pattern.compile("(?i)\\bGet-(Mg\\w+)\\b([^|;\\n]*)\\|\\s*(?:Where-Object\\s*\\{[^}]*\\}\\s*\\|\\s*)?"
            + "(?:ForEach-Object|foreach|%)\\s*\\{[^}]*$|\\bforeach\\s*\\(\\s*\\$\\w+\\s+in\\s+\\(?\\s*Get-(Mg\\w+)\\b([^)]*)\\)+\\s*\\{[^}]*$");

    /** Whether a cmdlet's noun is this module's, so that the generic cmdlet rule leaves it alone. */
    static boolean owns(String noun) {
        return noun.length() > 2 && noun.regionMatches(true, 0, "Mg", 0, 2) && Character.isUpperCase(noun.charAt(2));
    }

    static List<Operation> operations(String code, Invocation inv) {
        if (!code.contains("-Mg") && !code.contains("-mg") && !code.contains("-MG")) {
            return List.of(); // most PowerShell has no Graph cmdlet at all
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String noun = m.group(2);
            String cmdlet = verb + "-" + noun.toLowerCase(Locale.ROOT);
            String rest = m.group(3) == null ? "" : m.group(3);
            String name = m.group(1) + "-" + noun;
            if (!owns(noun) || !PowerShellStatements.isCmdlet(name) || SESSION.contains(cmdlet)) {
                continue;
            }
            Verb v;
            String what;
            if (cmdlet.equals("connect-mggraph")) {
                if (readScopesOnly(rest)) {
                    continue; // signs in to read: consent to read scopes changes nothing in the tenant
                }
                v = Verb.UPDATE;
                what = "signs in to the tenant with scopes that may change it";
            } else if (cmdlet.equals("invoke-mggraphrequest")) {
                Matcher method = METHOD.matcher(rest);
                String http = method.find() ? method.group(1).toUpperCase(Locale.ROOT) : "GET";
                if (http.equals("GET") || http.equals("HEAD")) {
                    continue; // a REST read, like the Get- cmdlets
                }
                v = http.equals("DELETE") ? Verb.DELETE : Verb.UPDATE;
                what = "sends " + http + " to Microsoft Graph";
            } else if (LOOKING.contains(verb)) {
                continue;
            } else {
                v = MINTS_SECRET.matcher(cmdlet).matches() ? Verb.CREDENTIAL
                        : GRANTS.matcher(noun).matches() ? Verb.GRANT : VERBS.getOrDefault(verb, Verb.UPDATE);
                what = v == Verb.DELETE ? "deletes" : v == Verb.GRANT ? "changes who may do what in"
                        : v == Verb.CREDENTIAL ? "mints a secret in" : "changes";
                what += " the tenant";
            }
            Matcher id = ID.matcher(rest);
            Matcher uri = URI.matcher(rest);
            String target = cmdlet.equals("invoke-mggraphrequest") && uri.find() ? uri.group(1)
                    : id.find() && !id.group(2).startsWith("$") ? id.group(2) : PowerShellCmdlets.positional(rest);
            Operation.Builder b = Operation.builder("microsoft-graph", v).resource("directory-object", target)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(name + " " + what);
            if (v == Verb.DELETE) {
                b.stateful(true).reversible(false);
                Matcher listed = LISTED.matcher(code.substring(0, m.start(1)));
                if (listed.find()) {
                    String listedNoun = listed.group(1) != null ? listed.group(1) : listed.group(3);
                    String filter = listed.group(1) != null ? listed.group(2) : listed.group(4);
                    boolean narrowed = Regex.find(filter, "(?i)-(Filter|Search|Top|First)\\b") || listed.group().contains("Where-Object");
                    if (listedNoun.equalsIgnoreCase(noun)) {
                        // each object the listing returned: a filter bounds it to many, none is every one of them
                        b.scope(narrowed ? Scope.MANY : Scope.ALL).resource("directory-objects", noun.substring(2) + "*")
                                .note(name + " deletes every object Get-" + listedNoun + " lists" + (narrowed ? " (filtered)" : ""));
                    }
                }
            }
            Matcher tenant = TENANT.matcher(code.substring(0, m.start(1)));
            String placedBy = "";
            while (tenant.find()) {
                placedBy = tenant.group(1);
            }
            if (!placedBy.isEmpty()) {
                b.locator("tenant", placedBy);
            }
            // a tenant serves the whole organisation; the inventory's tenant patterns can say otherwise
            b.environment(Tier.PROD, "a Microsoft 365 tenant" + (placedBy.isEmpty() ? "" : " (" + placedBy + ")")
                    + " is production unless the inventory places it");
            ops.add(b.build());
        }
        return ops;
    }

    /** {@code -Scopes User.Read.All,Group.Read.All}: every scope asked for only reads. No scopes: whatever was consented before. */
    private static boolean readScopesOnly(String rest) {
        Matcher s = SCOPES.matcher(rest);
        if (!s.find()) {
            return false;
        }
        for (String scope : s.group(1).replaceAll("[@()'\"\\s]", "").split(",")) {
            if (!scope.isEmpty() && !READ_SCOPE.matcher(scope).matches()) {
                return false;
            }
        }
        return true;
    }
}
