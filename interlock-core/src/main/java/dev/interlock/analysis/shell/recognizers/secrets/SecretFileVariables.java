package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files that hold a secret because a variable says so, whatever they are called: the {@code *_PASSWORD_FILE}
 * convention of backup tools and container images ({@code RESTIC_PASSWORD_FILE}, {@code POSTGRES_PASSWORD_FILE},
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE}), and the file a password command prints ({@code BORG_PASSCOMMAND='cat
 * ~/.borg-pass'}, {@code RESTIC_PASSWORD_COMMAND}). Reading {@code $RESTIC_PASSWORD_FILE}, or the path such a variable
 * holds literally, reads the password.
 */
final class SecretFileVariables {

    private SecretFileVariables() {
    }

    private static final Pattern FILE_VARIABLE = Pattern.compile(
            "[A-Z0-9_]*_(PASSWORD|PASSWD|PASS|PASSPHRASE|SECRET|TOKEN|KEY|CREDENTIALS?)_FILE");
    private static final Pattern COMMAND_VARIABLE = Pattern.compile(
            "[A-Z0-9_]*_(PASSCOMMAND|PASSWORD_COMMAND|PASSPHRASE_COMMAND)");
    private static final Pattern ONE_EXPANSION = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    /** True when {@code arg} ({@code resolved} on this machine) is the file a secret-file variable names. */
    static boolean named(Invocation inv, Arg arg, String resolved) {
        if (!arg.literal()) {
            Matcher m = ONE_EXPANSION.matcher(arg.value());
            if (m.matches() && FILE_VARIABLE.matcher(m.group(1)).matches()) {
                return true;
            }
        }
        for (Map.Entry<String, String> e : inv.env().entrySet()) {
            String name = e.getKey();
            // most variables are neither: skip them before any pattern work
            if (name.endsWith("_FILE") && FILE_VARIABLE.matcher(name).matches()) {
                if (!e.getValue().isBlank() && resolved.equals(inv.workspace().resolve(e.getValue().strip()))) {
                    return true;
                }
            } else if (name.endsWith("COMMAND") && COMMAND_VARIABLE.matcher(name).matches() && printed(inv, e.getValue(), resolved)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the password command reads {@code resolved}: one of its words is that path. */
    private static boolean printed(Invocation inv, String command, String resolved) {
        for (String word : command.strip().split("\\s+")) {
            String w = word.replaceAll("^['\"]|['\"]$", "");
            if ((w.startsWith("/") || w.startsWith("~") || w.startsWith("$HOME") || w.startsWith("${HOME}") || w.startsWith("."))
                    && resolved.equals(inv.workspace().resolve(w))) {
                return true;
            }
        }
        return false;
    }
}
