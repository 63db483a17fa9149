package dev.interlock.analysis.shell.recognizers.network;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
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
 * Data stores that speak a line protocol, reached with {@code nc}/{@code telnet} and input known statically
 * ({@code printf 'stats\r\n' | nc cache.prod 11211}): the lines piped in are the commands the server runs, so they are
 * judged as such instead of as data sent away. memcached (port 11211): {@code stats}, {@code get} and
 * {@code version} read, storage commands write a key, {@code delete} deletes one, {@code flush_all} empties the cache.
 * Redis (port 6379) takes the same command lines as {@code redis-cli}, whose recognizer judges them. ZooKeeper (port
 * 2181, or a host named {@code zk}/{@code zookeeper}) answers four-letter words: {@code mntr}, {@code ruok},
 * {@code stat} and the other reports read, {@code crst}/{@code srst} reset statistics. Input that is not
 * known, or a port that is not one of these, stays a plain socket.
 */
final class TextProtocols {

    private record Command(Verb verb, String type, Scope scope, boolean stateful, String note) {
    }

    private static final Command READ = new Command(Verb.READ, "key", Scope.ONE, false, "");
    private static final Command STATUS = new Command(Verb.READ, "cache", Scope.ONE, false, "");
    private static final Command WRITE = new Command(Verb.UPDATE, "key", Scope.ONE, false, "writes the key");
    private static final Map<String, Command> MEMCACHED = Map.ofEntries(
            Map.entry("stats", STATUS), Map.entry("version", STATUS), Map.entry("mn", STATUS), Map.entry("watch", STATUS),
            Map.entry("lru_crawler", STATUS), Map.entry("get", READ), Map.entry("gets", READ), Map.entry("gat", READ),
            Map.entry("gats", READ), Map.entry("mg", READ), Map.entry("me", READ),
            Map.entry("set", WRITE), Map.entry("add", WRITE), Map.entry("replace", WRITE), Map.entry("append", WRITE),
            Map.entry("prepend", WRITE), Map.entry("cas", WRITE), Map.entry("incr", WRITE), Map.entry("decr", WRITE),
            Map.entry("touch", WRITE), Map.entry("ms", WRITE), Map.entry("ma", WRITE),
            Map.entry("delete", new Command(Verb.DELETE, "key", Scope.ONE, false, "deletes the key")),
            Map.entry("md", new Command(Verb.DELETE, "key", Scope.ONE, false, "deletes the key")),
            Map.entry("flush_all", new Command(Verb.DELETE, "cache", Scope.ALL, true, "empties the cache: every key is gone")),
            Map.entry("verbosity", new Command(Verb.UPDATE, "config", Scope.ONE, false, "changes the server's logging")),
            Map.entry("cache_memlimit", new Command(Verb.UPDATE, "config", Scope.ONE, false, "changes the cache's memory limit")),
            Map.entry("slabs", new Command(Verb.UPDATE, "config", Scope.ONE, false, "moves memory between slab classes")),
            Map.entry("shutdown", new Command(Verb.UPDATE, "host", Scope.ALL, false, "shuts the server down")));
    /** Storage commands are followed by a line of data, which is not a command. */
    private static final Set<String> WITH_DATA = Set.of("set", "add", "replace", "append", "prepend", "cas");

    private static final String END = "INTERLOCK_EOF";

    private TextProtocols() {
    }

    /**
     * ZooKeeper's four-letter words ({@code echo mntr | nc zk-1 2181}): reports of the server's state and its sessions;
     * {@code crst} and {@code srst} reset its statistics.
     */
    private static final Set<String> ZOOKEEPER_REPORTS = Set.of("mntr", "ruok", "stat", "srvr", "conf", "envi", "cons",
            "wchs", "wchc", "wchp", "dump", "isro", "dirs", "gtmk");
    private static final Set<String> ZOOKEEPER_RESETS = Set.of("crst", "srst");

    /** The commands {@code input} sends to {@code host:port}, when the port is a known protocol's. */
    static Optional<List<Operation>> of(Invocation inv, Nested nested, String host, String port, String input) {
        if (port.equals("2181") || Regex.find(host, "(?i)(^|[.-])(zk|zoo|zookeeper)[0-9]*([.-]|$)")) {
            Optional<List<Operation>> words = zookeeper(inv, host, input);
            if (words.isPresent()) {
                return words;
            }
        }
        return switch (port) {
            case "11211" -> Optional.of(memcached(inv, host, input));
            case "6379" -> Optional.of(redis(inv, nested, host, input));
            default -> Optional.empty();
        };
    }

    private static List<Operation> memcached(Invocation inv, String host, String input) {
        List<Operation> ops = new ArrayList<>();
        boolean data = false;
        for (String line : Regex.split(input, "\r?\n")) {
            String[] words = Regex.split(line.trim(), "\\s+");
            String name = words[0].toLowerCase(Locale.ROOT);
            if (data || name.isEmpty() || name.equals("quit")) {
                data = false;
                continue;
            }
            data = WITH_DATA.contains(name);
            Command c = MEMCACHED.get(name);
            Operation.Builder b = c == null
                    ? Operation.builder("database", Verb.UNKNOWN).resource("cache", "").confidence(Confidence.INFERRED)
                            .note("'" + name + "' is not a memcached command Interlock knows")
                    : Operation.builder(c.type().equals("host") ? "process" : "database", c.verb())
                            .resource(c.type(), c.type().equals("key") && words.length > 1 ? words[1] : "")
                            .scope(c.scope()).stateful(c.stateful()).reversible(c.verb() == Verb.READ)
                            .note(c.note().isEmpty() ? "memcached " + name : c.note());
            ops.add(b.locator("host", host).evidence(inv.evidence()).build());
        }
        return ops.isEmpty() ? List.of(Operation.builder("database", Verb.READ).resource("cache", "").locator("host", host)
                .evidence(inv.evidence()).note("connects without commands").build()) : ops;
    }

    /** Only input made of four-letter words is judged here; anything else stays data sent to the server. */
    private static Optional<List<Operation>> zookeeper(Invocation inv, String host, String input) {
        List<Operation> ops = new ArrayList<>();
        for (String line : Regex.split(input.strip(), "\\s+")) {
            String word = line.toLowerCase(Locale.ROOT);
            boolean reset = ZOOKEEPER_RESETS.contains(word);
            if (!reset && !ZOOKEEPER_REPORTS.contains(word)) {
                return Optional.empty();
            }
            ops.add(Operation.builder("zookeeper", reset ? Verb.UPDATE : Verb.READ).resource(reset ? "statistics" : "server", host)
                    .locator("host", host).evidence(inv.evidence())
                    .note(reset ? "ZooKeeper '" + word + "' resets the server's statistics" : "ZooKeeper '" + word + "' reports the server's state")
                    .build());
        }
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
    }

    /** Redis's inline commands are redis-cli's lines: the same recognizer judges them, against the same server. */
    private static List<Operation> redis(Invocation inv, Nested nested, String host, String input) {
        String lines = String.join("\n", Regex.split(input.strip(), "\r?\n"));
        if (lines.contains(END)) {
            return List.of(Operation.builder("database", Verb.UNKNOWN).resource("database", "").locator("host", host)
                    .confidence(Confidence.INFERRED).evidence(inv.evidence()).note("commands sent to Redis").build());
        }
        List<Operation> ops = new ArrayList<>();
        String command = "redis-cli -h " + dev.interlock.analysis.shell.Arg.of(host).shellText() + " <<'" + END + "'\n" + lines + "\n" + END + "\n";
        for (Operation op : nested.shell(command, inv)) {
            ops.add(op.withEvidence(inv.evidence()));
        }
        return ops;
    }
}
