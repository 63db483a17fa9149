package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private static final Pattern CMDLET = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(Remove|Clear|Uninstall|Unregister|Format|Initialize|Reset"
            + "|Stop|Restart|Disable|Set|Revoke|Dismount|Suspend)-([A-Za-z0-9]+)((?:\\s+(?!\\||;)[^|;\\n]*)?)");
    /** Whole-machine cmdlets: power and disks. */
    private static final Map<String, String> MACHINE = Map.of("stop-computer", "stops this machine",
            "restart-computer", "restarts this machine", "format-volume", "formats a volume", "clear-disk", "wipes a disk",
            "initialize-disk", "re-initializes a disk", "remove-partition", "removes a partition");
    private static final Pattern NAME = Pattern.compile("(?i)-(?:Name|ResourceGroupName|BucketName|InstanceId|DBInstanceIdentifier"
            + "|FunctionName|TableName|VMName|ServerName|DatabaseName|Id)\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("(?i)-ResourceGroupName\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern AWS_NOUN = Pattern.compile("(?i)(AWS|S3|EC2|RDS|IAM|DDB|LM|CFN|EKS|ECS|ECR|KMS|SM|SSM|R53|CW|SQS|SNS).*");

    static List<Operation> operations(String code, Invocation inv) {
        List<Operation> ops = new ArrayList<>();
        Matcher m = CMDLET.matcher(code);
        while (m.find()) {
            String verb = m.group(1).toLowerCase(Locale.ROOT);
            String noun = m.group(2);
            String cmdlet = verb + "-" + noun.toLowerCase(Locale.ROOT);
            String rest = m.group(3) == null ? "" : m.group(3);
            if (Regex.matches(cmdlet, "remove-item(property)?|set-location|set-variable|set-content|set-item|clear-host"
                    + "|set-strictmode|stop-transcript|set-psdebug|clear-variable")
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
            if (MACHINE.containsKey(cmdlet)) {
                ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.DELETE).resource(cmdlet.contains("computer") ? "machine" : "device", "")
                        .scope(Scope.ALL).stateful(!cmdlet.contains("computer")).reversible(cmdlet.contains("computer"))
                        .confidence(Confidence.INFERRED).evidence(inv.evidence()).note(m.group(1) + "-" + noun + " " + MACHINE.get(cmdlet)),
                        "this machine").build());
                continue;
            }
            Verb v = Regex.matches(verb, "remove|clear|uninstall|unregister|format|reset") ? Verb.DELETE : Verb.UPDATE;
            Matcher name = NAME.matcher(rest);
            String target = name.find() ? name.group(1) : "";
            String system = noun.startsWith("Az") ? "azure" : AWS_NOUN.matcher(noun).matches() ? "aws" : "powershell";
            Operation.Builder b = Operation.builder(system, v).resource(noun.toLowerCase(Locale.ROOT), target)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note(m.group(1) + "-" + noun + (v == Verb.DELETE ? " deletes" : " changes") + (target.isEmpty() ? "" : " " + target));
            if (v == Verb.DELETE) {
                b.stateful(true).reversible(false);
            }
            if (noun.equalsIgnoreCase("AzResourceGroup")) {
                b.locator("resource-group", target);
            } else if (system.equals("azure")) {
                Matcher group = RESOURCE_GROUP.matcher(rest);
                if (group.find()) {
                    b.locator("resource-group", group.group(1));
                }
            }
            ops.add(system.equals("powershell") ? LocalFiles.local(inv, b, "a cmdlet on this machine").build() : b.build());
        }
        return ops;
    }

    /** A file read by a cmdlet or its aliases ({@code Get-Content}, {@code gc}, {@code cat}, {@code type}). */
    private static final Pattern READ_FILE = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(?:Get-Content|gc|cat|type)\\s+(?:-Path\\s+|-LiteralPath\\s+)?['\"]?([^'\"|;\\s]+)");
    /** The environment drive listed whole ({@code Get-ChildItem Env:}, {@code dir env:}, {@code ls env:}). */
    private static final Pattern ENV_DRIVE = Pattern.compile("(?i)(?:Get-ChildItem|gci|dir|ls)\\s+(?:-Path\\s+)?['\"]?Env:['\"]?\\s*(?:$|[;|)])");
    /** A query sent to SQL Server ({@code Invoke-Sqlcmd -Query "…"}). */
    private static final Pattern SQLCMD = Pattern.compile("(?i)Invoke-Sqlcmd\\b[^;|]*?-Query\\s+(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern SQL_SERVER = Pattern.compile("(?i)-ServerInstance\\s+['\"]?([^'\"\\s]+)");
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
            String path = Regex.replaceAll(file.group(1).replace('\\', '/'), "(?i)^(\\$env:USERPROFILE|\\$HOME|%USERPROFILE%)", "~");
            String resolved = inv.workspace().resolve(path);
            if (dev.interlock.analysis.shell.recognizers.secrets.SecretFiles.isSecret(resolved)) {
                ops.add(dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretFile(inv, resolved));
            }
        }
        if (ENV_DRIVE.matcher(code).find()) {
            ops.add(dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer.secretVariable(inv, ""));
        }
        Matcher sql = SQLCMD.matcher(code);
        while (sql.find()) {
            String text = sql.group(1) != null ? sql.group(1) : sql.group(2);
            Matcher server = SQL_SERVER.matcher(code);
            List<Operation> statements = nested.sql(text, "", inv);
            String host = server.find() ? server.group(1) : "";
            for (Operation op : statements) {
                ops.add(host.isEmpty() || !op.resource().locator("host").isEmpty() ? op : op.toBuilder().locator("host", host).build());
            }
        }
        if (DEFENDER.matcher(code).find()) {
            ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("settings", "defender")
                    .scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                    .note("turns Windows Defender's protection off or excludes paths from it"), "this machine's settings").build());
        }
        return ops;
    }
}
