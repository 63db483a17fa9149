package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.model.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code Invoke-RestMethod -Method Delete -Uri URL} (and {@code Invoke-WebRequest}, {@code irm}, {@code iwr}, the
 * parameter abbreviated as PowerShell allows: {@code -Me Delete}, {@code -CustomMethod DELETE}): the same request as
 * {@code curl -X DELETE URL}, judged as that is (an Elasticsearch index, an API's resource, where the URL's host is).
 */
final class PowerShellRequests {

    private PowerShellRequests() {
    }

    private static final Pattern REQUEST = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*(?:Invoke-RestMethod|Invoke-WebRequest)\\b([^|;\\n}]*)");
    private static final Pattern DELETE = Pattern.compile("(?i)-(?:Me(?:t(?:h(?:od?)?)?)?|CustomMethod|CM)(?::|\\s+)['\"]?DELETE['\"]?(?=\\s|$)");
    private static final Pattern URI = Pattern.compile("(?i)-Uri?(?::|\\s+)(['\"]?)([^'\"\\s]+)\\1");
    private static final Pattern URL = Pattern.compile("(?i)(['\"]?)(https?://[^'\"\\s]+)\\1");

    static List<Operation> deletes(String code, Invocation inv, Nested nested) {
        if (!Regex.find(code, "(?i)Invoke-(?:RestMethod|WebRequest)")) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = REQUEST.matcher(code);
        while (m.find()) {
            String rest = m.group(1);
            if (!DELETE.matcher(rest).find()) {
                continue;
            }
            Matcher uri = URI.matcher(rest);
            Matcher url = URL.matcher(rest);
            String target = uri.find() ? uri.group(2) : url.find() ? url.group(2) : "";
            // a URL held in a variable stays one for curl too: known only at run time
            String line = "curl -X DELETE " + (target.startsWith("$") ? "\"" + Regex.replaceFirst(target, "(?i)^\\$env:", "\\$") + "\""
                    : "'" + target.replace("'", "") + "'");
            for (Operation op : nested.shell(line, inv)) {
                ops.add(op.toBuilder().evidence(inv.evidence()).note((op.note().isEmpty() ? "" : op.note() + "; ")
                        + "from PowerShell's web request, as `" + line + "`").build());
            }
        }
        return ops;
    }
}
