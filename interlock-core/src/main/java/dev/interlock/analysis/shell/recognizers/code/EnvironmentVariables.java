package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * .NET's {@code [Environment]::SetEnvironmentVariable(name, value, target)} from PowerShell. For this process or the
 * user it is a routine, reversible setting (nothing is added); for the {@code Machine} it changes what every account
 * and service on the machine starts with, and a {@code Path} that no longer begins with the one it had (replaced, or a
 * directory put in front of the system's) decides which program a bare name runs: both are changes of this machine.
 */
final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    private static final Pattern SET = Pattern.compile("(?i)\\[(?:System\\.)?Environment\\]::SetEnvironmentVariable\\(\\s*(['\"])(\\w+)\\1\\s*,(.*?)"
            + "(?:,\\s*(?:['\"](\\w+)['\"]|\\[(?:System\\.)?EnvironmentVariableTarget\\]::(\\w+)))?\\s*\\)\\s*(?:;|$|\\n)");
    /** A Path value that keeps the old one first: {@code $env:Path + ";C:\\tools"}, {@code "$env:PATH;…"}. */
    private static final Pattern APPENDED = Pattern.compile("(?i)\\s*(?:\\$env:Path\\b|\"\\$env:Path;|\\[(?:System\\.)?Environment\\]::GetEnvironmentVariable\\().*");

    static List<Operation> operations(String code, Invocation inv) {
        if (!code.contains("SetEnvironmentVariable") && !Regex.find(code, "(?i)SetEnvironmentVariable")) {
            return List.of();
        }
        List<Operation> ops = new ArrayList<>();
        Matcher m = SET.matcher(code);
        while (m.find()) {
            String name = m.group(2);
            String target = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : "Process";
            boolean machine = target.equalsIgnoreCase("Machine");
            boolean hijack = name.equalsIgnoreCase("Path") && !APPENDED.matcher(m.group(3)).matches();
            if (!machine && !hijack) {
                continue;
            }
            ops.add(LocalFiles.local(inv, Operation.builder("os", Verb.UPDATE).resource("environment-variable", name)
                    .scope(Scope.MANY).stateful(true).reversible(false).confidence(Confidence.INFERRED)
                    .evidence(inv.evidence()).note("sets " + name + " for " + (machine ? "every account on this machine"
                            : "the user, ahead of or instead of the directories it held")), "this machine's settings").build());
        }
        return ops;
    }
}
