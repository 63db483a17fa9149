package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis and MongoDB driver calls, and an ORM's whole-schema calls, in one-liner code. Each driver call is written back
 * as the shell command that does the same ({@code r.get('k')} is {@code redis-cli -h … get k}, {@code
 * coll.find_one({})} is {@code mongosh … --eval 'db.coll.findOne({})'}), so the client recognizers' command tables
 * decide what it does: reads are reads wherever they run, and a command they do not know stays unknown.
 */
final class DataStoreCalls {

    /**
     * A name bound to a Redis client or pipeline: {@code r = redis.Redis(…)}, {@code const c = createClient()}, Ruby's
     * {@code r = Redis.new(…)}.
     */
    private static final Pattern REDIS_CLIENT = Pattern.compile("(\\w+)\\s*=\\s*(?:await\\s+)?(?:new\\s+)?[\\w.]*?\\b"
            + "(?:Redis|StrictRedis|RedisCluster|Cluster|from_url|createClient|createCluster|pipeline|multi)(?:\\.new)?\\s*\\("
            + "|\\b(?:Redis|StrictRedis|from_url|pipeline)\\s*\\([^)]*\\)\\s+as\\s+(\\w+)");
    private static final Pattern REDIS_FACTORY = Pattern.compile("(?:Redis|StrictRedis|RedisCluster|Cluster|from_url|createClient|createCluster|pipeline|multi)");
    private static final Pattern METHOD_CALL = Pattern.compile("(\\w+|\\))\\s*\\.\\s*(\\w+)\\s*\\(");
    /** Calls on a Redis client that are the connection's own business, not commands to the server. */
    private static final Set<String> REDIS_PLUMBING = Set.of("pipeline", "pubsub", "lock", "close", "aclose", "execute",
            "exec", "connect", "disconnect", "quit", "on", "once", "duplicate", "multi", "register_script", "transaction",
            "get_connection", "initialize", "reset", "unwatch", "watch", "isOpen", "isReady");
    /** Redis commands of two words, whose driver method joins them ({@code config_get}, {@code configGet}). */
    private static final Set<String> REDIS_CONTAINERS = Set.of("config", "client", "memory", "script", "function",
            "cluster", "acl", "xinfo", "slowlog", "object", "pubsub", "latency", "command", "module", "debug", "xgroup");
    /** A name the Redis module itself is bound to: {@code const Redis = require('ioredis')}, {@code import R from 'ioredis'}. */
    private static final Pattern REDIS_MODULE = Pattern.compile("(\\w+)\\s*=\\s*require\\s*\\(\\s*['\"]i?o?redis['\"]\\s*\\)|\\bimport\\s+(\\w+)\\s+from\\s+['\"]i?o?redis['\"]");
    private static final Pattern REDIS_URL = Pattern.compile("['\"](rediss?://[^'\"]+)['\"]");
    /** Key patterns the code walks: {@code scan_iter('user:*')}, {@code keys('tmp:*')}, ioredis' {@code scanStream({match: 'x:*'})}. */
    private static final Pattern REDIS_PATTERN = Pattern.compile("\\.\\s*(?:scan_iter|scanIterator|keys|scanStream|scan)\\s*\\(\\s*(?:\\{\\s*)?(?:(?:match|MATCH|pattern)\\s*[=:]\\s*)?" + LIT);
    private static final Pattern REDIS_KILL = Pattern.compile("\\.\\s*(flushall|flushdb|flushAll|flushDb|delete|del|unlink)\\s*\\(([^)]*)\\)");

    /** Driver method → the shell's method ({@code find_one} → {@code findOne}); the JavaScript driver's names are the shell's. */
    private static final Map<String, String> MONGO_COLLECTION_METHODS = mongoMethods();
    /** A collection: {@code db['x']}, {@code db.x}, {@code collection('x')}, a variable, or Ruby's {@code client[:x]}. */
    private static final Pattern MONGO_RECEIVER = Pattern.compile("(?:\\[\\s*" + LIT + "\\s*\\]|\\.\\s*(\\w+)|(?:get_)?collection\\s*\\(\\s*"
            + LIT + "\\s*\\)|(?<![\\w.])(\\w+)|\\[\\s*:(\\w+)\\s*\\])\\s*\\.\\s*(\\w+)\\s*\\(");
    /** The Ruby driver's {@code client.database.drop}: the client's own database, written with parentheses first. */
    private static final Pattern MONGO_RUBY_DROP_DB = Pattern.compile("\\.\\s*database\\s*\\(\\s*\\)\\s*\\.\\s*drop\\s*\\(");
    private static final Pattern MONGO_DROP_DB = Pattern.compile("\\.\\s*(?:drop_database|dropDatabase)\\s*\\(\\s*" + LIT + "?");
    private static final Pattern MONGO_DROP_COLLECTION = Pattern.compile("\\.\\s*(?:drop_collection|dropCollection)\\s*\\(\\s*" + LIT);
    /** Calls on a database or the client that list or describe: what the shell's helpers do. */
    private static final Map<String, String> MONGO_DATABASE_METHODS = Map.ofEntries(
            Map.entry("list_database_names", "db.adminCommand({listDatabases: 1})"),
            Map.entry("list_databases", "db.adminCommand({listDatabases: 1})"),
            Map.entry("listDatabases", "db.adminCommand({listDatabases: 1})"),
            Map.entry("list_collection_names", "db.getCollectionNames()"),
            Map.entry("list_collections", "db.getCollectionInfos()"),
            Map.entry("listCollections", "db.getCollectionInfos()"),
            Map.entry("server_info", "db.version()"),
            Map.entry("serverStatus", "db.serverStatus()"),
            Map.entry("server_status", "db.serverStatus()"));
    /** Handles that name a database or collection without a request to the server. */
    private static final Set<String> MONGO_PLUMBING = Set.of("get_database", "get_default_database", "get_collection",
            "collection", "db", "close", "connect", "sort", "limit", "skip", "batch_size", "toArray", "next", "hasNext",
            "with_options", "admin", "start_session");
    private static final Pattern MONGO_COMMAND = Pattern.compile("\\.\\s*command\\s*\\(\\s*(?:" + LIT + "|\\{\\s*['\"](\\w+)['\"])");

    /** SQLAlchemy's schema calls: every table the models define, made or dropped at once. */
    private static final Pattern ORM_SCHEMA = Pattern.compile("\\.\\s*(drop_all|create_all|reflect)\\s*\\(");

    private DataStoreCalls() {
    }

    private static Map<String, String> mongoMethods() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String shell : List.of("find", "findOne", "countDocuments", "estimatedDocumentCount", "distinct", "aggregate",
                "watch", "insertOne", "insertMany", "updateOne", "updateMany", "replaceOne", "deleteOne", "deleteMany",
                "findOneAndUpdate", "findOneAndDelete", "findOneAndReplace", "bulkWrite", "createIndex", "createIndexes",
                "dropIndex", "dropIndexes", "drop", "remove")) {
            m.put(shell, shell);
            m.put(ClientCallSyntax.kebab(shell).replace('-', '_'), shell);
        }
        m.put("list_indexes", "getIndexes");
        m.put("listIndexes", "getIndexes");
        m.put("index_information", "getIndexes");
        m.put("indexes", "getIndexes");
        m.put("rename", "renameCollection");
        // pymongo 3's names: still in old one-liners
        m.put("insert", "insert");
        m.put("update", "update");
        m.put("save", "replaceOne");
        m.put("options", "stats");
        return Map.copyOf(m);
    }

    // --- Redis ------------------------------------------------------------------------------------------------------

    static void redis(String code, List<String> lines, List<Generic> generic, Set<String> accounted) {
        Matcher literalUrl = REDIS_URL.matcher(code);
        Optional<String> url = SdkCalls.connection(code).filter(u -> u.startsWith("redis"))
                .or(() -> literalUrl.find() ? Optional.of(literalUrl.group(1)) : Optional.empty());
        Matcher host = Regex.pattern("\\bhost\\s*[=:]\\s*" + LIT).matcher(code);
        String target = url.map(u -> "-u " + quote(u) + " ").orElse(host.find() ? "-h " + quote(lit(host, 1)) + " " : "");
        Matcher k = REDIS_KILL.matcher(code);
        while (k.find()) {
            String call = k.group(1).toLowerCase(Locale.ROOT);
            accounted.add(k.group(1));
            if (call.startsWith("flush")) {
                lines.add("redis-cli " + target + call);
            } else {
                List<String> keys = literals(k.group(2));
                Matcher walked = REDIS_PATTERN.matcher(code);
                if (!keys.isEmpty()) {
                    lines.add("redis-cli " + target + "del " + String.join(" ", keys));
                } else if (walked.find()) {
                    // r.delete(k) for k in r.scan_iter('user:*'): every key the pattern matches, however many
                    Map<String, String> locators = url.map(DataStoreCalls::databaseLocators).orElse(new LinkedHashMap<>());
                    if (url.isEmpty() && host.find(0)) {
                        locators = Map.of("host", lit(host, 1));
                    }
                    locators = new LinkedHashMap<>(locators);
                    locators.remove("database");
                    generic.add(new Generic("database", Verb.DELETE, "key", lit(walked, 1), true,
                            k.group(1) + " of every key matching " + lit(walked, 1), locators, ""));
                }
            }
        }
        List<String> clients = new ArrayList<>();
        Matcher c = REDIS_CLIENT.matcher(code);
        while (c.find()) {
            clients.add(c.group(1) != null ? c.group(1) : c.group(2));
        }
        Set<String> modules = new java.util.HashSet<>();
        Matcher module = REDIS_MODULE.matcher(code);
        while (module.find()) {
            modules.add(module.group(1) != null ? module.group(1) : module.group(2));
        }
        for (String name : modules) {
            // const R = require('ioredis'); const r = new R(url): r is a client whatever the module is called
            Matcher n = Regex.pattern("(\\w+)\\s*=\\s*(?:await\\s+)?new\\s+" + Pattern.quote(name) + "\\s*\\(").matcher(code);
            while (n.find()) {
                clients.add(n.group(1));
            }
        }
        for (String client : clients) {
            // redis-py clients take subscripts too: r['k'] reads, r['k'] = v sets, del r['k'] deletes
            Matcher s = Regex.pattern("(\\bdel\\s+)?(?<![\\w.])" + java.util.regex.Pattern.quote(client) + "\\s*\\[\\s*" + LIT
                    + "\\s*\\](\\s*=(?!=))?").matcher(code);
            while (s.find()) {
                String command = s.group(1) != null ? "del" : s.group(4) != null ? "set" : "get";
                lines.add("redis-cli " + target + command + " " + quote(lit(s, 2)));
            }
        }
        Matcher m = METHOD_CALL.matcher(code);
        while (m.find()) {
            String receiver = m.group(1);
            String method = m.group(2);
            boolean onClient = clients.contains(receiver)
                    || receiver.equals(")") && ClientCallSyntax.calledBefore(code, m.start(1) + 1).filter(n -> REDIS_FACTORY.matcher(n).matches() || modules.contains(n)).isPresent()
                    || receiver.equals(")") && Regex.find(code.substring(0, m.start(1) + 1), "\\bRedis\\s*\\.\\s*new\\s*\\([^()]*\\)$");
            if (!onClient || REDIS_KILL.matcher("." + method + "()").matches()) {
                continue;
            }
            accounted.add(method);
            if (REDIS_PLUMBING.contains(method)) {
                continue;
            }
            String args = ClientCallSyntax.callArguments(code, m.end());
            List<String> words = literals(args);
            String command = Regex.matches(method, "execute_command|send_command|sendCommand|call") && !words.isEmpty()
                    ? words.removeFirst() : redisCommand(method);
            lines.add("redis-cli " + target + command + (words.isEmpty() ? "" : " " + String.join(" ", words)));
        }
    }

    /** {@code scan_iter} → {@code scan}, {@code config_get} → {@code config get}, {@code hGetAll} → {@code hgetall}. */
    private static String redisCommand(String method) {
        String base = Regex.replaceFirst(method, "(?:_iter|Iterator)$", "");
        List<String> words = List.of(ClientCallSyntax.kebab(base).split("[-_]"));
        if (words.size() > 1 && REDIS_CONTAINERS.contains(words.getFirst())) {
            return words.getFirst() + " " + String.join("", words.subList(1, words.size()));
        }
        return String.join("", words);
    }

    private static List<String> literals(String args) {
        List<String> out = new ArrayList<>();
        Matcher k = Regex.pattern(LIT).matcher(args);
        while (k.find()) {
            out.add(quote(lit(k, 1)));
        }
        return out;
    }

    // --- MongoDB ----------------------------------------------------------------------------------------------------

    static void mongo(String code, List<String> lines, Set<String> accounted) {
        String target = SdkCalls.connection(code).filter(u -> u.startsWith("mongodb")).map(u -> quote(u) + " ").orElse("");
        Matcher db = MONGO_DROP_DB.matcher(code);
        while (db.find()) {
            String name = lit(db, 1);
            accounted.add(Regex.replaceFirst(db.group(), "^\\.\\s*(\\w+)[\\s\\S]*$", "$1"));
            lines.add("mongosh " + target + "--eval " + quote(name.isEmpty() ? "db.dropDatabase()"
                    : "db.getSiblingDB('" + name + "').dropDatabase()"));
        }
        if (MONGO_RUBY_DROP_DB.matcher(code).find()) {
            accounted.add("drop");
            lines.add("mongosh " + target + "--eval " + quote("db.dropDatabase()"));
        }
        Matcher dc = MONGO_DROP_COLLECTION.matcher(code);
        while (dc.find()) {
            accounted.add(Regex.replaceFirst(dc.group(), "^\\.\\s*(\\w+)[\\s\\S]*$", "$1"));
            lines.add("mongosh " + target + "--eval " + quote("db." + lit(dc, 1) + ".drop()"));
        }
        Matcher c = MONGO_RECEIVER.matcher(code);
        while (c.find()) {
            String method = c.group(8);
            String shell = MONGO_COLLECTION_METHODS.get(method);
            if (shell == null) {
                continue;
            }
            String collection = c.group(1) != null || c.group(2) != null ? lit(c, 1) : c.group(3) != null ? c.group(3)
                    : c.group(4) != null || c.group(5) != null ? lit(c, 4) : c.group(6) != null ? c.group(6) : c.group(7);
            String args = ClientCallSyntax.callArguments(code, c.end());
            String shellArgs = shell.equals("renameCollection") || shell.equals("stats") ? "" : args.strip();
            accounted.add(method);
            lines.add("mongosh " + target + "--eval " + quote("db." + collection + "." + shell + "(" + shellArgs + ")"));
        }
        MONGO_DATABASE_METHODS.forEach((method, js) -> {
            if (Regex.find(code, "\\.\\s*" + method + "\\s*\\(")) {
                accounted.add(method);
                lines.add("mongosh " + target + "--eval " + quote(js));
            }
        });
        Matcher command = MONGO_COMMAND.matcher(code);
        while (command.find()) {
            String name = command.group(3) != null ? command.group(3) : lit(command, 1);
            accounted.add("command");
            lines.add("mongosh " + target + "--eval " + quote("db.runCommand({" + name + ": 1})"));
        }
        accounted.addAll(MONGO_PLUMBING);
    }

    // --- ORM schema calls -------------------------------------------------------------------------------------------

    /**
     * {@code Base.metadata.drop_all(engine)} drops every table the models define in the database the engine names;
     * {@code create_all} makes the missing ones; {@code reflect} only reads the catalog.
     */
    static void ormSchema(String code, List<Generic> generic, Set<String> accounted) {
        Matcher m = ORM_SCHEMA.matcher(code);
        while (m.find()) {
            accounted.add(m.group(1));
            Optional<String> url = SdkCalls.connection(code);
            Map<String, String> locators = url.map(DataStoreCalls::databaseLocators).orElse(Map.of());
            String database = locators.getOrDefault("database", "");
            String local = url.filter(u -> u.startsWith("sqlite")).isPresent() ? "a SQLite file on this machine" : "";
            Verb verb = switch (m.group(1)) {
                case "drop_all" -> Verb.DELETE;
                case "create_all" -> Verb.CREATE;
                default -> Verb.READ;
            };
            generic.add(new Generic("database", verb, "tables", database, verb == Verb.DELETE,
                    "metadata." + m.group(1) + "()", locators, local));
        }
    }

    /** {@code postgresql+psycopg2://user@host:5432/app_test} → host and database. */
    static Map<String, String> databaseLocators(String url) {
        Matcher u = Regex.pattern("^[\\w+]+://(?:[^@/]*@)?([^/:?]*)(?::\\d+)?(?:/([^?]+))?").matcher(url);
        Map<String, String> out = new LinkedHashMap<>();
        if (u.find()) {
            if (!u.group(1).isEmpty()) {
                out.put("host", u.group(1).toLowerCase(Locale.ROOT));
            }
            if (u.group(2) != null && !url.startsWith("sqlite")) {
                out.put("database", u.group(2));
            }
        }
        return out;
    }
}
