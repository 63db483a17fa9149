package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret files packed and sent by PowerShell: {@code Compress-Archive -Path $env:USERPROFILE\.ssh -DestinationPath k.zip}
 * reads the keys it packs (as {@code tar} of {@code ~/.ssh} does), and {@code Invoke-WebRequest … -InFile k.zip} (or
 * {@code Invoke-RestMethod}, {@code iwr}, {@code irm}) then sends them to the URI's host: a transfer of credentials,
 * like {@code tar … ~/.ssh | curl --data-binary @- …}. Sending a secret file itself is the same; other files are left
 * to the cmdlets' usual judgement.
 */
final class PowerShellTransfers {

    private PowerShellTransfers() {
    }

    private static final Pattern ARCHIVE = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*Compress-Archive\\b([^|;\\n}]*)");
    private static final Pattern SOURCES = Pattern.compile("(?i)-(?:Path|LiteralPath)\\s+((?:['\"]?[^'\"\\s,]+['\"]?\\s*,\\s*)*['\"]?[^'\"\\s,]+['\"]?)");
    private static final Pattern DESTINATION = Pattern.compile("(?i)-DestinationPath\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern UPLOAD = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\\b([^|;\\n}]*)");
    private static final Pattern IN_FILE = Pattern.compile("(?i)-InFile\\s+['\"]?([^'\"\\s]+)");
    private static final Pattern URI = Pattern.compile("(?i)(?:-Uri\\s+)?['\"]?(https?://[^'\"\\s]+)");

    static List<Operation> operations(String code, Invocation inv) {
        if (!Regex.find(code, "(?i)Compress-Archive|-InFile\\b")) {
            return List.of(); // the usual case: neither packing nor a file upload
        }
        List<Operation> ops = new ArrayList<>();
        Map<String, String> packed = new HashMap<>(); // archive (resolved) → the secrets in it
        Matcher a = ARCHIVE.matcher(code);
        while (a.find()) {
            Matcher sources = SOURCES.matcher(a.group(1));
            Matcher destination = DESTINATION.matcher(a.group(1));
            if (!sources.find()) {
                continue;
            }
            List<String> secrets = new ArrayList<>();
            for (String source : Regex.split(sources.group(1), "\\s*,\\s*")) {
                String path = PowerShellCmdlets.file(Regex.replaceAll(source, "^['\"]|['\"]$", ""));
                if (!path.contains("$") && CredentialRecognizer.secret(inv, Arg.of(path))) {
                    secrets.add(LocalFiles.basename(inv.workspace().resolve(path)));
                    ops.add(LocalFiles.on(inv, Verb.CREDENTIAL, "file", path)
                            .note("Compress-Archive packs secret material (" + LocalFiles.basename(inv.workspace().resolve(path)) + ")").build());
                }
            }
            if (!secrets.isEmpty() && destination.find()) {
                packed.put(inv.workspace().resolve(PowerShellCmdlets.file(destination.group(1))), String.join(", ", secrets));
            }
        }
        Matcher u = UPLOAD.matcher(code);
        while (u.find()) {
            Matcher file = IN_FILE.matcher(u.group(1));
            Matcher uri = URI.matcher(u.group(1));
            if (!file.find()) {
                continue;
            }
            String resolved = inv.workspace().resolve(PowerShellCmdlets.file(file.group(1)));
            String held = packed.getOrDefault(resolved, CredentialRecognizer.secret(inv, Arg.of(resolved)) ? LocalFiles.basename(resolved) : null);
            if (held != null) {
                String host = uri.find() ? dev.interlock.environment.Hosts.of(uri.group(1)) : "";
                ops.add(NetworkRecognizer.exfiltration("credentials", held, host, inv.evidence(), inv.locators()));
            }
        }
        return ops;
    }
}
