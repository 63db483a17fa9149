package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PowerShell's {@code Add-Type -TypeDefinition "…"} compiles C# and the script then calls it: the C# is read as
 * {@code dotnet script} code is. The variables the PowerShell hands it ({@code [Purge]::Run($env:CS)}) are written as the
 * C# reads of them, so that a connection string they hold places its calls.
 */
final class TypeDefinitions {

    private TypeDefinitions() {
    }

    private static final Pattern ADD_TYPE = Pattern.compile("(?i)\\bAdd-Type\\b[^;\\n]*?-TypeDefinition\\s+");
    private static final Pattern HERE_STRING = Pattern.compile("^@(['\"])\\r?\\n([\\s\\S]*?)\\r?\\n\\1@");
    private static final Pattern ENV = Pattern.compile("(?i)\\$env:(\\w+)");

    /** The C# sources the code's {@code Add-Type -TypeDefinition} compiles, each followed by the environment reads handed to it. */
    static List<String> in(String code) {
        List<String> out = new ArrayList<>();
        Matcher m = ADD_TYPE.matcher(code);
        while (m.find()) {
            String source = literal(code.substring(m.end()));
            if (source.isBlank()) {
                continue;
            }
            Set<String> handed = new LinkedHashSet<>();
            Matcher e = ENV.matcher(code);
            while (e.find()) {
                handed.add("\nEnvironment.GetEnvironmentVariable(\"" + e.group(1) + "\");");
            }
            out.add(source + String.join("", handed));
        }
        return out;
    }

    /** A PowerShell string literal at the start of {@code s}: a here-string, or a quoted string with its escapes undone. */
    private static String literal(String s) {
        Matcher here = HERE_STRING.matcher(s);
        if (here.find()) {
            return here.group(2);
        }
        if (s.isEmpty() || s.charAt(0) != '"' && s.charAt(0) != '\'') {
            return "";
        }
        char q = s.charAt(0);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            // `" and "" escape a quote in PowerShell; \" is how a quote gets through a shell's own quoting
            if ((c == '`' || c == '\\' && q == '"') && i + 1 < s.length() && s.charAt(i + 1) == q
                    || c == q && i + 1 < s.length() && s.charAt(i + 1) == q) {
                out.append(q);
                i++;
            } else if (c == q) {
                return out.toString();
            } else {
                out.append(c);
            }
        }
        return Regex.find(out, "\\S") ? out.toString() : "";
    }
}
