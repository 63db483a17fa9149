package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft's servers managed from PowerShell: Exchange, SharePoint (on premises, and Online through PnP PowerShell),
 * Configuration Manager (SCCM) and WSUS. Their families are judged by {@link WindowsServerCmdlets}' verb rules; this table adds what the verbs do not
 * say: a deployment or an approval reaches every machine of its collection or group, a WSUS cleanup deletes, and
 * two reads that are not plain reads — {@code Search-Mailbox -TargetMailbox} copies the mail it finds into another
 * mailbox, and the ConfigMgr client's network access account holds a domain password.
 */
final class MicrosoftServerCmdlets {

    private MicrosoftServerCmdlets() {
    }

    /** The families, after Windows Server's own; ConfigMgr's and SharePoint's prefixes are upper case, as the modules spell them. */
    static final List<WindowsServerCmdlets.Family> FAMILIES = List.of(
            // PnP PowerShell: SharePoint Online and Teams in the tenant Connect-PnPOnline signed in to; site admins,
            // group members and permissions are who may do what
            new WindowsServerCmdlets.Family("PnP\\w+", "sharepoint-online", "site", false, Map.of(
                    "connect-pnponline", Verb.READ, "disconnect-pnponline", Verb.READ,
                    "add-pnpsitecollectionadmin", Verb.GRANT, "remove-pnpsitecollectionadmin", Verb.GRANT,
                    "set-pnptenantsite", Verb.UPDATE, "grant-pnptenantserviceprincipalpermission", Verb.GRANT,
                    "grant-pnphubsiterights", Verb.GRANT)),
            // Exchange (on premises and Online): mailboxes, their rules and permissions live in the organization's directory
            new WindowsServerCmdlets.Family("EXO\\w+|CAS\\w+|\\w*Mailbox\\w*|InboxRule|TransportRule|Message\\w*|MailUser|MailContact"
                    + "|\\w*DistributionGroup\\w*|UnifiedGroup\\w*|RecipientPermission|ComplianceSearch\\w*|MoveRequest|ManagementRole\\w*"
                    + "|RoleGroup\\w*|RemoteDomain|AcceptedDomain|(Inbound|Outbound)Connector|OrganizationConfig|Queue|QueueMessage",
                    "exchange", "mailbox", false, Map.of("retry-queue", Verb.UPDATE, "suspend-queue", Verb.UPDATE)),
            new WindowsServerCmdlets.Family("(?-i:SP[A-Z])\\w+", "sharepoint", "sharepoint-farm", false, Map.of()),
            new WindowsServerCmdlets.Family("(?-i:CM[A-Z])\\w+", "configmgr", "configmgr-site", false, Map.of(
                    "invoke-cmscript", Verb.EXECUTE, "invoke-cmrunscript", Verb.EXECUTE)),
            // a cleanup deletes update files, computers and approvals for good
            new WindowsServerCmdlets.Family("Wsus\\w+|PoshWsus\\w*", "wsus", "update-server", false, Map.of(
                    "invoke-wsusservercleanup", Verb.DELETE)),
            // Power BI's workspaces live in the tenant; signing in changes nothing there, a workspace user is a grant
            new WindowsServerCmdlets.Family("PowerBI\\w+", "powerbi", "workspace", false, Map.of(
                    "connect-powerbiserviceaccount", Verb.READ, "disconnect-powerbiserviceaccount", Verb.READ,
                    "login-powerbi", Verb.READ, "logout-powerbi", Verb.READ, "login-powerbiserviceaccount", Verb.READ,
                    "add-powerbiworkspaceuser", Verb.GRANT, "remove-powerbiworkspaceuser", Verb.GRANT)),
            // Veeam Backup & Replication: a restore puts a machine or its files back over what runs now; removing a
            // backup, restore point or job loses backups; Get-VBR… only looks
            new WindowsServerCmdlets.Family("VBR\\w+|VSB\\w+", "veeam", "backup", false, Map.of(
                    "start-vbrrestorevm", Verb.REPLACE, "start-vbrinstantrecovery", Verb.REPLACE,
                    "start-vbrwindowsfilerestore", Verb.REPLACE, "start-vbrlinuxfilerestore", Verb.REPLACE,
                    "start-vbrrestorevmfiles", Verb.REPLACE, "start-vbrhvrestorevm", Verb.REPLACE,
                    "start-vbrjob", Verb.CREATE, "connect-vbrserver", Verb.READ, "disconnect-vbrserver", Verb.READ)));

    /** {@code Invoke-PowerBIRestMethod -Method Delete}: the request's method, not the cmdlet's verb, says what it does (Get when none). */
    private static final Pattern REST_METHOD = Pattern.compile("(?i)-Method\\s+['\"]?(\\w+)");

    /** What a REST cmdlet's request does, or nothing for a read: the cmdlet is only a transport. */
    static Optional<Verb> request(String cmdlet, String rest, Verb usual) {
        if (!cmdlet.equals("invoke-powerbirestmethod")) {
            return Optional.of(usual);
        }
        Matcher m = REST_METHOD.matcher(rest);
        return switch (m.find() ? m.group(1).toLowerCase(java.util.Locale.ROOT) : "get") {
            case "get", "head", "options" -> Optional.empty();
            case "delete" -> Optional.of(Verb.DELETE);
            case "post" -> Optional.of(Verb.CREATE);
            default -> Optional.of(Verb.UPDATE);
        };
    }

    /** A collection or computer group that is every machine the site or update server manages. */
    private static final Pattern EVERY_MACHINE = Pattern.compile("(?i)-(?:CollectionName|TargetGroupName)\\s+['\"]?(?:All Systems"
            + "|All Computers|All Desktop and Server Clients|All Users and User Groups|All Users|SMS00001)\\b");
    private static final Pattern TARGET_GROUP = Pattern.compile("(?i)-(?:CollectionName|CollectionId|Collection|TargetGroupName)\\b");
    private static final Pattern WSUS_SERVER = Pattern.compile("(?i)Get-WsusServer\\b[^|;\\n]*?-Name\\s+['\"]?([^'\"\\s|;]+)");
    private static final Pattern TARGET_MAILBOX = Pattern.compile("(?i)\\bSearch-Mailbox\\b[^|;\\n]*?-TargetMailbox\\s+['\"]?([^'\"\\s|;]+)");
    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)-SearchQuery\\s+(?:'[^']*|\"[^\"]*|\\S*)(passw|credential|secret|api.?key|token)");
    /** The site {@code Connect-PnPOnline -Url} signed in to: its host is the tenant every PnP cmdlet after it acts in. */
    private static final Pattern PNP_SITE = Pattern.compile("(?i)Connect-PnPOnline\\b[^|;\\n]*?-Url\\s+['\"]?(https?://[^'\"\\s|;]+)");
    private static final Pattern VBR_SERVER = Pattern.compile("(?i)Connect-VBRServer\\b[^|;\\n]*?-Server\\s+['\"]?([^'\"\\s|;]+)");
    private static final Pattern NETWORK_ACCESS_ACCOUNT = Pattern.compile("(?i)CCM_NetworkAccessAccount|NetworkAccessPassword");

    /** Scope and host the verb rules cannot see: whom a deployment or approval reaches, which WSUS server a pipeline asked for. */
    static void refine(String system, String rest, String code, boolean remote, Operation.Builder b) {
        if (system.equals("sharepoint-online")) {
            Matcher site = PNP_SITE.matcher(code);
            if (site.find()) {
                b.locator("tenant", dev.interlock.environment.Hosts.of(site.group(1)));
            }
            return;
        }
        if (system.equals("veeam")) {
            // Connect-VBRServer -Server HOST: the backup server every VBR cmdlet after it acts on
            Matcher server = VBR_SERVER.matcher(code);
            if (!remote && server.find()) {
                b.locator("host", server.group(1));
            }
            return;
        }
        if (!system.equals("configmgr") && !system.equals("wsus")) {
            return;
        }
        if (EVERY_MACHINE.matcher(rest).find()) {
            b.scope(Scope.ALL);
        } else if (TARGET_GROUP.matcher(rest).find() || rest.isBlank()) {
            b.scope(Scope.MANY); // every member of the collection, every update a piped Get-WsusUpdate listed
        }
        if (system.equals("wsus") && !remote) {
            Matcher server = WSUS_SERVER.matcher(code);
            if (server.find()) {
                b.locator("host", server.group(1));
            }
        }
    }

    /** The reads that take something: mail copied to another mailbox, the network access account's password. */
    static List<Operation> operations(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.contains("-targetmailbox")) {
            Matcher m = TARGET_MAILBOX.matcher(code);
            while (m.find()) {
                boolean secrets = SECRET_QUERY.matcher(m.group()).find();
                Operation.Builder b = Operation.builder("exchange", secrets ? Verb.CREDENTIAL : Verb.READ).resource("mailbox", m.group(1))
                        .scope(Scope.MANY).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note("Search-Mailbox copies the mail it finds into the mailbox " + m.group(1)
                                + (secrets ? ", searching for passwords and credentials" : ""));
                if (!secrets) {
                    b.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "mail");
                }
                ops.add(b.build());
            }
        }
        if ((lower.contains("networkaccess")) && NETWORK_ACCESS_ACCOUNT.matcher(code).find()) {
            ops.add(Operation.builder("configmgr", Verb.CREDENTIAL).resource("network-access-account", "CCM_NetworkAccessAccount")
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("reads ConfigMgr's network access account, a domain account's password").build());
        }
        return ops;
    }
}
