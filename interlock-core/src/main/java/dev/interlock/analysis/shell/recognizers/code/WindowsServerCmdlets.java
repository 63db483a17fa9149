package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cmdlets of Windows Server's roles, judged by family (the noun) and verb: Active Directory, LAPS, Group Policy,
 * the DNS and DHCP servers, Hyper-V and scheduled tasks. Every verb of a family is known, not only the destructive
 * ones {@link PowerShellCmdlets} catches for any noun: {@code Add-DnsServerResourceRecordA}, {@code New-GPLink},
 * {@code Restore-VMSnapshot} and {@code Register-ScheduledTask} change things as much as {@code Remove-} does, while
 * {@code Get-}, {@code Search-} and {@code Test-} only look. The directory, its policies and the name servers are the
 * domain's, not this machine's; Hyper-V, scheduled tasks and the DNS client are this machine's unless a
 * {@code -ComputerName} names another.
 */
final class WindowsServerCmdlets {

    private WindowsServerCmdlets() {
    }

    /** One family: the nouns it owns, the system and resource type it acts on, and whether it lives on this machine. */
    record Family(Pattern noun, String system, String type, boolean here, Map<String, Verb> cmdlets) {
        Family(String noun, String system, String type, boolean here, Map<String, Verb> cmdlets) {
            this(Pattern.compile("(?i)" + noun), system, type, here, cmdlets);
        }
    }

    /** First match wins; {@code cmdlets} overrides the verb's usual meaning ({@link #VERBS}) for single cmdlets. */
    private static final List<Family> OWN = List.of(
            new Family("Laps\\w*|AdmPwd\\w*", "active-directory", "laps-password", false, Map.of(
                    "set-lapsadreadpasswordpermission", Verb.GRANT, "set-lapsadresetpasswordpermission", Verb.GRANT,
                    "set-lapsadcomputerselfpermission", Verb.GRANT, "set-admpwdreadpasswordpermission", Verb.GRANT,
                    "set-admpwdresetpasswordpermission", Verb.GRANT, "set-admpwdcomputerselfpermission", Verb.GRANT)),
            // group membership is who may do what: a grant (administrators' groups are escalation, see PowerShellCmdlets)
            new Family("AD\\w+", "active-directory", "directory-object", false, Map.of(
                    "add-adgroupmember", Verb.GRANT, "remove-adgroupmember", Verb.GRANT, "add-adprincipalgroupmembership", Verb.GRANT,
                    "remove-adprincipalgroupmembership", Verb.GRANT, "grant-adauthenticationpolicysiloaccess", Verb.GRANT,
                    "set-adaccountpassword", Verb.UPDATE)),
            new Family("GP(O|Link|Inheritance|Permissions?|RegistryValue|PrefRegistryValue|StarterGPO|ResultantSetOfPolicy|Update)",
                    "group-policy", "group-policy", false, Map.of("set-gppermission", Verb.GRANT, "set-gppermissions", Verb.GRANT,
                    "new-gplink", Verb.UPDATE, "remove-gplink", Verb.UPDATE, "invoke-gpupdate", Verb.UPDATE)),
            new Family("DnsServer\\w*", "dns", "dns-server", false, Map.of()),
            new Family("DhcpServer\\w*", "dhcp", "dhcp-server", false, Map.of()),
            // the resolver's cache is refilled by the next lookup
            new Family("DnsClient\\w*", "os", "dns-client", true, Map.of("clear-dnsclientcache", Verb.UPDATE, "register-dnsclient", Verb.UPDATE)),
            new Family("VM\\w*|VHD\\w*", "hyper-v", "vm", true, Map.of("restore-vmsnapshot", Verb.UPDATE, "restore-vmcheckpoint", Verb.UPDATE,
                    "start-vm", Verb.UPDATE, "merge-vhd", Verb.UPDATE, "remove-vmsnapshot", Verb.DELETE, "remove-vmcheckpoint", Verb.DELETE)),
            new Family("ScheduledTask|ClusteredScheduledTask|ScheduledJob|JobTrigger|ScheduledJobOption", "os", "scheduled-task", true,
                    Map.of("start-scheduledtask", Verb.EXECUTE)),
            // SQL Server's own modules (SqlServer, dbatools); Invoke-Sqlcmd's query and the
            // database's backup and restore are SQL, judged as SQL (PowerShellCmdlets)
            new Family("(?!Sqlcmd$|DbaQuery$|SqlDatabase$|DbaDatabase$)(Sql|Dba)\\w+", "database", "database", false, Map.of()),
            // this machine's shares, firewall and network settings, unless -CimSession or -ComputerName names another
            new Family("Smb\\w+", "os", "share", true, Map.of()),
            new Family("Net(Firewall|IPsec|Adapter|IPAddress|IPInterface|Route|ConnectionProfile|Nat|Lbfo|Qos|TCPSetting)\\w*", "os",
                    "network-settings", true, Map.of()));
    /** Windows Server's roles, then the on-premises servers' (Exchange, SharePoint, ConfigMgr, WSUS). */
    private static final List<Family> FAMILIES = java.util.stream.Stream.concat(OWN.stream(), MicrosoftServerCmdlets.FAMILIES.stream()).toList();

    /** Verbs that only look; the report-writing ones ({@code Backup-GPO}, {@code Export-DnsServerZone}) copy, not change. */
    private static final Set<String> LOOKING = Set.of("get", "search", "test", "show", "measure", "resolve", "compare", "find",
            "select", "backup", "export", "debug", "trace", "wait", "watch", "read", "receive");

    /** What the other verbs do to the family's objects. */
    private static final Map<String, Verb> VERBS = Map.ofEntries(Map.entry("new", Verb.CREATE), Map.entry("add", Verb.CREATE),
            Map.entry("register", Verb.CREATE), Map.entry("checkpoint", Verb.CREATE), Map.entry("copy", Verb.CREATE),
            Map.entry("install", Verb.CREATE), Map.entry("remove", Verb.DELETE), Map.entry("unregister", Verb.DELETE),
            Map.entry("uninstall", Verb.DELETE), Map.entry("clear", Verb.DELETE), Map.entry("grant", Verb.GRANT),
            Map.entry("revoke", Verb.GRANT));

    /** Nouns of permissions and memberships: changing one changes who may do what (Add-MailboxPermission, New-AzRoleAssignment). */
    private static final Pattern GRANTS = Pattern.compile("(?i)\\w*(RoleAssignment|PermissionGrant|Permissions?|ShareAccess|AccessRule"
            + "|GroupMember(ByRef)?|RoleMember(ByRef)?|MemberByRef|Owner(ByRef)?|Delegation|AccessRights)");
    /** Cmdlets that mint a new secret for an application and print it: a credential handed to whoever ran them. */
    private static final Pattern MINTS_SECRET = Pattern.compile("(?i)(add|new)-AzAD(App|Sp|ServicePrincipal|Application)Credential");
    /** A read that deletes what it finds (Search-Mailbox -DeleteContent). */
    private static final Pattern DELETES_FOUND = Pattern.compile("(?i)\\s-Delete\\w*(?!:\\s*\\$false)\\b");
    /**
     * Azure's cmdlets: the verbs the generic rule of {@link PowerShellCmdlets} does not judge ({@code New-}, {@code Add-},
     * {@code Grant-}, {@code Update-}); its own ({@code Remove-}, {@code Set-}) stay there.
     */
    private static final Family AZURE = new Family("Az\\w+", "azure", "resource", false, Map.of());

    /** The resource group an Azure cmdlet acts in: {@code -ResourceGroupName}, or the one a {@code -Scope} path names. */
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)-ResourceGroupName\\s+['\"]?([^'\"\\s]+)|/resourceGroups/([^/'\"\\s]+)");

    /** Reverting to a checkpoint or merging a disk loses what was written since: data gone for good. */
    private static final Set<String> LOSES_DATA = Set.of("restore-vmsnapshot", "restore-vmcheckpoint", "merge-vhd", "restore-gpo",
            "import-gpo", "restore-adobject", "clear-dnsserverzone", "start-vbrrestorevm", "start-vbrhvrestorevm");

    /** A script block ends a cmdlet's arguments: the cmdlets inside it ({@code ForEach-Object { Remove-Mailbox $_ }}) are judged on their own. */
    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*([A-Za-z]+)-([A-Za-z0-9]+)((?:\\s+(?!\\||;)[^|;\\n{}]*)?)");
    private static final Pattern NAME = Pattern.compile("(?i)-(?:Identity|Name|VMName|ZoneName|TaskName|ScopeId|Guid|DisplayName)\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern HOST = Pattern.compile("(?i)-(?:ComputerName|Server|CimSession|Domain|ServerInstance|SqlInstance)\\s+['\"]?(?!\\$)([^'\"\\s,]+)");
    /** LAPS passwords come back in clear with -AsPlainText; the legacy module's always do, as does the attribute read directly. */
    private static final Pattern LAPS_SECRET = Pattern.compile("(?i)Get-Laps(AD|AAD)Password\\b[^|;\\n]*-AsPlainText|Get-AdmPwdPassword\\b"
            + "|Get-AD(Computer|Object)\\b[^|;\\n]*(ms-Mcs-AdmPwd\\b|msLAPS-(Encrypted)?Password\\b)");
    private static final Pattern TASK_ACTION = Pattern.compile("(?i)New-ScheduledTaskAction\\b[^|;\\n)]*?-Execute\\s+(['\"]?)([^'\"\\s)]+)\\1"
            + "(?:[^|;\\n)]*?-Argument\\s+(?:'([^']*)'|\"([^\"]*)\"|([^\\s)]+)))?");

    /** Whether a family here owns {@code noun}, so that the generic cmdlet rule leaves it alone. */
    static boolean owns(String noun) {
        return family(noun).isPresent();
    }

    private static Optional<Family> family(String noun) {
        return FAMILIES.stream().filter(f -> f.noun().matcher(noun).matches()).findFirst();
    }

    static List<Operation> operations(String code, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        boolean vsphere = PowerCliCmdlets.drives(code);
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            if (vsphere && PowerCliCmdlets.owns(m.group(2))) {
                continue; // PowerCLI's VMs and hosts, not this machine's Hyper-V
            }
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            Optional<Family> family = family(m.group(2)).or(() -> AZURE.noun().matcher(m.group(2)).matches()
                    && !PowerShellCmdlets.judges(verb) ? Optional.of(AZURE) : Optional.empty());
            String rest = m.group(3) == null ? "" : m.group(3);
            boolean deletesFound = verb.equals("search") && DELETES_FOUND.matcher(rest).find();
            if (family.isEmpty() || DbaToolsCmdlets.owns(m.group(1) + "-" + m.group(2)) || LOOKING.contains(verb) && !deletesFound || !PowerShellStatements.isCmdlet(m.group(1) + "-" + m.group(2))) {
                continue;
            }
            String cmdlet = verb + "-" + m.group(2).toLowerCase(Locale.ROOT);
            Family f = family.get();
            Optional<Verb> does = MicrosoftServerCmdlets.request(cmdlet, rest, deletesFound ? Verb.DELETE : MINTS_SECRET.matcher(cmdlet).matches() ? Verb.CREDENTIAL
                    : f.cmdlets().getOrDefault(cmdlet, GRANTS.matcher(m.group(2)).matches() ? Verb.GRANT : VERBS.getOrDefault(verb, Verb.UPDATE)));
            if (does.isEmpty() || does.get() == Verb.READ) {
                continue; // a sign-in, or a REST call that only reads
            }
            Verb v = does.get();
            Matcher name = NAME.matcher(rest);
            Matcher host = HOST.matcher(rest);
            Operation.Builder b = Operation.builder(f.system(), v).resource(f.type(), name.find() ? name.group(1) : PowerShellCmdlets.positional(rest))
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(m.group(1) + "-" + m.group(2) + " "
                            + (v == Verb.DELETE ? "deletes" : v == Verb.GRANT ? "changes who may do what in"
                            : v == Verb.CREDENTIAL ? "mints a secret in" : "changes") + " " + f.system());
            boolean remote = host.find();
            // Get-VM -ComputerName hv-02 | Stop-VM: the computer the listing asked, and what it returned
            Optional<PowerShellComputers.Computer> piped = remote ? Optional.empty() : PowerShellComputers.of(code, m.start(1), rest);
            String computer = remote ? host.group(1) : piped.map(PowerShellComputers.Computer::host).orElse("");
            remote = !computer.isEmpty();
            piped.flatMap(PowerShellComputers.Computer::scope).ifPresent(b::scope);
            // a VM of this machine's own Hyper-V is the developer's sandbox, like a local cluster: removing it is routine
            boolean sandbox = f.type().equals("vm") && !remote && cmdlet.equals("remove-vm");
            if ((v == Verb.DELETE || LOSES_DATA.contains(cmdlet)) && !sandbox) {
                b.stateful(true).reversible(false);
            }
            if (remote) {
                b.locator("host", computer);
            }
            MicrosoftServerCmdlets.refine(f.system(), rest, code, remote, b);
            dev.interlock.analysis.shell.recognizers.controls.SecurityControls.cmdlet(m.group(1) + "-" + m.group(2), rest).ifPresent(control ->
                    b.locator(dev.interlock.analysis.shell.recognizers.controls.SecurityControls.LOCATOR, control)
                            .note(m.group(1) + "-" + m.group(2) + " switches off " + control));
            if (f == AZURE) {
                Matcher group = RESOURCE_GROUP.matcher(rest);
                if (group.find()) {
                    b.locator("resource-group", group.group(1) != null ? group.group(1) : group.group(2));
                }
            }
            ops.add(f.here() && !remote ? LocalFiles.local(inv, b, "this machine's " + f.type()).build() : b.build());
        }
        Matcher secret = LAPS_SECRET.matcher(code);
        if (secret.find()) {
            Matcher name = NAME.matcher(secret.group());
            ops.add(Operation.builder("active-directory", Verb.CREDENTIAL).resource("laps-password", name.find() ? name.group(1) : "")
                    .evidence(inv.evidence()).note("reads a computer's local administrator password in clear text (LAPS)").build());
        }
        ops.addAll(taskActions(code, inv, nested));
        ops.addAll(dev.interlock.analysis.shell.recognizers.windows.SystemAccounts.powershell(code, inv));
        return ops;
    }

    /** A task registered with {@code New-ScheduledTaskAction -Execute X -Argument Y} runs X Y later: that is analyzed too. */
    private static List<Operation> taskActions(String code, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        if (!Regex.find(code, "(?i)\\b(Register|Set)-ScheduledTask\\b")) {
            return ops;
        }
        Matcher m = TASK_ACTION.matcher(code);
        while (m.find()) {
            String arguments = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5) == null ? "" : m.group(5);
            for (String line : PowerShellStatements.programs(m.group(2) + " " + arguments)) {
                for (Operation op : nested.shell(line, inv)) {
                    ops.add(op.withEvidence(inv.evidence()));
                }
            }
        }
        return ops;
    }
}
