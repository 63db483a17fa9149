package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.packages.ProjectInstallScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-liner code that writes a literal command into package.json's install hooks ({@code p['scripts']['preinstall'] =
 * 'curl … | bash'}, {@code pkg.scripts.postinstall = '…'}, a {@code "scripts": {"prepare": "…"}} literal): npm runs
 * that command by itself at the next install, so it is judged as the command, on the machine the code runs on. Other
 * script entries run only when someone asks for them by name.
 */
final class InstallHooks {

    private static final String HOOK = "(" + String.join("|", ProjectInstallScripts.LIFECYCLE) + ")";
    /** {@code ['scripts']['preinstall'] = '…'}, {@code .scripts.preinstall = "…"}, {@code scripts["install"]="…"}. */
    private static final Pattern ASSIGNED = Pattern.compile("\\bscripts['\"]?\\s*\\]?\\s*(?:\\.\\s*|\\[\\s*['\"])" + HOOK
            + "['\"]?\\s*\\]?\\s*=(?!=)\\s*" + LIT);
    /** {@code 'preinstall': '…'} or {@code postinstall: "…"} inside a {@code scripts} mapping. */
    private static final Pattern ENTRY = Pattern.compile("(?<![\\w$])['\"]?" + HOOK + "['\"]?\\s*(?::|=>)\\s*" + LIT);

    private InstallHooks() {
    }

    /** The literal commands the code puts in package.json's install hooks; empty when it names no package.json. */
    static List<String> commands(String code) {
        if (!code.contains("package.json") || !code.contains("scripts")) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Matcher a = ASSIGNED.matcher(code);
        while (a.find()) {
            out.add(lit(a, 2));
        }
        int scripts = code.indexOf("scripts") + "scripts".length();
        Matcher e = ENTRY.matcher(code);
        while (e.find()) {
            // an entry of the scripts mapping itself, not of dependencies or another object
            if (e.start() > scripts && !out.contains(lit(e, 2))
                    && Regex.find(code.substring(scripts, e.start()), "^['\"]?\\s*(?::|=>)\\s*\\{[^{}]*$")) {
                out.add(lit(e, 2));
            }
        }
        return out;
    }
}
