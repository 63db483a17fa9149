package dev.interlock.analysis.shell.recognizers.mesh;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HAProxy's runtime API, reached through its stats socket with {@code socat} or {@code nc} and commands known statically
 * ({@code echo "show stat" | socat stdio /run/haproxy/admin.sock}): {@code show} and {@code get} only read, while
 * {@code set}, {@code enable}/{@code disable}, {@code shutdown}, {@code add}/{@code del}, {@code clear} and transaction
 * commits change the running load balancer (a drained or disabled server, killed sessions, a changed map) where the
 * socket is. The input is taken as HAProxy's when the socket's path names HAProxy or every line is an HAProxy command.
 */
public final class HaproxyRuntime {

    /** First word of a runtime command → what it does to the running load balancer. */
    private static final Map<String, Verb> VERBS = Map.ofEntries(
            Map.entry("show", Verb.READ), Map.entry("get", Verb.READ), Map.entry("help", Verb.READ),
            Map.entry("prompt", Verb.READ), Map.entry("quit", Verb.READ), Map.entry("echo", Verb.READ),
            Map.entry("operator", Verb.READ), Map.entry("user", Verb.READ), Map.entry("expert-mode", Verb.READ),
            Map.entry("experimental-mode", Verb.READ), Map.entry("wait", Verb.READ),
            Map.entry("set", Verb.UPDATE), Map.entry("enable", Verb.UPDATE), Map.entry("disable", Verb.UPDATE),
            Map.entry("shutdown", Verb.UPDATE), Map.entry("commit", Verb.UPDATE), Map.entry("abort", Verb.UPDATE),
            Map.entry("new", Verb.CREATE), Map.entry("add", Verb.CREATE), Map.entry("update", Verb.UPDATE),
            Map.entry("prepare", Verb.UPDATE), Map.entry("del", Verb.DELETE), Map.entry("clear", Verb.DELETE));

    /** Objects of the runtime API: a line "VERB OBJECT …" with one of these is HAProxy's even on an unnamed socket. */
    private static final Set<String> OBJECTS = Set.of("stat", "info", "servers", "server", "sess", "session", "sessions",
            "table", "errors", "backend", "frontend", "pools", "map", "acl", "env", "threads", "activity", "resolvers",
            "cli", "ssl", "weight", "maxconn", "rate-limit", "health", "agent", "counters", "dynamic-cookie",
            "dynamic-cookie-key", "schema", "events", "peers", "profiling", "quic", "startup-logs", "tasks", "trace",
            "var", "anon", "severity-output", "timeout", "fd", "libs", "version", "proc", "sock", "ocsp-response");

    private HaproxyRuntime() {
    }

    /**
     * What {@code input} does to the HAProxy behind {@code socket} (a path, or {@code host:port}), when it is HAProxy's:
     * one operation per command, located at {@code host} when the socket is remote.
     */
    public static Optional<List<Operation>> of(Invocation inv, String socket, String host, String input) {
        List<String[]> commands = new ArrayList<>();
        for (String line : Regex.split(input, "[\r\n;]+")) {
            String[] words = Regex.split(line.trim().toLowerCase(Locale.ROOT), "\\s+");
            if (!words[0].isEmpty()) {
                commands.add(words);
            }
        }
        boolean named = socket.toLowerCase(Locale.ROOT).contains("haproxy") || socket.toLowerCase(Locale.ROOT).contains("hapee");
        boolean spoken = !commands.isEmpty() && commands.stream().allMatch(w -> VERBS.containsKey(w[0])
                && (w.length == 1 || OBJECTS.contains(w[1])));
        if (commands.isEmpty() || !named && !spoken) {
            return Optional.empty();
        }
        List<Operation> ops = new ArrayList<>();
        for (String[] words : commands) {
            Verb verb = VERBS.getOrDefault(words[0], Verb.UNKNOWN);
            String object = words.length > 1 ? words[1] : "";
            String name = words.length > 2 ? words[2] : "";
            boolean wide = words[0].equals("shutdown") && object.equals("frontend")
                    || words[0].equals("clear") && !object.equals("counters");
            Operation.Builder b = Operation.builder("haproxy", verb == Verb.DELETE && object.equals("counters") ? Verb.UPDATE : verb)
                    .resource(object.isEmpty() ? "load-balancer" : object, name).confidence(verb == Verb.UNKNOWN
                            ? Confidence.INFERRED : Confidence.EXACT)
                    .scope(wide ? Scope.ALL : Scope.ONE).reversible(verb == Verb.READ || verb == Verb.UPDATE)
                    .evidence(inv.evidence())
                    .note(verb == Verb.UNKNOWN ? "'" + words[0] + "' is not an HAProxy runtime command Interlock knows"
                            : verb == Verb.READ ? "HAProxy runtime API: " + String.join(" ", words)
                            : "changes the running HAProxy" + (host.isEmpty() ? "" : " on " + host) + ": " + String.join(" ", words));
            if (!host.isEmpty()) {
                b.locator("host", host);
            }
            inv.locators().forEach(b::locator);
            ops.add(b.build());
        }
        return Optional.of(ops);
    }
}
