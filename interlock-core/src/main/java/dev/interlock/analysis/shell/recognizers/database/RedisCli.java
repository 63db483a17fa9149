package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.Action;
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
 * {@code redis-cli}: the command after the options is looked up in a table of Redis commands. Keys are the resource;
 * {@code FLUSHALL}/{@code FLUSHDB} empty everything, {@code DEL k1 k2} deletes what it names, {@code SHUTDOWN} is an
 * outage; {@code MIGRATE} writes into the server it names ({@link RedisMigrate}). {@code SENTINEL} and {@code CLUSTER}
 * subcommands that ask (masters, get-master-addr-by-name, nodes, slots) read; those that fail over, forget nodes or move
 * slots change the topology. {@code EVAL}'s Lua script is judged by the commands it calls ({@link RedisScripts}); the
 * {@code _RO} variants only read. The target is
 * {@code -h}/{@code -u redis://…}/{@code REDIS_URL}, and {@code -n} the database number.
 */
final class RedisCli {

    private static final Set<String> VALUED = Set.of("-h", "-p", "-a", "-n", "-u", "-s", "-r", "-i", "--user", "--pass",
            "--pattern", "--rdb", "--eval", "--cert", "--key", "--cacert", "--sni", "--count", "--functions-rdb", "-d", "-D",
            "--quoted-pattern", "--cluster", "--cluster-replicas", "--cluster-from", "--cluster-to", "--cluster-slots",
            "--cluster-weight", "--cluster-threshold", "--cluster-pipeline", "--cluster-search-multiple-owners");


    private static final Action READ = new Action(Verb.READ, "key", Scope.ONE, false, true, "");
    private static final Action WRITE = new Action(Verb.UPDATE, "key", Scope.ONE, false, true, "");
    /** What a sentinel reports: the primaries it watches, their replicas and addresses. */
    private static final Action TOPOLOGY = new Action(Verb.READ, "cluster", Scope.ONE, false, true, "");
    /**
     * {@code redis-cli --cluster SUBCOMMAND HOST:PORT}: the cluster manager. Checking and reporting read; the rest move
     * slots, add or drop nodes, or run a command on every node.
     */
    private static final Map<String, Action> CLUSTER = Map.ofEntries(
            Map.entry("check", TOPOLOGY), Map.entry("info", TOPOLOGY), Map.entry("help", TOPOLOGY),
            Map.entry("create", new Action(Verb.CREATE, "cluster", Scope.ALL, false, true, "forms a cluster of the nodes")),
            Map.entry("fix", new Action(Verb.UPDATE, "cluster", Scope.ALL, false, true, "reassigns slots to repair the cluster")),
            Map.entry("reshard", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "moves hash slots and their keys between nodes")),
            Map.entry("rebalance", new Action(Verb.UPDATE, "cluster", Scope.ALL, false, true, "moves hash slots and their keys between nodes")),
            Map.entry("add-node", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "adds a node to the cluster")),
            Map.entry("del-node", new Action(Verb.DELETE, "node", Scope.ONE, true, false, "removes a node from the cluster and shuts it down")),
            Map.entry("set-timeout", new Action(Verb.UPDATE, "config", Scope.ALL, false, true, "changes every node's cluster timeout")),
            Map.entry("import", new Action(Verb.UPDATE, "database", Scope.ALL, false, true, "imports keys from another server into the cluster")),
            Map.entry("backup", new Action(Verb.READ, "database", Scope.ALL, false, true, "copies every node's data set to a local directory")),
            Map.entry("call", new Action(Verb.UNKNOWN, "database", Scope.ALL, false, false, "runs a command on every node")));

    private static final Map<String, Action> COMMANDS = Map.ofEntries(
            Map.entry("FLUSHALL", new Action(Verb.DELETE, "database", Scope.ALL, true, false, "empties every database on the server")),
            Map.entry("FLUSHDB", new Action(Verb.DELETE, "database", Scope.ALL, true, false, "empties the database")),
            Map.entry("SWAPDB", new Action(Verb.REPLACE, "database", Scope.ALL, true, true, "swaps two databases")),
            // a replica discards its own data set to copy the primary's
            Map.entry("REPLICAOF", new Action(Verb.REPLACE, "database", Scope.ALL, true, false, "makes the server a replica; its data is discarded")),
            Map.entry("SLAVEOF", new Action(Verb.REPLACE, "database", Scope.ALL, true, false, "makes the server a replica; its data is discarded")),
            Map.entry("SHUTDOWN", new Action(Verb.UPDATE, "host", Scope.ALL, false, false, "shuts the server down")),
            Map.entry("DEBUG", new Action(Verb.UNKNOWN, "host", Scope.ALL, false, false, "DEBUG can crash or stall the server")),
            Map.entry("CONFIG SET", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "changes the server configuration")),
            Map.entry("CONFIG REWRITE", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "rewrites the configuration file")),
            Map.entry("CONFIG RESETSTAT", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "")),
            Map.entry("SCRIPT FLUSH", new Action(Verb.DELETE, "script", Scope.ALL, false, true, "removes cached scripts")),
            Map.entry("FUNCTION FLUSH", new Action(Verb.DELETE, "function", Scope.ALL, true, false, "removes every function library")),
            Map.entry("FUNCTION DELETE", new Action(Verb.DELETE, "function", Scope.ONE, true, false, "")),
            Map.entry("ACL SETUSER", new Action(Verb.GRANT, "user", Scope.ONE, false, true, "changes a user's permissions")),
            Map.entry("ACL DELUSER", new Action(Verb.GRANT, "user", Scope.ONE, false, true, "removes a user")),
            Map.entry("CLIENT KILL", new Action(Verb.UPDATE, "client", Scope.MANY, false, true, "disconnects clients")),
            Map.entry("CLUSTER RESET", new Action(Verb.DELETE, "database", Scope.ALL, true, false, "resets the cluster node")),
            Map.entry("CLUSTER FAILOVER", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "forces a failover")),
            // CLUSTER's other changes: which nodes belong and which slots (keys) each one serves
            Map.entry("CLUSTER FORGET", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "removes a node from the cluster")),
            Map.entry("CLUSTER MEET", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "adds a node to the cluster")),
            Map.entry("CLUSTER REPLICATE", new Action(Verb.REPLACE, "database", Scope.ALL, true, false, "makes the node a replica; its data is discarded")),
            Map.entry("CLUSTER ADDSLOTS", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "assigns hash slots to the node")),
            Map.entry("CLUSTER ADDSLOTSRANGE", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "assigns hash slots to the node")),
            Map.entry("CLUSTER DELSLOTS", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "unassigns hash slots: their keys stop being served")),
            Map.entry("CLUSTER DELSLOTSRANGE", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "unassigns hash slots: their keys stop being served")),
            Map.entry("CLUSTER FLUSHSLOTS", new Action(Verb.UPDATE, "cluster", Scope.ALL, false, true, "unassigns every slot of the node")),
            Map.entry("CLUSTER SETSLOT", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "moves a hash slot between nodes")),
            Map.entry("CLUSTER SAVECONFIG", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "")),
            Map.entry("CLUSTER SET-CONFIG-EPOCH", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "")),
            Map.entry("CLUSTER BUMPEPOCH", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "")),
            Map.entry("CLIENT PAUSE", new Action(Verb.UPDATE, "client", Scope.ALL, false, true, "stops serving clients for a while")),
            // Sentinel (redis-cli -p 26379): who is primary and how it is watched; asking is a read, changing it is not
            Map.entry("SENTINEL FAILOVER", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "forces a failover to a replica")),
            Map.entry("SENTINEL RESET", new Action(Verb.UPDATE, "cluster", Scope.MANY, false, true, "forgets the primaries' replicas and sentinels")),
            Map.entry("SENTINEL REMOVE", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "stops watching a primary: no failover for it any more")),
            Map.entry("SENTINEL MONITOR", new Action(Verb.UPDATE, "cluster", Scope.ONE, false, true, "starts watching a primary")),
            Map.entry("SENTINEL SET", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "changes how a primary is watched")),
            Map.entry("SENTINEL CONFIG", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "changes the sentinel's configuration")),
            Map.entry("SENTINEL FLUSHCONFIG", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "rewrites the sentinel's configuration file")),
            Map.entry("SENTINEL SIMULATE-FAILURE", new Action(Verb.UPDATE, "host", Scope.ONE, false, true, "makes the sentinel crash on purpose")),
            Map.entry("SENTINEL DEBUG", new Action(Verb.UPDATE, "config", Scope.ONE, false, true, "changes the sentinel's timings")),
            Map.entry("SENTINEL CONFIG GET", TOPOLOGY), Map.entry("SENTINEL MASTERS", TOPOLOGY),
            Map.entry("SENTINEL MASTER", TOPOLOGY), Map.entry("SENTINEL PRIMARIES", TOPOLOGY),
            Map.entry("SENTINEL PRIMARY", TOPOLOGY), Map.entry("SENTINEL REPLICAS", TOPOLOGY),
            Map.entry("SENTINEL SLAVES", TOPOLOGY), Map.entry("SENTINEL SENTINELS", TOPOLOGY),
            Map.entry("SENTINEL GET-MASTER-ADDR-BY-NAME", TOPOLOGY), Map.entry("SENTINEL GET-PRIMARY-ADDR-BY-NAME", TOPOLOGY),
            Map.entry("SENTINEL CKQUORUM", TOPOLOGY), Map.entry("SENTINEL INFO-CACHE", TOPOLOGY),
            Map.entry("SENTINEL MYID", TOPOLOGY), Map.entry("SENTINEL PENDING-SCRIPTS", TOPOLOGY),
            Map.entry("SENTINEL IS-MASTER-DOWN-BY-ADDR", TOPOLOGY), Map.entry("SENTINEL IS-PRIMARY-DOWN-BY-ADDR", TOPOLOGY),
            Map.entry("EVAL", new Action(Verb.EXECUTE, "script", Scope.ONE, false, true, "runs a Lua script on the server")),
            Map.entry("EVALSHA", new Action(Verb.EXECUTE, "script", Scope.ONE, false, true, "runs a cached Lua script")),
            Map.entry("FCALL", new Action(Verb.EXECUTE, "script", Scope.ONE, false, true, "runs a server-side function")),
            // the _RO variants: the server refuses any command in them that writes
            Map.entry("EVAL_RO", new Action(Verb.READ, "script", Scope.ONE, false, true, "runs a read-only Lua script")),
            Map.entry("EVALSHA_RO", new Action(Verb.READ, "script", Scope.ONE, false, true, "runs a cached read-only Lua script")),
            Map.entry("FCALL_RO", new Action(Verb.READ, "script", Scope.ONE, false, true, "runs a read-only server-side function")),
            Map.entry("RENAME", new Action(Verb.UPDATE, "key", Scope.ONE, true, false, "renames a key, overwriting the target")),
            Map.entry("EXPIRE", new Action(Verb.UPDATE, "key", Scope.ONE, true, true, "the key will be deleted when it expires")),
            Map.entry("GETDEL", new Action(Verb.DELETE, "key", Scope.ONE, true, false, "")),
            Map.entry("SAVE", WRITE), Map.entry("BGSAVE", WRITE), Map.entry("BGREWRITEAOF", WRITE),
            Map.entry("SET", WRITE), Map.entry("MSET", WRITE), Map.entry("SETEX", WRITE), Map.entry("SETNX", WRITE),
            Map.entry("PSETEX", WRITE), Map.entry("GETSET", WRITE), Map.entry("APPEND", WRITE), Map.entry("INCR", WRITE),
            Map.entry("INCRBY", WRITE), Map.entry("DECR", WRITE), Map.entry("DECRBY", WRITE), Map.entry("HSET", WRITE),
            Map.entry("HMSET", WRITE), Map.entry("HDEL", WRITE), Map.entry("HINCRBY", WRITE), Map.entry("LPUSH", WRITE),
            Map.entry("RPUSH", WRITE), Map.entry("LPOP", WRITE), Map.entry("RPOP", WRITE), Map.entry("LREM", WRITE),
            Map.entry("LTRIM", WRITE), Map.entry("SADD", WRITE), Map.entry("SREM", WRITE), Map.entry("ZADD", WRITE),
            Map.entry("ZREM", WRITE), Map.entry("ZINCRBY", WRITE), Map.entry("XADD", WRITE), Map.entry("XDEL", WRITE),
            Map.entry("XTRIM", WRITE), Map.entry("PUBLISH", WRITE), Map.entry("PERSIST", WRITE), Map.entry("PEXPIRE", WRITE),
            Map.entry("MOVE", WRITE), Map.entry("COPY", WRITE), Map.entry("RESTORE", WRITE), Map.entry("PFADD", WRITE),
            Map.entry("SETRANGE", WRITE), Map.entry("SETBIT", WRITE), Map.entry("LSET", WRITE), Map.entry("LINSERT", WRITE),
            Map.entry("SPOP", WRITE), Map.entry("ZPOPMIN", WRITE), Map.entry("ZPOPMAX", WRITE), Map.entry("XGROUP", WRITE),
            Map.entry("XACK", WRITE), Map.entry("FUNCTION LOAD", WRITE), Map.entry("SCRIPT LOAD", WRITE),
            Map.entry("GET", READ), Map.entry("MGET", READ), Map.entry("KEYS", READ), Map.entry("SCAN", READ),
            Map.entry("INFO", READ), Map.entry("PING", READ), Map.entry("TTL", READ), Map.entry("PTTL", READ),
            Map.entry("TYPE", READ), Map.entry("EXISTS", READ), Map.entry("DBSIZE", READ), Map.entry("HGET", READ),
            Map.entry("HGETALL", READ), Map.entry("HMGET", READ), Map.entry("HKEYS", READ), Map.entry("HVALS", READ),
            Map.entry("HLEN", READ), Map.entry("HEXISTS", READ), Map.entry("HSCAN", READ), Map.entry("LRANGE", READ),
            Map.entry("LLEN", READ), Map.entry("LINDEX", READ), Map.entry("SMEMBERS", READ), Map.entry("SCARD", READ),
            Map.entry("SISMEMBER", READ), Map.entry("SSCAN", READ), Map.entry("ZRANGE", READ), Map.entry("ZRANGEBYSCORE", READ),
            Map.entry("ZREVRANGE", READ), Map.entry("ZCARD", READ), Map.entry("ZSCORE", READ), Map.entry("ZRANK", READ),
            Map.entry("ZSCAN", READ), Map.entry("XRANGE", READ), Map.entry("XREVRANGE", READ), Map.entry("XREAD", READ),
            Map.entry("XLEN", READ), Map.entry("XINFO", READ), Map.entry("STRLEN", READ), Map.entry("GETRANGE", READ),
            Map.entry("ECHO", READ), Map.entry("TIME", READ), Map.entry("LASTSAVE", READ), Map.entry("ROLE", READ),
            Map.entry("OBJECT", READ), Map.entry("MEMORY", READ), Map.entry("PUBSUB", READ), Map.entry("SUBSCRIBE", READ),
            Map.entry("PSUBSCRIBE", READ), Map.entry("MONITOR", READ), Map.entry("SLOWLOG", READ), Map.entry("CLIENT", READ),
            Map.entry("CONFIG", READ), Map.entry("CLUSTER", READ), Map.entry("COMMAND", READ), Map.entry("LATENCY", READ),
            Map.entry("DUMP", READ), Map.entry("RANDOMKEY", READ), Map.entry("BITCOUNT", READ), Map.entry("PFCOUNT", READ),
            Map.entry("ACL", READ), Map.entry("HELLO", READ), Map.entry("AUTH", READ), Map.entry("SELECT", READ),
            Map.entry("SCRIPT", READ), Map.entry("FUNCTION", READ), Map.entry("MODULE", READ), Map.entry("WAIT", READ));

    /** Configuration parameters that hold passwords in clear. */
    private static final List<String> SECRET_PARAMETERS = List.of("requirepass", "masterauth", "masteruser",
            "tls-key-file-pass", "tls-client-key-file-pass");

    private RedisCli() {
    }

    /** {@code CONFIG GET requirepass}, or a pattern that takes it in ({@code *}, {@code *pass*}). */
    private static boolean namesSecret(Arg pattern) {
        if (!pattern.literal()) {
            return true;
        }
        String regex = "(?i)" + java.util.regex.Pattern.quote(pattern.value()).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q");
        return SECRET_PARAMETERS.stream().anyMatch(p -> Regex.matches(p, regex));
    }

    static List<Operation> recognize(Invocation inv, dev.interlock.analysis.shell.Nested nested) {
        if (DatabaseOps.help(inv, "-v")) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("-u"), true, inv);
        target = DatabaseOps.flag(target, p.value("-h"), true, inv);
        target = target.withDatabase(p.value("-n").map(n -> "db" + n).orElse(""));
        target = target.or(DatabaseTarget.fromEnv(inv.env()).withDatabase(""));
        List<Operation> ops = new ArrayList<>();
        Optional<List<List<Arg>>> luaCalls = RedisScripts.isEval(p.positionals()) ? RedisScripts.calls(p.positionals()) : Optional.empty();
        if (p.has("--cluster")) {
            return cluster(p, inv, target);
        }
        if (p.has("--eval")) {
            ops.add(op(inv, Verb.EXECUTE, "script", p.value("--eval").orElse("")).confidence(Confidence.OPAQUE)
                    .note("runs the Lua script file " + p.value("--eval").orElse("") + ", which cannot be read statically").build());
        } else if (p.has("--scan", "--bigkeys", "--memkeys", "--hotkeys", "--stat", "--latency", "--latency-history",
                "--latency-dist", "--intrinsic-latency", "--keystats")) {
            ops.add(op(inv, Verb.READ, "key", p.value("--pattern").orElse("*")).note("scans keys").build());
        } else if (p.has("--rdb")) {
            ops.add(DatabaseAdminTools.dataCopy(op(inv, Verb.READ, "database", ""), true).scope(Scope.ALL)
                    .note("copies the whole data set to a local file").build());
        } else if (p.has("--functions-rdb")) {
            ops.add(op(inv, Verb.READ, "function", "").note("copies the function libraries to a local file").build());
        } else if (p.has("--pipe")) {
            ops.add(op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.INFERRED)
                    .note("sends raw commands from standard input").build());
        } else if (!p.positionals().isEmpty() && p.positionals().getFirst().literal()
                && p.positionals().getFirst().value().equalsIgnoreCase("MIGRATE")) {
            ops.addAll(RedisMigrate.of(p.positionals(), inv));
        } else if (luaCalls.isPresent()) {
            ops.addAll(script(luaCalls.get(), inv));
        } else if (!p.positionals().isEmpty()) {
            ops.add(command(p.positionals(), inv, p.has("-x")));
        } else if (inv.stdin().isPresent()) {
            for (String line : inv.stdin().get().split("\n")) {
                if (!line.isBlank()) {
                    ops.add(command(Regex.split(line.trim(), "\\s+"), inv));
                }
            }
        } else {
            ops.add(DatabaseOps.session(inv, target.database()));
        }
        return DatabaseOps.locateClient(ops, target, inv);
    }

    /** The cluster manager, placed by the node its first positional names ({@code redis-prod-1:6379}). */
    private static List<Operation> cluster(ParsedArgs p, Invocation inv, DatabaseTarget target) {
        String sub = p.value("--cluster").orElse("").toLowerCase(java.util.Locale.ROOT);
        List<Arg> rest = p.positionals();
        String node = rest.isEmpty() ? "" : rest.getFirst().value();
        DatabaseTarget placed = node.isEmpty() ? target
                : DatabaseOps.flag(DatabaseTarget.NONE, Optional.of(node.contains(":") ? node.substring(0, node.lastIndexOf(':')) : node), true, inv)
                        .or(target);
        Operation op;
        if (sub.equals("call") && rest.size() > 1) {
            // the command is judged as if run on one node, on all of them
            op = command(rest.subList(1, rest.size()), inv, false).toBuilder().scope(Scope.ALL).build();
        } else {
            Action row = CLUSTER.getOrDefault(sub, new Action(Verb.UNKNOWN, "cluster", Scope.ALL, false, false,
                    "a cluster subcommand Interlock does not list"));
            Operation.Builder b = row.on(DatabaseOps.SYSTEM, node, inv);
            op = sub.equals("backup") ? DatabaseAdminTools.dataCopy(b, true).build() : b.build();
        }
        return DatabaseOps.locateClient(List.of(op), placed, inv);
    }

    /** A Lua script is judged by the commands it calls, as if each were given on the line ({@link RedisScripts}). */
    private static List<Operation> script(List<List<Arg>> calls, Invocation inv) {
        if (calls.isEmpty()) {
            return List.of(op(inv, Verb.READ, "script", "").note("runs a Lua script that calls no Redis command").build());
        }
        List<Operation> ops = new ArrayList<>();
        for (List<Arg> call : calls) {
            Operation op = command(call, inv, false);
            Operation noted = op.toBuilder().note((op.note().isEmpty() ? "" : op.note() + "; ") + "redis.call('"
                    + call.getFirst().value() + "') in the EVAL script").build();
            if (!ops.contains(noted)) {
                ops.add(noted);
            }
        }
        return ops;
    }

    private static Operation command(String[] words, Invocation inv) {
        return command(java.util.Arrays.stream(words).map(Arg::of).toList(), inv, false);
    }

    private static Operation command(List<Arg> words, Invocation inv, boolean lastFromStdin) {
        Arg first = words.getFirst();
        if (!first.literal()) {
            return op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.OPAQUE)
                    .note("the Redis command comes from " + first.value()).build();
        }
        String name = first.value().toUpperCase(Locale.ROOT);
        String sub = words.size() > 1 ? name + " " + words.get(1).value().toUpperCase(Locale.ROOT) : name;
        List<Arg> keys = words.subList(1, words.size());
        if (name.equals("DEL") || name.equals("UNLINK")) {
            boolean unresolved = keys.isEmpty() || lastFromStdin || keys.stream().anyMatch(k -> !k.literal() || k.glob());
            // without keys on the line they come from standard input (KEYS … | xargs redis-cli DEL): many
            Scope scope = keys.size() == 1 && !unresolved ? Scope.ONE : Scope.MANY;
            // like rm of one file (docs/risk.md), one named key is not counted as stateful; a batch is
            return op(inv, Verb.DELETE, "key", keys.isEmpty() ? "" : String.join(" ", keys.stream().map(Arg::value).toList()))
                    .scope(scope).stateful(scope != Scope.ONE).reversible(false)
                    .confidence(unresolved ? Confidence.INFERRED : Confidence.EXACT)
                    .note(keys.isEmpty() ? "deletes keys given on standard input" : "deletes keys").build();
        }
        if (sub.equals("CONFIG GET") && keys.size() > 1 && keys.subList(1, keys.size()).stream().anyMatch(RedisCli::namesSecret)) {
            return op(inv, Verb.CREDENTIAL, "config", keys.get(1).value()).note("prints the server's passwords in clear").build();
        }
        // three words where a subcommand has its own (SENTINEL CONFIG GET reads, SENTINEL CONFIG SET changes)
        Action row = words.size() > 2 ? COMMANDS.get(sub + " " + words.get(2).value().toUpperCase(Locale.ROOT)) : null;
        row = row != null ? row : COMMANDS.getOrDefault(sub, COMMANDS.get(name));
        if (row == null) {
            return DatabaseOps.unknown(inv, "unrecognized Redis command " + name);
        }
        String resource = row.type().equals("key") && !keys.isEmpty() ? keys.getFirst().value() : "";
        Scope scope = row.type().equals("key") && (name.equals("MSET") || name.equals("MGET")) ? Scope.MANY : row.scope();
        // a server shutdown is an outage of the process, not a change to the data
        String system = row.type().equals("host") && row.verb() == Verb.UPDATE ? "process" : DatabaseOps.SYSTEM;
        return op(inv, row.verb(), row.type(), resource).system(system).scope(scope).stateful(row.stateful())
                .reversible(row.reversible())
                .note(row.note().isEmpty() ? "" : row.note()).build();
    }
}
