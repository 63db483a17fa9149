package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.environment.Hosts;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Modules that manage a server through a session opened first — {@code Connect-VIServer vc-prod},
 * {@code Connect-VBRServer -Server veeam-prod-01}, {@code Connect-NaController}, {@code Connect-PfaArray -EndPoint …}
 * — run the cmdlets that follow against that server, not this machine: the server's name places them, as the computer
 * of {@code Invoke-Command -ComputerName} places its block ({@link PowerShellRemoting}).
 */
final class PowerShellConnections {

    private PowerShellConnections() {
    }

    private static final Pattern CONNECT = Pattern.compile("(?i)(?:^|[;|{(\\n&])\\s*Connect-\\w+\\b([^|;\\n}]*)");
    /** The parameters by which these modules name the server (an address or a URL). */
    private static final Pattern SERVER = Pattern.compile("(?i)-(?:Server|ComputerName|Controller|Name|EndPoint|Array|HostName|Cluster|Url)"
            + "\\s+['\"]?([^'\"\\s,;)]+)");
    private static final Pattern OWN = Pattern.compile("(?i)-Server\\s+['\"]?([^'\"\\s,;)]+)");
    /** The server given as the first word ({@code Connect-VIServer vc-prod -User …}). */
    private static final Pattern FIRST_WORD = Pattern.compile("\\s+['\"]?([A-Za-z0-9][^'\"\\s,;)]*)");

    /**
     * The server a cmdlet at {@code at} acts on: its own {@code -Server} ({@code rest}: its parameters), else that of the
     * last connection opened before it.
     */
    static Optional<String> server(String code, int at, String rest) {
        Matcher own = OWN.matcher(rest);
        if (own.find()) {
            return Optional.of(host(own.group(1)));
        }
        Matcher c = CONNECT.matcher(code);
        String found = null;
        while (c.find() && c.start() < at) {
            Matcher named = SERVER.matcher(c.group(1));
            Matcher first = FIRST_WORD.matcher(c.group(1));
            String server = named.find() ? named.group(1) : first.lookingAt() ? first.group(1) : "";
            if (!server.isEmpty() && !server.startsWith("$")) {
                found = host(server);
            }
        }
        return Optional.ofNullable(found);
    }

    /** A URL's host ({@code https://purearray-prod.corp/}), or the name as written. */
    private static String host(String server) {
        return server.contains("://") ? Hosts.of(server) : server;
    }
}
