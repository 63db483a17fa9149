package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.mlops.Ray;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Ad-hoc file servers ({@code python3 -m http.server}, {@code http-server}, {@code npx serve}, {@code php -S … -t DIR},
 * {@code miniserve}, …): a preview of the workspace is ordinary local work; serving the home directory, the root or a
 * directory of secrets on the network hands every file in it to whoever connects.
 */
public final class FileServers implements Recognizer {

    /** The name {@code php -S ADDR} is dispatched under: PHP's built-in web server, not a PHP script. */
    public static final String PHP_SERVER = "php-server";

    /**
     * How one server names what it serves and where it listens.
     *
     * @param directory flags naming the directory; with none given, the first positional that is not a port, else the cwd
     * @param positional whether the directory may be a positional
     * @param bind      flags naming the address ({@code 127.0.0.1}, {@code host:port}, {@code tcp://host:port})
     * @param valued    the program's other flags that take a value (so their values are not taken for the directory)
     * @param listens   the address used when none is given
     */
    private record Server(Set<String> directory, boolean positional, Set<String> bind, Set<String> valued, String listens) {
    }

    private static final String ALL = "0.0.0.0";
    private static final Map<String, Server> SERVERS = Map.ofEntries(
            Map.entry("http.server", new Server(Set.of("-d", "--directory"), false, Set.of("-b", "--bind"), Set.of(), ALL)),
            Map.entry("SimpleHTTPServer", new Server(Set.of(), false, Set.of(), Set.of(), ALL)),
            Map.entry("http-server", new Server(Set.of(), true, Set.of("-a"), Set.of("-p", "--port", "-c", "-e", "-P", "--proxy",
                    "-C", "-K", "-t", "-U", "--username", "--password"), ALL)),
            Map.entry("live-server", new Server(Set.of("--root"), true, Set.of("--host"), Set.of("--port", "--open", "--watch",
                    "--ignore", "--entry-file", "--mount", "--proxy", "--middleware", "--htpasswd", "--wait"), ALL)),
            Map.entry("httpd-foreground", new Server(Set.of(), false, Set.of(), Set.of(), ALL)),
            Map.entry("updog", new Server(Set.of("-d", "--directory"), false, Set.of(), Set.of("-p", "--port", "--password"), ALL)),
            // vercel's serve: -l tcp://host:port, a bare port or host:port; every interface unless told
            Map.entry("serve", new Server(Set.of(), true, Set.of("-l", "--listen"), Set.of("-p", "--port", "-c", "--config",
                    "--ssl-cert", "--ssl-key", "--ssl-pass"), ALL)),
            Map.entry("sirv", new Server(Set.of(), true, Set.of("-H", "--host"), Set.of("-p", "--port", "-m", "--maxage",
                    "--extensions", "-e", "--ignores", "--http2", "--key", "--cert", "--cacert"), "localhost")),
            Map.entry("miniserve", new Server(Set.of(), true, Set.of("-i", "--interfaces"), Set.of("-p", "--port", "-a", "--auth",
                    "--auth-file", "--route-prefix", "--index", "-t", "--title", "--header", "--tls-cert", "--tls-key"), ALL)),
            Map.entry("dufs", new Server(Set.of(), true, Set.of("-b", "--bind"), Set.of("-p", "--port", "-a", "--auth",
                    "--path-prefix", "--hidden", "--config", "-c", "--tls-cert", "--tls-key", "--log-format"), ALL)),
            Map.entry("darkhttpd", new Server(Set.of(), true, Set.of("--addr"), Set.of("--port", "--maxconn", "--log",
                    "--chroot", "--index", "--mimetypes", "--default-mimetype", "--uid", "--gid", "--pidfile", "--auth",
                    "--header"), ALL)),
            Map.entry("static-web-server", new Server(Set.of("-d", "--root"), false, Set.of("-a", "--host"), Set.of("-p",
                    "--port", "-w", "--config-file", "--page404", "--page50x"), "::")),
            Map.entry(PHP_SERVER, new Server(Set.of("-t"), false, Set.of("-S"), Set.of("-c", "-d", "-n"), ALL)));

    @Override
    public Set<String> programs() {
        return SERVERS.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("serve")) {
            // Ray Serve's CLI shares the name: its commands are words no static site's directory is called
            Optional<Operation> ray = Ray.serve(inv);
            if (ray.isPresent()) {
                return List.of(ray.get());
            }
        }
        Server server = SERVERS.get(inv.program());
        ParsedArgs p = inv.parse(Stream.of(server.directory(), server.bind(), server.valued(), Set.of("-p", "--port"))
                .flatMap(Set::stream).collect(java.util.stream.Collectors.toSet()));
        String dir = p.value(server.directory().toArray(String[]::new)).orElse(server.positional()
                ? p.words().stream().filter(w -> !Regex.matches(w, "\\d+")).findFirst().orElse(".") : ".");
        // a bind flag with no value (sirv --host) opens every interface
        String bind = p.value(server.bind().toArray(String[]::new)).map(FileServers::host)
                .orElse(p.has(server.bind().toArray(String[]::new)) ? ALL : server.listens());
        String path = inv.workspace().resolve(dir);
        Workspace.Area area = inv.workspace().area(dir);
        boolean loopback = Hosts.loopback(bind) && !bind.equals(ALL);
        boolean workspaceRoot = path.equals(inv.workspace().cwd()) && !path.equals(inv.workspace().home());
        boolean exposesMachine = area == Workspace.Area.ROOT || area == Workspace.Area.HOME_ROOT && !workspaceRoot
                || area == Workspace.Area.SYSTEM
                || CredentialRecognizer.secret(inv, dev.interlock.analysis.shell.Arg.of(dir));
        String program = inv.program().equals(PHP_SERVER) ? "php -S" : inv.program();
        if (exposesMachine && !loopback) {
            return List.of(LocalFiles.on(inv, Verb.TRANSFER, "directory", dir).scope(Scope.ALL).reversible(false)
                    .note(program + " serves " + path + " over HTTP on " + bind
                            + ": every file in it, keys and tokens included, to whoever connects")
                    .build());
        }
        return List.of(LocalFiles.execute(inv, program, "serves " + path + " over HTTP"
                + (loopback ? " on this machine only" : " on " + bind)));
    }

    /** The host of a listen address: {@code tcp://0.0.0.0:3000} → 0.0.0.0, {@code :8080} and a bare port → every interface. */
    private static String host(String address) {
        String a = Regex.replaceFirst(address, "^[a-z]+://", "");
        if (Regex.matches(a, ":?\\d*")) {
            return ALL;
        }
        String host = Hosts.of(a);
        return host.isEmpty() || host.equals("::") || host.equals("[::]") ? ALL : host;
    }
}
