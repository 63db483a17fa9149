package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code aws ssm send-command} and {@code start-session --document-name AWS-StartInteractiveCommand}: the shell
 * commands they run on the target instances are analyzed like any other command, with the instances as their
 * {@code host}. Commands come from {@code --parameters} in shorthand ({@code commands=["systemctl restart app"]},
 * {@code command='tail app.log'}) or JSON ({@code {"commands":["…"]}}). {@code AWS-RunPatchBaseline} scans (a read)
 * or installs patches.
 */
final class AwsSsm {

    private AwsSsm() {
    }

    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern JSON_COMMANDS = Pattern.compile("\"commands?\"\\s*:\\s*(\\[.*?]|\"(?:[^\"\\\\]|\\\\.)*\")",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTHAND = Pattern.compile("(?i)(?:^|,)\\s*commands?\\s*=\\s*(\\[.*]|.*)", Pattern.DOTALL);
    private static final Pattern OPERATION = Pattern.compile("(?i)\"?operation\"?\\s*[=:]\\s*\\[?\\s*\"?(\\w+)");
    private static final Pattern REBOOT = Pattern.compile("(?i)\"?rebootoption\"?\\s*[=:]\\s*\\[?\\s*\"?(\\w+)");

    /** The documents whose parameters carry a shell command: send-command's and start-session's. */
    private static final Set<String> SHELL_DOCUMENTS = Set.of("AWS-RunShellScript", "AWS-RunPowerShellScript",
            "AWS-StartInteractiveCommand", "AWS-StartNonInteractiveCommand");

    static List<Operation> commands(AwsCommand cmd, Invocation inv, Nested nested, Operation sendCommand, boolean session) {
        // start-session without a document opens a shell (judged as the session); send-command's default runs a script
        String document = cmd.text("--document-name").orElse(session ? "SSM-SessionManagerRunShell" : "AWS-RunShellScript");
        Optional<Arg> parameters = cmd.first("--parameters");
        if (document.equals("AWS-RunPatchBaseline") && !session) {
            return patchBaseline(parameters.map(Arg::value).orElse(""), sendCommand);
        }
        if (!SHELL_DOCUMENTS.contains(document) || parameters.isEmpty()) {
            return List.of();
        }
        String host = sendCommand.resource().name();
        if (!parameters.get().literal() || parameters.get().value().startsWith("file://")) {
            return List.of(sendCommand.toBuilder().verb(Verb.EXECUTE).confidence(Confidence.INFERRED)
                    .note("the commands sent to the instances are not visible here").build());
        }
        Map<String, String> locators = new TreeMap<>(inv.locators());
        locators.putIfAbsent("host", host.isEmpty() ? "ssm-targets" : host);
        Invocation onInstances = new Invocation(inv.program(), inv.args(), inv.env(), inv.workspace(), inv.evidence(),
                Optional.empty(), locators);
        List<Operation> out = new ArrayList<>();
        Operation run = sendCommand.resource().locator("host").isEmpty()
                ? sendCommand.toBuilder().locator("host", locators.get("host")).build() : sendCommand;
        for (String script : extract(parameters.get().value())) {
            out.addAll(RemoteRuns.placed(nested.shell(script, onInstances), run));
        }
        return out;
    }

    /**
     * {@code AWS-RunPatchBaseline}: {@code Operation=Scan} only reports the instances' patch compliance; {@code Install}
     * (the default) patches them, rebooting unless {@code RebootOption=NoReboot}.
     */
    private static List<Operation> patchBaseline(String parameters, Operation sendCommand) {
        Matcher op = OPERATION.matcher(parameters);
        if (op.find() && op.group(1).equalsIgnoreCase("Scan")) {
            return List.of(sendCommand.toBuilder().verb(Verb.READ).resource("patch-compliance", sendCommand.resource().name())
                    .note("scans the instances against their patch baseline: installs nothing").build());
        }
        Matcher reboot = REBOOT.matcher(parameters);
        boolean reboots = !(reboot.find() && reboot.group(1).equalsIgnoreCase("NoReboot"));
        return List.of(sendCommand.toBuilder().verb(Verb.UPDATE).resource("patches", sendCommand.resource().name()).stateful(true)
                .note(reboots ? "installs patches on the instances and reboots them when needed" : "installs patches on the instances").build());
    }

    /** The command lines in a {@code --parameters} value. */
    static List<String> extract(String parameters) {
        String list;
        Matcher json = JSON_COMMANDS.matcher(parameters);
        if (json.find()) {
            list = json.group(1);
        } else {
            Matcher sh = SHORTHAND.matcher(parameters);
            if (!sh.find()) {
                return List.of();
            }
            list = sh.group(1).trim();
        }
        List<String> out = new ArrayList<>();
        if (list.startsWith("[") && list.endsWith("]")) {
            String inner = list.substring(1, list.length() - 1);
            Matcher q = QUOTED.matcher(inner);
            while (q.find()) {
                out.add(q.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
            }
            if (out.isEmpty()) {
                for (String part : inner.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        } else if (list.startsWith("\"") && list.endsWith("\"") && list.length() > 1) {
            out.add(list.substring(1, list.length() - 1));
        } else if (!list.isBlank()) {
            out.add(list);
        }
        return out;
    }
}
