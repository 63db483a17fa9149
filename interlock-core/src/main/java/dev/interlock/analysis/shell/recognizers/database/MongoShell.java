package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import static dev.interlock.analysis.shell.recognizers.database.DatabaseOps.op;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mongosh} and the legacy {@code mongo} shell. Their scripts are JavaScript, which is not parsed; instead the
 * shell's data methods are recognized wherever they are called ({@code db.orders.deleteMany({})}): the method decides
 * the verb, the collection it is called on the resource, and an empty filter makes the scope all.
 */
final class MongoShell {

    private static final Set<String> VALUED = Set.of("--host", "--port", "--eval", "-f", "--file", "-u", "--username",
            "-p", "--password", "--authenticationDatabase", "--authenticationMechanism", "--tlsCAFile",
            "--tlsCertificateKeyFile", "--apiVersion", "--sslCAFile", "--sslPEMKeyFile");

    /** What a shell method does; {@code filtered} methods take a filter first, and an empty one means every document. */
    private record Row(Verb verb, String type, Scope scope, boolean stateful, boolean reversible, boolean filtered, String note) {
    }

    private static final Row READ = new Row(Verb.READ, "collection", Scope.ONE, false, true, false, "");
    private static final Map<String, Row> METHODS = Map.ofEntries(
            Map.entry("dropDatabase", new Row(Verb.DELETE, "database", Scope.ALL, true, false, false, "drops the database")),
            Map.entry("drop", new Row(Verb.DELETE, "collection", Scope.ALL, true, false, false, "drops the collection")),
            Map.entry("deleteMany", new Row(Verb.DELETE, "collection", Scope.MANY, true, false, true, "deletes documents")),
            Map.entry("remove", new Row(Verb.DELETE, "collection", Scope.MANY, true, false, true, "deletes documents")),
            // one document, not the collection: a targeted change, like DELETE … WHERE id = 42
            Map.entry("deleteOne", new Row(Verb.DELETE, "document", Scope.ONE, true, false, false, "deletes a document")),
            Map.entry("findOneAndDelete", new Row(Verb.DELETE, "document", Scope.ONE, true, false, false, "deletes a document")),
            Map.entry("updateMany", new Row(Verb.UPDATE, "collection", Scope.MANY, true, false, true, "overwrites fields of documents")),
            Map.entry("update", new Row(Verb.UPDATE, "collection", Scope.MANY, true, false, true, "overwrites fields of documents")),
            Map.entry("bulkWrite", new Row(Verb.UPDATE, "collection", Scope.MANY, true, false, false, "writes a batch of changes")),
            Map.entry("updateOne", new Row(Verb.UPDATE, "collection", Scope.ONE, true, false, false, "changes a document")),
            Map.entry("replaceOne", new Row(Verb.UPDATE, "collection", Scope.ONE, true, false, false, "replaces a document")),
            Map.entry("findOneAndUpdate", new Row(Verb.UPDATE, "collection", Scope.ONE, true, false, false, "changes a document")),
            Map.entry("findOneAndReplace", new Row(Verb.UPDATE, "collection", Scope.ONE, true, false, false, "replaces a document")),
            Map.entry("findAndModify", new Row(Verb.UPDATE, "collection", Scope.ONE, true, false, false, "changes or removes a document")),
            Map.entry("insertOne", new Row(Verb.CREATE, "collection", Scope.ONE, false, true, false, "")),
            Map.entry("insert", new Row(Verb.CREATE, "collection", Scope.ONE, false, true, false, "")),
            Map.entry("insertMany", new Row(Verb.CREATE, "collection", Scope.MANY, false, true, false, "")),
            Map.entry("createCollection", new Row(Verb.CREATE, "collection", Scope.ONE, false, true, false, "")),
            Map.entry("createView", new Row(Verb.CREATE, "collection", Scope.ONE, false, true, false, "")),
            Map.entry("createIndex", new Row(Verb.UPDATE, "index", Scope.ONE, false, true, false, "builds an index")),
            Map.entry("createIndexes", new Row(Verb.UPDATE, "index", Scope.ONE, false, true, false, "builds indexes")),
            Map.entry("dropIndex", new Row(Verb.DELETE, "index", Scope.ONE, false, true, false, "drops an index")),
            Map.entry("dropIndexes", new Row(Verb.DELETE, "index", Scope.MANY, false, true, false, "drops indexes")),
            Map.entry("renameCollection", new Row(Verb.UPDATE, "collection", Scope.ONE, false, true, false, "renames the collection")),
            // changing or removing users changes who may do what: grant, like SQL's GRANT/REVOKE/DROP USER
            Map.entry("createUser", new Row(Verb.GRANT, "user", Scope.ONE, false, true, false, "creates a user")),
            Map.entry("updateUser", new Row(Verb.GRANT, "user", Scope.ONE, false, true, false, "changes a user")),
            Map.entry("dropUser", new Row(Verb.GRANT, "user", Scope.ONE, false, true, false, "removes a user")),
            Map.entry("dropAllUsers", new Row(Verb.GRANT, "user", Scope.ALL, false, true, false, "removes every user")),
            Map.entry("grantRolesToUser", new Row(Verb.GRANT, "user", Scope.ONE, false, true, false, "grants roles")),
            Map.entry("revokeRolesFromUser", new Row(Verb.GRANT, "user", Scope.ONE, false, true, false, "revokes roles")),
            Map.entry("createRole", new Row(Verb.GRANT, "role", Scope.ONE, false, true, false, "creates a role")),
            Map.entry("grantPrivilegesToRole", new Row(Verb.GRANT, "role", Scope.ONE, false, true, false, "grants privileges")),
            // an outage, not data loss: nothing brings the server back by itself
            Map.entry("shutdownServer", new Row(Verb.UPDATE, "host", Scope.ALL, false, false, false, "shuts the server down")),
            Map.entry("stepDown", new Row(Verb.UPDATE, "replica-set", Scope.ONE, false, true, false, "forces a primary election")),
            Map.entry("reconfig", new Row(Verb.UPDATE, "replica-set", Scope.ALL, false, false, false, "reconfigures the replica set")),
            // rs.* and sh.* helpers: members and shards joined, frozen or resynced; the balancer switched
            Map.entry("initiate", new Row(Verb.CREATE, "replica-set", Scope.ALL, false, true, false, "initiates a replica set")),
            Map.entry("add", new Row(Verb.UPDATE, "replica-set", Scope.ALL, false, true, false, "adds a member to the replica set")),
            Map.entry("addArb", new Row(Verb.UPDATE, "replica-set", Scope.ALL, false, true, false, "adds an arbiter to the replica set")),
            Map.entry("freeze", new Row(Verb.UPDATE, "replica-set", Scope.ONE, false, true, false, "keeps a member from becoming primary")),
            Map.entry("syncFrom", new Row(Verb.UPDATE, "replica-set", Scope.ONE, false, true, false, "changes where a member replicates from")),
            Map.entry("addShard", new Row(Verb.UPDATE, "cluster", Scope.ALL, false, true, false, "adds a shard to the cluster")),
            Map.entry("removeShard", new Row(Verb.DELETE, "shard", Scope.ALL, true, false, false, "drains and removes a shard")),
            Map.entry("shardCollection", new Row(Verb.UPDATE, "collection", Scope.ALL, false, false, false, "shards a collection")),
            Map.entry("enableSharding", new Row(Verb.UPDATE, "database", Scope.ONE, false, true, false, "enables sharding for a database")),
            Map.entry("stopBalancer", new Row(Verb.UPDATE, "cluster", Scope.ALL, false, true, false, "stops the balancer")),
            Map.entry("startBalancer", new Row(Verb.UPDATE, "cluster", Scope.ALL, false, true, false, "starts the balancer")),
            Map.entry("setBalancerState", new Row(Verb.UPDATE, "cluster", Scope.ALL, false, true, false, "switches the balancer")),
            Map.entry("fsyncLock", new Row(Verb.UPDATE, "database", Scope.ALL, false, true, false, "blocks all writes")),
            Map.entry("find", READ), Map.entry("findOne", READ), Map.entry("countDocuments", READ), Map.entry("count", READ),
            Map.entry("estimatedDocumentCount", READ), Map.entry("distinct", READ), Map.entry("getIndexes", READ),
            Map.entry("stats", READ), Map.entry("explain", READ), Map.entry("getCollectionNames", READ),
            Map.entry("getCollectionInfos", READ), Map.entry("getUsers", READ), Map.entry("getUser", READ),
            Map.entry("serverStatus", READ), Map.entry("version", READ), Map.entry("hostInfo", READ), Map.entry("status", READ),
            Map.entry("hello", READ), Map.entry("isMaster", READ), Map.entry("currentOp", READ), Map.entry("getName", READ),
            Map.entry("listCollections", READ), Map.entry("watch", READ), Map.entry("dataSize", READ));

    private static final Pattern CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");
    private static final Pattern COLLECTION = Pattern.compile(
            "(?:getCollection\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)|\\[\\s*['\"]([^'\"]+)['\"]\\s*\\]|\\.\\s*(\\w+)|^\\s*(\\w+))\\s*$");
    private static final Pattern SIBLING = Pattern.compile("getSiblingDB\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*$");
    private static final Pattern USE = Pattern.compile("(?m)^\\s*use\\s+(\\w+)");
    private static final Pattern EMPTY_FILTER = Pattern.compile("^\\s*(\\)|\\{\\s*\\}\\s*[,)])");
    private static final Pattern COMMAND = Pattern.compile("^\\s*\\{\\s*['\"]?(\\w+)['\"]?\\s*:\\s*['\"]?([\\w.-]*)");
    /** Cursor and shell helpers that neither read nor write by themselves. */
    private static final Set<String> HELPERS = Set.of("limit", "sort", "skip", "pretty", "toArray", "forEach", "map",
            "hasNext", "next", "itcount", "size", "project", "batchSize", "maxTimeMS", "hint", "collation", "comment",
            "readPref", "allowDiskUse", "getSiblingDB", "getMongo", "getDB", "getDBNames", "getCollection",
            "getReplicationInfo", "printReplicationInfo", "printShardingStatus", "printSecondaryReplicationInfo",
            "serverBuildInfo", "buildInfo", "getProfilingStatus", "getProfilingLevel", "conf", "log", "push",
            "stringify", "parse", "keys", "values", "entries", "length", "toString", "toJSON", "join", "filter", "reduce",
            "slice", "includes", "indexOf", "round", "floor", "now", "printjson", "print", "use", "ObjectId", "ISODate",
            "getTime", "toISOString", "getIndexSpecs", "getShardDistribution", "latencyStats", "totalSize", "storageSize",
            "totalIndexSize", "isCapped", "getWriteConcern", "getReadPrefMode", "then", "catch");
    private static final Set<String> READ_COMMANDS = Set.of("ping", "serverStatus", "listCollections", "listDatabases",
            "dbStats", "collStats", "buildInfo", "hello", "isMaster", "getParameter", "replSetGetStatus", "currentOp",
            "hostInfo", "connectionStatus", "getLog", "find", "count", "aggregate", "explain", "usersInfo");

    private MongoShell() {
    }

    static List<Operation> recognize(Invocation inv, Nested nested) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        ParsedArgs p = inv.parse(VALUED);
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--host"), true, inv);
        List<String> files = new ArrayList<>(DatabaseOps.values(p, "-f", "--file"));
        for (Arg a : p.positionals()) {
            if (a.value().endsWith(".js")) {
                files.add(a.value());
            } else {
                target = connection(target, a, inv);
            }
        }
        target = target.or(DatabaseTarget.fromEnv(inv.env()));
        List<Operation> ops = new ArrayList<>();
        List<String> evals = DatabaseOps.values(p, "--eval");
        for (String js : evals) {
            ops.addAll(script(js, DatabaseOps.literal(inv, js), inv));
        }
        for (String f : files) {
            ops.add(DatabaseOps.op(inv, Verb.UNKNOWN, "database", target.database()).confidence(Confidence.OPAQUE)
                    .note("runs the script file " + f + ", which cannot be read statically").build());
        }
        if (evals.isEmpty() && files.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> script(s, true, inv)).orElse(List.of(DatabaseOps.session(inv, target.database()))));
        }
        return DatabaseOps.locateClient(ops, target, inv);
    }

    /**
     * The data tools: dumps and exports read; restores and imports add documents, and with {@code --drop} replace the
     * collections they touch.
     */
    static List<Operation> tools(Invocation inv) {
        if (DatabaseOps.help(inv)) {
            return List.of();
        }
        ParsedArgs p = inv.parse(Set.of("--uri", "--host", "-h", "--port", "-d", "--db", "-c", "--collection", "-u",
                "--username", "-p", "--password", "--nsInclude", "--nsExclude", "-o", "--out", "--archive", "--file",
                "--type", "--authenticationDatabase", "-q", "--query", "--fields", "-f"));
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--uri"), true, inv);
        target = DatabaseOps.flag(target, p.value("--host", "-h"), true, inv);
        target = DatabaseOps.flag(target, p.value("-d", "--db"), false, inv).or(DatabaseTarget.fromEnv(inv.env()));
        String collection = p.value("-c", "--collection").or(() -> p.value("--nsInclude")).orElse("");
        Operation o;
        if (inv.program().equals("mongodump") || inv.program().equals("mongoexport")) {
            o = op(inv, Verb.READ, "collection", collection).locator(DatabaseOps.COPIES_DATA, "documents")
                    .note(inv.program() + " copies data to a local file").build();
        } else if (p.has("--drop")) {
            o = op(inv, Verb.REPLACE, "collection", collection).scope(collection.isEmpty() ? Scope.ALL : Scope.ONE)
                    .stateful(true).reversible(false).note("--drop drops each collection before restoring it").build();
        } else {
            o = op(inv, Verb.UPDATE, "collection", collection).scope(Scope.MANY)
                    .note(inv.program() + " writes documents").build();
        }
        return DatabaseOps.locateClient(List.of(o), target, inv);
    }

    /** {@code mongodb+srv://…}, {@code host:27017/app}, {@code host/app} or just {@code app}. */
    private static DatabaseTarget connection(DatabaseTarget target, Arg arg, Invocation inv) {
        Optional<String> value = DatabaseTarget.value(arg, inv.env());
        if (value.isEmpty()) {
            return target.withUncertain(true);
        }
        String v = value.get();
        if (v.contains("://")) {
            return target.or(DatabaseTarget.fromUrl(v));
        }
        int slash = v.indexOf('/');
        if (slash >= 0) {
            return target.or(DatabaseTarget.fromUrl("mongodb://" + v));
        }
        return v.contains(":") || v.contains(".") ? target.or(DatabaseTarget.NONE.withHost(Regex.before(v, ":")))
                : target.or(DatabaseTarget.NONE.withDatabase(v));
    }

    /** The operations of a shell script, one per recognized method call. */
    static List<Operation> script(String js, boolean literal, Invocation inv) {
        if (!literal && js.trim().startsWith("$")) {
            return List.of(op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.OPAQUE)
                    .note("the script comes from " + js.trim() + ", which cannot be resolved statically").build());
        }
        List<Operation> ops = new ArrayList<>();
        boolean helpers = false;
        Matcher call = CALL.matcher(js);
        while (call.find()) {
            String method = call.group(1);
            String receiver = js.substring(0, call.start());
            String args = js.substring(call.end());
            if (method.equals("runCommand") || method.equals("adminCommand")) {
                ops.add(command(args, inv));
                continue;
            }
            Row row = METHODS.get(method);
            if (row == null) {
                if (!HELPERS.contains(method) && !method.equals("aggregate")) {
                    // an unfamiliar method may write (mapReduce with out, …): not silently a read
                    ops.add(DatabaseOps.unknown(inv, "unrecognized shell method " + method));
                }
                helpers = helpers || HELPERS.contains(method);
                continue;
            }
            String collection = collection(receiver);
            boolean onDatabase = collection.equals("db") || collection.isEmpty()
                    || receiver.stripTrailing().endsWith(")") && SIBLING.matcher(receiver).find();
            boolean collectionLevel = row.type().equals("collection") || row.type().equals("index") || row.type().equals("document");
            String name = collectionLevel ? (onDatabase ? "" : collection) : firstString(args);
            Scope scope = row.filtered() && EMPTY_FILTER.matcher(args).find() ? Scope.ALL : row.scope();
            String note = row.note();
            Operation.Builder b = op(inv, row.verb(), row.type(), name).scope(scope)
                    .system(row.type().equals("host") ? "process" : DatabaseOps.SYSTEM)
                    .stateful(row.stateful()).reversible(row.reversible())
                    .note(scope == Scope.ALL && row.filtered() ? note + " (empty filter: all of them)" : note);
            database(js, call.start()).ifPresent(d -> b.locator("database", d));
            if ((method.equals("find") || method.equals("findOne")) && wholeDocuments(args)
                    && dev.interlock.analysis.sql.SqlSecretTables.secretTable(name)) {
                // db.api_keys.find(): every field of every key, in clear, as SELECT * FROM api_keys is
                b.verb(Verb.CREDENTIAL).note("prints whole documents of " + name + ", whose name says it holds secrets");
            }
            ops.add(literal ? b.build() : b.confidence(Confidence.INFERRED).build());
        }
        Matcher agg = Pattern.compile("\\.\\s*aggregate\\s*\\(").matcher(js);
        while (agg.find()) {
            String rest = js.substring(agg.end());
            if (rest.contains("$out") || rest.contains("$merge")) {
                boolean out = rest.contains("$out");
                ops.add(op(inv, out ? Verb.REPLACE : Verb.UPDATE, "collection", collection(js.substring(0, agg.start())))
                        .scope(out ? Scope.ALL : Scope.MANY).stateful(true).reversible(false)
                        .note(out ? "aggregate $out overwrites a collection" : "aggregate $merge writes into a collection").build());
            } else {
                ops.add(op(inv, Verb.READ, "collection", collection(js.substring(0, agg.start()))).build());
            }
        }
        for (String line : js.split("\n")) {
            String t = line.trim();
            if (t.startsWith("show ") || t.startsWith("use ")) {
                ops.add(op(inv, Verb.READ, "database", "").note(t).build());
            } else if (t.startsWith("load(")) {
                ops.add(op(inv, Verb.UNKNOWN, "database", "").confidence(Confidence.OPAQUE).note("loads a script file: " + t).build());
            }
        }
        if (ops.isEmpty() && helpers) {
            ops.add(op(inv, Verb.READ, "database", "").note("shell helpers only").build());
        }
        if (ops.isEmpty() && !js.isBlank()) {
            ops.add(DatabaseOps.unknown(inv, "unrecognized mongo shell script"));
        }
        return ops;
    }

    /** {@code db.runCommand({dropDatabase: 1})}, {@code db.adminCommand({shutdown: 1})}. */
    private static Operation command(String args, Invocation inv) {
        Matcher m = COMMAND.matcher(args);
        if (!m.find()) {
            return DatabaseOps.unknown(inv, "runs a database command that cannot be read");
        }
        String name = m.group(1);
        return switch (name) {
            case "dropDatabase" -> DatabaseOps.teardown(inv, "database", "", "drops the database");
            case "drop" -> DatabaseOps.teardown(inv, "collection", m.group(2), "drops the collection " + m.group(2));
            case "shutdown" -> op(inv, Verb.UPDATE, "host", "").system("process").scope(Scope.ALL).reversible(false)
                    .note("shuts the server down").build();
            case "delete" -> op(inv, Verb.DELETE, "collection", m.group(2)).scope(Scope.MANY).stateful(true).reversible(false)
                    .confidence(Confidence.INFERRED).note("deletes documents").build();
            case "update" -> op(inv, Verb.UPDATE, "collection", m.group(2)).scope(Scope.MANY).stateful(true).reversible(false)
                    .confidence(Confidence.INFERRED).note("changes documents").build();
            case "insert", "create", "createIndexes" -> op(inv, Verb.CREATE, "collection", m.group(2)).build();
            case "createUser", "updateUser", "dropUser", "grantRolesToUser", "revokeRolesFromUser", "dropAllUsersFromDatabase" ->
                    op(inv, Verb.GRANT, "user", m.group(2)).note(name).build();
            default -> READ_COMMANDS.contains(name) ? op(inv, Verb.READ, "database", "").note(name).build()
                    : DatabaseOps.unknown(inv, "runs the database command " + name);
        };
    }

    /**
     * Whether a find's arguments (the text after its opening parenthesis) print whole documents: no projection as a
     * second argument, and no count chained after it.
     */
    private static boolean wholeDocuments(String args) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ',' && depth == 0) {
                return false;
            } else if ((c == ')' || c == '}' || c == ']') && depth-- == 0) {
                return !Pattern.compile("^\\s*\\.\\s*(count|countDocuments|size|itcount|explain)\\s*\\(").matcher(args.substring(i + 1)).find();
            }
        }
        return true;
    }

    private static String firstString(String args) {
        Matcher m = Pattern.compile("^\\s*['\"]([^'\"]+)['\"]").matcher(args);
        return m.find() ? m.group(1) : "";
    }

    private static String collection(String receiver) {
        Matcher m = COLLECTION.matcher(receiver);
        if (!m.find()) {
            return "";
        }
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "";
    }

    /** The database a call runs in: {@code db.getSiblingDB('x')} before it, else the last {@code use x} above it. */
    private static Optional<String> database(String js, int at) {
        String before = js.substring(0, at);
        Matcher sibling = Pattern.compile("getSiblingDB\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)[^;\\n]*$").matcher(before);
        if (sibling.find()) {
            return Optional.of(sibling.group(1));
        }
        Matcher use = USE.matcher(before);
        String found = null;
        while (use.find()) {
            found = use.group(1);
        }
        return Optional.ofNullable(found);
    }
}
