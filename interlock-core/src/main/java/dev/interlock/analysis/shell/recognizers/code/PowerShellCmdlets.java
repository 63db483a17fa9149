package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.controls.SecurityControls;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
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
 * PowerShell's Verb-Noun cmdlets, judged by their verb: {@code Remove-}, {@code Clear-}, {@code Uninstall-} delete;
 * {@code Stop-}, {@code Restart-}, {@code Disable-}, {@code Set-}, {@code Revoke-} change. The noun says where: Az
 * cmdlets act in Azure, AWS Tools cmdlets in AWS (names from {@code -Name}, {@code -ResourceGroupName},
 * {@code -BucketName}), {@code Stop-Computer} and {@code Format-Volume} on this machine as a whole. {@code Remove-Item}
 * and its aliases are {@link CodeCalls}' (paths); reads ({@code Get-}, {@code Select-}, …) add nothing.
 */
final class PowerShellCmdlets {

    private PowerShellCmdlets() {
    }

    /** A cmdlet at the start of a statement or pipeline stage (not a word inside a string). */
    private static final String VERBS = "Remove|Clear|Uninstall|Unregister|Format|Initialize|Reset|Stop|Restart|Disable|Set|Revoke|Dismount|Suspend";
    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(" + VERBS + ")-([A-Za-z0-9]+)((?:\\s+(?!\\||;)[^|;\\n]*)?)");

    /** Whether cmdlets with {@code verb} are judged here, whatever their noun. */
    static boolean judges(String verb) {
        return Regex.matches(verb, "(?i)" + VERBS);
    }
    /** Whole-machine cmdlets: power and disks. */
    private static final Map<String, String> MACHINE = Map.of("stop-computer", "stops this machine",
            "restart-computer", "restarts this machine", "format-volume", "formats a volume", "clear-disk", "wipes a disk",
            "initialize-disk", "re-initializes a disk", "remove-partition", "removes a partition");
    private static final Pattern NAME = Pattern.compile("(?i)-(?:Name|ResourceGroupName|BucketName|InstanceId|DBInstanceIdentifier"
            + "|FunctionName|TableName|VMName|ServerName|DatabaseName|Id)\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)-ResourceGroupName\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern AWS_NOUN = Pattern.compile("(?i)(AWS|S3|EC2|RDS|IAM|DDB|LM|CFN|EKS|ECS|ECR|KMS|SM|SSM|R53|CW|SQS|SNS).*");

    /** Nouns whose cmdlets act on what the shell's own tools act on: a process, a service (and so on the guard itself). */
    private static final Map<String, String> LOCAL_SYSTEMS = Map.of("process", "process", "service", "service");

    /** The first word that is not a parameter: {@code Stop-Service Interlock -Force}. */
    static String positional(String rest) {
        Matcher w = WORD.matcher(rest);
        while (w.find()) {
            String word = w.group(1) != null ? w.group(1) : w.group(2) != null ? w.group(2) : Regex.replaceAll(w.group(3), ",+$", "");
            if (w.group(3) == null || !word.isEmpty() && !word.startsWith("-")) {
                return word;
            }
        }
        return "";
    }

    /** A word of a cmdlet's arguments: quoted (spaces and all, as in {@code "…\User Data\…"}) or bare. */
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|'([^']*)'|([^\\s'\"]+)");

    static List<Operation> operations(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        boolean vsphere = PowerCliCmdlets.drives(code);
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String noun = m.group(2);
            String cmdlet = verb + "-" + noun.toLowerCase(Locale.ROOT);
            String rest = m.group(3) == null ? "" : m.group(3);
            if (vsphere && PowerCliCmdlets.owns(noun)) {
                continue; // judged as vSphere's (PowerCliCmdlets)
            }
            if (AwsToolsCmdlets.owns(m.group(1), noun, rest)) {
                continue; // the aws CLI call it wraps is judged there
            }
            if (WindowsServerCmdlets.owns(noun) || DbaToolsCmdlets.owns(cmdlet) || MgGraphCmdlets.owns(noun)) {
                continue; // every verb of a server role's family is judged there
            }
            if (Regex.matches(cmdlet, "remove-item(property)?|set-location|set-variable|set-content|set-item|clear-host"
                    + "|set-strictmode|stop-transcript|set-psdebug|clear-variable|format-(table|list|wide|custom|hex)")
                    || cmdlet.equals("set-executionpolicy") && Regex.find(rest, "(?i)-Scope\\s+Process\\b")) {
                continue; // paths are CodeCalls'; the rest change only the session
            }
            if (cmdlet.equals("set-executionpolicy")) {
                // beyond this process the policy lets every script run (or not) for the user or the machine, like setenforce
                ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("settings", "execution-policy")
                        .scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note("Set-ExecutionPolicy" + rest.stripTrailing() + " changes which scripts may run on this machine"), "this machine").build());
                continue;
            }
            if (AzCmdlets.switchesContext(cmdlet)) {
                ops.add(AzCmdlets.contextSwitch(inv, m.group(1) + "-" + noun, rest));
                continue;
            }
            Optional<String> computer = PowerShellComputers.own(rest);
            if (MACHINE.containsKey(cmdlet) && computer.isPresent() && cmdlet.endsWith("-computer")) {
                // Restart-Computer -ComputerName web-prod-03: that server goes down and comes back, a change to it
                ops.add(Operation.builder("os", Verb.UPDATE).resource("machine", computer.get()).locator("host", computer.get())
                        .reversible(true).confidence(Confidence.INFERRED).evidence(inv.evidence())
                        .note(m.group(1) + "-" + noun + " " + MACHINE.get(cmdlet).replace("this machine", computer.get())).build());
                continue;
            }
            if (MACHINE.containsKey(cmdlet)) {
                ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource(cmdlet.contains("computer") ? "machine" : "device", "")
                        .scope(Scope.ALL).stateful(!cmdlet.contains("computer")).reversible(cmdlet.contains("computer"))
                        .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(m.group(1) + "-" + noun + " " + MACHINE.get(cmdlet)),
                        "this machine").build());
                continue;
            }
            Verb v = Regex.matches(verb, "remove|clear|uninstall|unregister|format|reset") ? Verb.DELETE : Verb.UPDATE;
            Matcher name = NAME.matcher(rest);
            String target = name.find() ? name.group(1) : positional(rest);
            String system = noun.startsWith("Az") ? "azure" : AWS_NOUN.matcher(noun).matches() ? "aws"
                    : LOCAL_SYSTEMS.getOrDefault(noun.toLowerCase(Locale.ROOT), "powershell");
            java.util.Optional<String> control = system.equals("azure") || system.equals("aws")
                    ? java.util.Optional.empty() : SecurityControls.cmdlet(cmdlet, rest);
            if (control.isPresent()) {
                // a Defender process or service stopped, UAC turned off in the registry: this machine's controls (os, process)
                system = noun.equalsIgnoreCase("ItemProperty") ? "os" : "process";
            }
            Operation.Builder b = Operation.builder(system, v).resource(noun.toLowerCase(Locale.ROOT), target)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(m.group(1) + "-" + noun + (v == Verb.DELETE ? " deletes" : " changes") + (target.isEmpty() ? "" : " " + target));
            if (v == Verb.DELETE) {
                b.stateful(true).reversible(false);
            }
            control.ifPresent(off -> b.locator(SecurityControls.LOCATOR, off));
            if (noun.equalsIgnoreCase("AzResourceGroup")) {
                b.locator("resource-group", target);
            } else if (system.equals("azure")) {
                Matcher group = RESOURCE_GROUP.matcher(rest);
                if (group.find()) {
                    b.locator("resource-group", group.group(1));
                }
            }
            if (system.equals("azure")) {
                AzCmdlets.place(code, m.start(1), noun, verb, rest, b);
            }
            // a module's cmdlet after Connect-VBRServer, Connect-NaController, …: that server's, not this machine's
            java.util.Optional<String> connected = system.equals("powershell") && control.isEmpty()
                    ? PowerShellConnections.server(code, m.start(1), rest) : java.util.Optional.empty();
            connected.ifPresent(server -> b.locator("host", server));
            // Stop-Service -ComputerName web-03, Get-Service -ComputerName web-03 | Stop-Service: that computer's
            Optional<PowerShellComputers.Computer> elsewhere = connected.isPresent() || system.equals("azure") || system.equals("aws")
                    ? Optional.empty() : PowerShellComputers.of(code, m.start(1), rest);
            elsewhere.ifPresent(c -> b.locator("host", c.host()));
            elsewhere.flatMap(PowerShellComputers.Computer::scope).ifPresent(b::scope);
            boolean here = connected.isEmpty() && elsewhere.isEmpty() && (system.equals("powershell") || LOCAL_SYSTEMS.containsValue(system) || control.isPresent());
            ops.add(here && !Regex.find(rest, "(?i)-ComputerName\\b") ? LocalFiles.local(inv, b, "a cmdlet on this machine").build() : b.build());
        }
        return ops;
    }

    /** A cmdlet that writes a file: its path, and for a copy or a move its destination. */
    private static final Pattern WRITE = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(Add-Content|Set-Content|Out-File|New-Item|Copy-Item|Move-Item"
            + "|Rename-Item|Tee-Object|Set-ItemProperty|New-ItemProperty)\\b([^|;\\n}]*)");
    /** A redirection of output into a file ({@code "x" >> $PROFILE}). */
    private static final Pattern REDIRECT = Pattern.compile("(?<![0-9&])>>?\\s*(?!&|\\$null\\b)(['\"]?)([^\\s'\";|]+)\\1");
    private static final Pattern PATH_PARAM = Pattern.compile("(?i)-(?:Path|FilePath|LiteralPath)\\s+(['\"]?)([^'\"\\s,]+)\\1");
    private static final Pattern DESTINATION = Pattern.compile("(?i)-Destination\\s+(['\"]?)([^'\"\\s,]+)\\1");
    /** The registry keys whose values Windows runs at every logon. */
    private static final Pattern RUN_KEY = Pattern.compile("(?i).*\\\\(Run|RunOnce|RunServices|Winlogon)\\\\?$|.*\\\\Startup\\\\?$");

    /**
     * Files the cmdlets write, judged as any write is (the guard's own files, start-up files, system files, the
     * project's), and the registry's autostart keys, which run what they hold at every logon like a start-up file.
     */
    static List<Operation> writes(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        Matcher m = WRITE.matcher(code);
        while (m.find()) {
            String cmdlet = m.group(1).toLowerCase(Locale.ROOT);
            String rest = m.group(2);
            Matcher named = PATH_PARAM.matcher(rest);
            String path = named.find() ? named.group(2) : positional(rest);
            if (path.isEmpty()) {
                continue;
            }
            if (cmdlet.endsWith("itemproperty")) {
                if (RUN_KEY.matcher(path.replace('/', '\\')).matches()) {
                    ops.add(dev.interlock.analysis.shell.recognizers.windows.WindowsCommands.autostart(inv, path));
                }
                continue;
            }
            if (Regex.matches(path, "(?i)(HKCU|HKLM|HKEY_[A-Z_]+|Env|Variable|Function|Alias|Cert):.*")) {
                continue; // a provider's drive, not a file
            }
            if ((cmdlet.equals("copy-item") || cmdlet.equals("move-item")) && !file(path).contains("$")
                    && CredentialRecognizer.secret(inv, Arg.of(file(path)))) {
                // a copy of a secret store (a browser's Login Data, ~/.aws/credentials) is a read of what it holds
                ops.add(CredentialRecognizer.secretFile(inv, inv.workspace().resolve(file(path))));
            }
            if (cmdlet.equals("move-item") || cmdlet.equals("rename-item")) {
                ops.add(dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer.write(inv, file(path), "moves"));
            }
            Matcher dest = DESTINATION.matcher(rest);
            String target = cmdlet.equals("copy-item") || cmdlet.equals("move-item")
                    ? (dest.find() ? dest.group(2) : secondPositional(rest)) : path;
            if (!target.isEmpty() && !cmdlet.equals("rename-item")) {
                ops.add(dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer.write(inv, file(target), "writes"));
            }
        }
        Matcher r = REDIRECT.matcher(code);
        while (r.find()) {
            ops.add(dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer.write(inv, file(r.group(2)), "writes"));
        }
        return ops;
    }

    /** A Windows path as the workspace reads it: profile and temp variables spelled out, either separator. */
    static String file(String path) {
        String p = Regex.replaceAll(path, "(?i)^\\$PROFILE(\\.\\w+)*$", "~/Documents/PowerShell/Microsoft.PowerShell_profile.ps1");
        p = Regex.replaceAll(p, "(?i)^(\\$env:USERPROFILE|\\$HOME|%USERPROFILE%)(?=[\\\\/]|$)", "~");
        p = Regex.replaceAll(p, "(?i)^(\\$env:(TEMP|TMP))(?=[\\\\/])", "/tmp");
        // Windows' defaults for the profile's application-data folders (where browsers and tools keep their secrets)
        p = Regex.replaceAll(p, "(?i)^(\\$env:LOCALAPPDATA|%LOCALAPPDATA%)(?=[\\\\/])", "~/AppData/Local");
        p = Regex.replaceAll(p, "(?i)^(\\$env:APPDATA|%APPDATA%)(?=[\\\\/])", "~/AppData/Roaming");
        return p.replace('\\', '/');
    }

    private static String secondPositional(String rest) {
        String first = positional(rest);
        int at = first.isEmpty() ? -1 : rest.indexOf(first);
        return at < 0 ? "" : positional(rest.substring(at + first.length()));
    }

    /** Groups whose members administer the machine or the domain. */
    private static final Pattern ADMIN_GROUP = Pattern.compile("(?i)['\"]?(Administrators|Domain Admins|Enterprise Admins|Schema Admins"
            + "|Account Operators|Backup Operators|Server Operators|Remote Desktop Users|Hyper-V Administrators|DnsAdmins|Group Policy Creator Owners)['\"]?");
    private static final Pattern GROUP_MEMBER = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(Add-ADGroupMember|Add-LocalGroupMember|Add-ADPrincipalGroupMembership)\\b([^|;\\n}]*)");
    /** Secret values read in clear text from a vault ({@code -AsPlainText}, AWS Secrets Manager's value). */
    private static final Pattern SECRET_VALUE = Pattern.compile("(?i)(?:Get-AzKeyVaultSecret\\b[^|;\\n]*-AsPlainText|Get-Secret\\b[^|;\\n]*-AsPlainText"
            + "|Get-SECSecretValue\\b|Get-AzKeyVaultSecret\\b[^|;\\n]*-Name\\b[^|;\\n]*\\)?\\.SecretValue|ConvertFrom-SecureString\\b[^|;\\n]*-AsPlainText)");

    private static final Pattern VAULT = Pattern.compile("(?i)-VaultName\\s+['\"]?([^'\"\\s]+)");
    /**
     * A password taken out of Windows' own credential stores in clear text: the Credential Manager module's
     * {@code Get-StoredCredential … .GetNetworkCredential().Password} (or {@code -AsCredentialObject} with {@code .Password} or {@code -ExpandProperty Password}),
     * and the WinRT {@code PasswordVault}'s {@code RetrievePassword()}.
     */
    private static final Pattern STORED_PASSWORD = Pattern.compile("(?i)Get-StoredCredential\\b[^;\\n]*?(?:GetNetworkCredential\\(\\)\\.Password|\\.Password\\b|-ExpandProperty\\s+['\"]?Password\\b)"
            + "|PasswordVault\\b[^;\\n]*?RetrievePassword\\(\\)|\\.RetrievePassword\\(\\)");
    private static final Pattern TARGET = Pattern.compile("(?i)-Target\\s+['\"]?([^'\"\\s)]+)");
    /**
     * A credential decrypted and printed: {@code (Import-Clixml sa.xml).GetNetworkCredential().Password} (a PSCredential
     * saved with Export-Clixml) or a SecureString turned back into text through the marshaller, as a statement of its own
     * or handed to Write-Output. Passed as a parameter's value ({@code -Password $c.GetNetworkCredential().Password}) it
     * is used, not shown.
     */
    private static final Pattern DECRYPTED = Pattern.compile("(?i)(?:^|[;{\\n|])\\s*(?:(?:Write-Output|Write-Host|echo|Set-Clipboard)\\s+)?"
            + "(?:\\(\\s*Import-Clixml\\s+(?:-Path\\s+)?['\"]?([^'\")]+?)['\"]?\\s*\\)|\\$[\\w:]+)\\s*\\.\\s*GetNetworkCredential\\(\\)\\.Password\\b"
            + "|\\[(?:System\\.)?Runtime\\.InteropServices\\.Marshal\\]::PtrToString\\w*\\(\\s*\\[(?:System\\.)?Runtime\\.InteropServices\\.Marshal\\]::SecureStringTo(?:BSTR|GlobalAllocUnicode)");
    private static final Pattern CLIXML = Pattern.compile("(?i)Import-Clixml\\s+(?:-Path\\s+)?['\"]?([^'\"\\s);|]+)");

    /** A certificate exported with its private key ({@code Export-PfxCertificate}): whoever holds the file is that machine or site. */
    private static final Pattern PFX_EXPORT = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*Export-PfxCertificate\\b([^|;\\n}]*)");
    private static final Pattern CERT_PATH = Pattern.compile("(?i)Cert:[\\\\/][^'\"\\s|;)]*");

    /** Adding an account to a group that administers the machine or the domain: escalation, as joining sudo is. */
    static List<Operation> escalations(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        Matcher m = GROUP_MEMBER.matcher(code);
        while (m.find()) {
            Matcher group = ADMIN_GROUP.matcher(m.group(2));
            if (group.find()) {
                ops.add(LocalFiles.localUnlessNamed(inv, Operation.builder("os", Verb.ESCALATE).resource("group", group.group(1))
                        .reversible(false).evidence(inv.evidence()).note(m.group(1) + " adds an account to " + group.group(1)),
                        "this machine's accounts").build());
            }
        }
        Matcher secret = SECRET_VALUE.matcher(code);
        if (secret.find()) {
            Matcher name = NAME.matcher(secret.group());
            Matcher vault = VAULT.matcher(secret.group());
            Operation.Builder b = Operation.builder(secret.group().regionMatches(true, 0, "Get-SEC", 0, 7) ? "aws" : "azure", Verb.CREDENTIAL)
                    .resource("secret", name.find() ? name.group(1) : "").evidence(inv.evidence())
                    .note("reads a secret's value in clear text");
            if (vault.find()) {
                b.locator("vault", vault.group(1));
            }
            ops.add(b.build());
        }
        Matcher pfx = PFX_EXPORT.matcher(code);
        if (pfx.find()) {
            Matcher cert = CERT_PATH.matcher(code);
            Matcher into = PATH_PARAM.matcher(pfx.group(1));
            ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL)
                    .resource("certificate-private-key", cert.find() ? cert.group() : "").evidence(inv.evidence())
                    .note("exports a certificate with its private key" + (into.find() ? " to " + into.group(2) : "")),
                    "this machine's certificate store").build());
        }
        Matcher stored = STORED_PASSWORD.matcher(code);
        Matcher decrypted = DECRYPTED.matcher(code);
        if (stored.find()) {
            Matcher target = TARGET.matcher(stored.group());
            ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.CREDENTIAL)
                    .resource("stored-credential", target.find() ? target.group(1) : "").evidence(inv.evidence())
                    .note("takes a saved password out of Windows' credential store in clear text"), "this machine's credential store").build());
        } else if (decrypted.find()) {
            ops.add(decryptedCredential(code, inv));
        }
        return ops;
    }

    /**
     * The password of a credential saved to a file, printed: the file (Import-Clixml's) names it, and a name such as
     * {@code sql-prod-sa.xml} says whose environment's credential it is; otherwise one kept on this machine.
     */
    private static Operation decryptedCredential(String code, Invocation inv) {
        Matcher file = CLIXML.matcher(code);
        String path = file.find() ? file(file.group(1)) : "";
        Operation.Builder b = Operation.builder("os", Verb.CREDENTIAL).resource("stored-credential", path).evidence(inv.evidence())
                .note("decrypts a saved credential and prints its password" + (path.isEmpty() ? "" : " (" + path + ")"));
        java.util.Optional<String> tier = dev.interlock.analysis.shell.recognizers.DeploymentWords.tierWordIn(LocalFiles.basename(path));
        return tier.isPresent() ? b.locator("environment", tier.get()).build() : LocalFiles.local(inv, b, "a credential saved on this machine").build();
    }

    /** A file read by a cmdlet or its aliases ({@code Get-Content}, {@code gc}, {@code cat}, {@code type}). */
    private static final Pattern READ_FILE = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(?:Get-Content|gc|cat|type)\\s+(?:-Path\\s+|-LiteralPath\\s+)?(?:\"([^\"]*)\"|'([^']*)'|([^'\"|;\\s]+))");
    /** The environment drive listed whole ({@code Get-ChildItem Env:}, {@code dir env:}, {@code ls env:}). */
    private static final Pattern ENV_DRIVE = Pattern.compile("(?i)(?:Get-ChildItem|gci|dir|ls)\\s+(?:-Path\\s+)?['\"]?Env:['\"]?\\s*(?:$|[;|)])");
    /** A query sent to SQL Server ({@code Invoke-Sqlcmd -Query "…"}). */
    private static final Pattern SQLCMD = Pattern.compile("(?i)Invoke-(?:Sqlcmd|DbaQuery)\\b[^;|]*?-Query\\s+(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SQL_SERVER = Pattern.compile("(?i)-(?:ServerInstance|SqlInstance)\\s+['\"]?([^'\"\\s]+)");
    /** What follows a query when its rows go to a file: {@code | Export-Csv -Path F}, {@code | Out-File F}, {@code > F}. */
    private static final Pattern ROWS_TO_FILE = Pattern.compile("(?i)[^|;\\n]*(?:\\|\\s*(?:Export-Csv|Export-Clixml|Export-Excel|Out-File|Set-Content"
            + "|Add-Content|Tee-Object)\\b[^|;\\n]*?(?:-(?:Path|FilePath|LiteralPath)\\s+)?|>>?\\s*)['\"]?([^'\"\\s|;]+)");
    private static final Pattern SQL_BACKUP = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(Backup|Restore)-(?:Sql|Dba)Database\\b[^|;\\n]*");
    private static final Pattern SQL_DATABASE = Pattern.compile("(?i)-Database(?:Name)?\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern SQL_BACKUP_FILE = Pattern.compile("(?i)-(?:BackupFile|Path|FilePath)\\s+['\"]?([^'\"\\s]+)");
    /** WinRM's settings set through the WSMan: drive (Set-Item skips the generic rule: its paths are CodeCalls'). */
    private static final Pattern WSMAN = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*Set-Item\\b([^|;\\n}]*WSMan:[^|;\\n}]*)");
    /** A certificate imported into a store ({@code Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root}). */
    private static final Pattern IMPORT_CERTIFICATE = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(Import-(?:Pfx)?Certificate)\\b([^|;\\n}]*)");
    private static final Pattern STORE = Pattern.compile("(?i)Cert:[\\\\/]+\\w+[\\\\/]+(\\w+)");
    private static final Pattern NEW_PROPERTY = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*New-ItemProperty\\b([^|;\\n}]*)");
    /** Windows Defender switched off or told to look away. */
    private static final Pattern DEFENDER = Pattern.compile("(?i)(?:Set|Add)-MpPreference\\b[^;|]*-(?:Disable\\w+\\s+\\$?true|Exclusion\\w+)");

    /**
     * What the cmdlets read that matters: secret files (profile paths written the Windows way), the whole environment,
     * SQL sent to a server, and Defender's protection turned off.
     */
    static List<Operation> readsAndQueries(String code, Invocation inv, Nested nested) {
        List<Operation> ops = new ArrayList<>();
        Matcher file = READ_FILE.matcher(code);
        while (file.find()) {
            String named = file.group(1) != null ? file.group(1) : file.group(2) != null ? file.group(2) : file.group(3);
            String resolved = inv.workspace().resolve(file(named));
            if (dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.isSecret(resolved)) {
                ops.add(CredentialRecognizer.secretFile(inv, resolved));
            }
        }
        if (ENV_DRIVE.matcher(code).find()) {
            ops.add(CredentialRecognizer.secretVariable(inv, ""));
        }
        Matcher sql = SQLCMD.matcher(code);
        while (sql.find()) {
            String text = sql.group(1) != null ? sql.group(1) : sql.group(2);
            Matcher server = SQL_SERVER.matcher(code);
            List<Operation> statements = nested.sql(text, "", inv);
            String host = server.find() ? dev.interlock.analysis.shell.recognizers.database.SqlShells.hostName(server.group(1)) : "";
            // rows piped on into a file (| Export-Csv, | Out-File, > file) are a copy of them here, as psql's > file is
            Matcher copy = ROWS_TO_FILE.matcher(code.substring(sql.end()));
            for (Operation op : statements) {
                Operation placed = host.isEmpty() || !op.resource().locator("host").isEmpty() ? op : op.toBuilder().locator("host", host).build();
                ops.add(copy.lookingAt() && dev.interlock.analysis.shell.recognizers.database.DatabaseOps.returnsRows(placed)
                        ? dev.interlock.analysis.shell.recognizers.database.DatabaseOps.rowsWrittenTo(placed, copy.group(1)) : placed);
            }
        }
        Matcher backup = SQL_BACKUP.matcher(code);
        while (backup.find()) {
            // the SqlServer module's backup and restore are BACKUP and RESTORE statements, judged as SQL on that server
            Matcher server = SQL_SERVER.matcher(backup.group());
            Matcher database = SQL_DATABASE.matcher(backup.group());
            Matcher into = SQL_BACKUP_FILE.matcher(backup.group());
            String name = database.find() ? database.group(1) : "";
            String where = into.find() ? into.group(1) : "";
            boolean restore = backup.group(1).equalsIgnoreCase("Restore");
            String statement = restore
                    ? "RESTORE DATABASE [" + name + "] FROM DISK = '" + where + "'" + (Regex.find(backup.group(), "(?i)-(?:ReplaceDatabase|WithReplace)\\b") ? " WITH REPLACE" : "")
                    : "BACKUP " + (Regex.find(backup.group(), "(?i)-BackupAction\\s+Log\\b") ? "LOG" : "DATABASE") + " [" + name + "] TO DISK = '"
                    + where + "'" + (Regex.find(backup.group(), "(?i)-CopyOnly\\b") ? " WITH COPY_ONLY" : "");
            String host = server.find() ? dev.interlock.analysis.shell.recognizers.database.SqlShells.hostName(server.group(1)) : "";
            for (Operation op : nested.sql(statement, "", inv)) {
                ops.add(host.isEmpty() ? op : op.toBuilder().locator("host", host).build());
            }
        }
        Matcher defender = DEFENDER.matcher(code);
        if (defender.find()) {
            Operation.Builder b = Operation.builder("os", Verb.UPDATE).resource("settings", "defender")
                    .scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("turns Windows Defender's protection off or excludes paths from it");
            // an exclusion narrows what it scans; a Disable… switch takes the protection away
            SecurityControls.cmdlet("Set-MpPreference", defender.group().replaceFirst("(?i)^(Set|Add)-MpPreference", ""))
                    .ifPresent(control -> b.locator(SecurityControls.LOCATOR, control));
            ops.add(LocalFiles.local(inv, b, "this machine's settings").build());
        }
        Matcher property = NEW_PROPERTY.matcher(code);
        while (property.find()) {
            // New-ItemProperty has no verb judged above; it writes a registry value as Set-ItemProperty does
            String rest = property.group(1);
            SecurityControls.cmdlet("New-ItemProperty", rest).ifPresent(control -> ops.add(LocalFiles.local(inv,
                    Operation.builder("os", Verb.UPDATE).resource("itemproperty", positional(rest)).locator(SecurityControls.LOCATOR, control)
                            .confidence(Confidence.INFERRED).evidence(inv.evidence())
                            .note("New-ItemProperty" + rest.stripTrailing() + " switches off " + control),
                    "this machine's settings").build()));
        }
        Matcher imported = IMPORT_CERTIFICATE.matcher(code);
        while (imported.find()) {
            // only a store of trust anchors is a control; a certificate added to My or a service's store is ordinary
            String rest = imported.group(2);
            Matcher store = STORE.matcher(rest);
            String name = store.find() ? store.group(1) : "";
            SecurityControls.cmdlet(imported.group(1), rest).ifPresent(control -> ops.add(LocalFiles.local(inv,
                    Operation.builder("os", Verb.UPDATE).resource("certificate-store", name).locator(SecurityControls.LOCATOR, control)
                            .stateful(true).confidence(Confidence.INFERRED).evidence(inv.evidence())
                            .note(imported.group(1) + " adds a certificate to the " + name + " store this machine trusts; switches off " + control),
                    "this machine's certificate store").build()));
        }
        Matcher wsman = WSMAN.matcher(code);
        while (wsman.find()) {
            String rest = wsman.group(1);
            SecurityControls.cmdlet("Set-Item", rest).ifPresent(control -> ops.add(LocalFiles.local(inv,
                    Operation.builder("os", Verb.UPDATE).resource("settings", "winrm").locator(SecurityControls.LOCATOR, control)
                            .stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                            .note("Set-Item" + rest.stripTrailing() + " lets WinRM accept unencrypted traffic or clear-text passwords"),
                    "this machine's settings").build()));
        }
        return ops;
    }
}
