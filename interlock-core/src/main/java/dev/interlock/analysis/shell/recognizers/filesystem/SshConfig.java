package dev.interlock.analysis.shell.recognizers.filesystem;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The user's {@code ~/.ssh/config}, judged by what it says: host aliases and how to reach them (HostName, User, Port,
 * IdentityFile, ProxyJump, keep-alives, connection sharing) are routine. Options that run commands (ProxyCommand,
 * LocalCommand, KnownHostsCommand, {@code Match exec}), weaken host verification (StrictHostKeyChecking no,
 * UserKnownHostsFile /dev/null), forward the agent, or pull in another file keep the {@code command-config} change.
 */
public final class SshConfig {

    private static final Pattern PATH = Pattern.compile(".*/\\.ssh/config");
    private static final Set<String> ORDINARY = Set.of("host", "hostname", "user", "port", "identityfile", "identitiesonly",
            "proxyjump", "serveraliveinterval", "serveralivecountmax", "addkeystoagent", "usekeychain", "controlmaster",
            "controlpath", "controlpersist", "connecttimeout", "compression", "tcpkeepalive", "preferredauthentications",
            "loglevel", "hostkeyalias");
    /** Options that are routine only with these values. */
    private static final Map<String, Pattern> ORDINARY_VALUES = Map.of(
            "forwardagent", Pattern.compile("no"),
            "stricthostkeychecking", Pattern.compile("yes|ask"),
            "permitlocalcommand", Pattern.compile("no"));

    private SshConfig() {
    }

    /** Whether {@code resolvedPath} is a user's ssh client configuration. */
    public static boolean is(String resolvedPath) {
        return resolvedPath.endsWith("/.ssh/config") && PATH.matcher(resolvedPath).matches();
    }

    /** Whether {@code content} only names hosts and how to reach them. */
    public static boolean ordinary(String content) {
        if (content.isBlank()) {
            return false;
        }
        for (String line : content.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String[] kv = stripped.split("\\s*=\\s*|\\s+", 2);
            String key = kv[0].toLowerCase(Locale.ROOT);
            String value = kv.length > 1 ? kv[1].strip().replace("\"", "").toLowerCase(Locale.ROOT) : "";
            Pattern allowed = ORDINARY_VALUES.get(key);
            if (allowed != null ? !allowed.matcher(value).matches() : !ORDINARY.contains(key)) {
                return false;
            }
        }
        return true;
    }
}
