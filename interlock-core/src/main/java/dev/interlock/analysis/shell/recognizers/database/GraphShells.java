package dev.interlock.analysis.shell.recognizers.database;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shells of graph and multi-model databases: Neo4j's {@code cypher-shell} (Cypher as an argument, on standard
 * input or in {@code -f FILE}) and ArangoDB's {@code arangosh} ({@code --javascript.execute-string JS}). A query that
 * only matches and returns reads; {@code CREATE}, {@code MERGE}, {@code SET}, {@code DELETE} change the graph, and
 * {@code DROP DATABASE}, {@code db._dropDatabase()} or an unfiltered {@code MATCH (n) DETACH DELETE n} empty it.
 */
final class GraphShells {

    private static final Set<String> CYPHER_VALUED = Set.of("-a", "--address", "--uri", "-u", "--username", "-p",
            "--password", "-d", "--database", "-f", "--file", "--format", "--encryption", "-P", "--param",
            "--access-mode", "--impersonate", "--log", "--sample-rows", "--transaction-timeout", "--notifications");
    /** Cypher's string literals, backquoted names and comments, which hold no clauses. */
    private static final Pattern QUOTED = Pattern.compile("'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|`[^`]*`|//[^\n]*|/\\*.*?\\*/",
            Pattern.DOTALL);
    private static final Pattern DROP_DATABASE = Pattern.compile("(?i)\\bDROP\\s+(?:COMPOSITE\\s+)?DATABASE\\s+(?:IF\\s+EXISTS\\s+)?([\\w.-]+)");
    private static final Pattern ACCESS = Pattern.compile("(?i)^\\s*(GRANT|DENY|REVOKE|CREATE\\s+(USER|ROLE)|ALTER\\s+(USER|CURRENT\\s+USER)|DROP\\s+(USER|ROLE)|RENAME\\s+(USER|ROLE))\\b");
    private static final Pattern ADMIN = Pattern.compile("(?i)^\\s*(CREATE|ALTER|START|STOP)\\s+(OR\\s+REPLACE\\s+)?(COMPOSITE\\s+)?(DATABASE|ALIAS|SERVER)\\b|^\\s*(DEALLOCATE|ENABLE|DROP)\\s+(DATABASES?|SERVER|ALIAS)\\b");
    private static final Pattern DELETES = Pattern.compile("(?i)\\b(DETACH\\s+DELETE|DELETE)\\b");
    private static final Pattern WRITES = Pattern.compile("(?i)\\b(CREATE|MERGE|SET|REMOVE|DROP|FOREACH|LOAD\\s+CSV)\\b");
    /** An unfiltered match of every node ({@code MATCH (n)}, {@code MATCH (n)-[r]-()}) with no WHERE: all of the graph. */
    private static final Pattern EVERY_NODE = Pattern.compile("(?i)\\bMATCH\\s*\\(\\s*\\w*\\s*\\)(?:\\s*-\\[\\s*\\w*\\s*\\]-\\s*\\(\\s*\\w*\\s*\\))?\\s*(?:DETACH\\s+)?DELETE\\b");
    private static final Pattern CALL = Pattern.compile("(?i)\\bCALL\\s+([\\w.]+)");
    /** Procedures that only describe the database or its sessions. */
    private static final Pattern READ_PROCEDURE = Pattern.compile(
            "(?i)(db|dbms)\\.(labels|relationshipTypes|propertyKeys|schema\\.\\w+|indexes|constraints|info|ping|components|"
                    + "listQueries|listConnections|listTransactions|showCurrentUser|procedures|functions|queryJmx|cluster\\.\\w+|"
                    + "listConfig|stats\\.retrieve)|apoc\\.(meta|help|version)\\b.*");

    private GraphShells() {
    }

    static List<Operation> cypherShell(Invocation inv) {
        ParsedArgs p = inv.parse(CYPHER_VALUED);
        List<Operation> ops = new ArrayList<>();
        for (Arg query : p.positionals()) {
            ops.addAll(cypherText(query.value(), query.literal(), inv));
        }
        p.value("-f", "--file").ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, "", f)));
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> cypherText(s, true, inv)).orElse(List.of(DatabaseOps.session(inv, ""))));
        }
        String address = p.value("-a", "--address", "--uri").orElse(inv.env().getOrDefault("NEO4J_ADDRESS",
                inv.env().getOrDefault("NEO4J_URI", "")));
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, Optional.of(address).filter(a -> !a.isEmpty()), true, inv);
        target = target.withDatabase(p.value("-d", "--database").orElse(inv.env().getOrDefault("NEO4J_DATABASE", "")));
        return DatabaseOps.locateClient(ops, target, inv);
    }

    /** One Cypher text, statements separated by semicolons; cypher-shell's own {@code :use}, {@code :param} are no statements. */
    static List<Operation> cypherText(String text, boolean literal, Invocation inv) {
        if (!literal && Regex.matches(text.trim(), "\\$\\{?\\w+\\}?|\\$\\(.*\\)")) {
            return List.of(DatabaseOps.op(inv, Verb.UNKNOWN, "graph", "").confidence(Confidence.OPAQUE)
                    .note("the Cypher query comes from " + text.trim() + ", which cannot be resolved statically").build());
        }
        List<Operation> ops = new ArrayList<>();
        for (String statement : QUOTED.matcher(text).replaceAll("''").split(";")) {
            String s = statement.trim();
            if (!s.isEmpty() && !s.startsWith(":")) {
                Operation op = cypher(s, inv);
                ops.add(literal ? op : DatabaseOps.inferred(List.of(op)).getFirst());
            }
        }
        return ops;
    }

    private static Operation cypher(String s, Invocation inv) {
        String note = "Cypher: " + (s.length() > 80 ? s.substring(0, 80) + "…" : s);
        Matcher drop = DROP_DATABASE.matcher(s);
        if (drop.find()) {
            return DatabaseOps.teardown(inv, "database", drop.group(1), "drops the database " + drop.group(1));
        }
        if (ACCESS.matcher(s).find()) {
            return DatabaseOps.op(inv, Verb.GRANT, "user", "").note(note).build();
        }
        if (ADMIN.matcher(s).find()) {
            return DatabaseOps.op(inv, Verb.UPDATE, "database", "").note(note).build();
        }
        if (Regex.matches(s, "(?is)\\s*(SHOW|EXPLAIN)\\b.*")) {
            return DatabaseOps.op(inv, Verb.READ, "graph", "").note(note).build();
        }
        if (DELETES.matcher(s).find()) {
            boolean everything = EVERY_NODE.matcher(s).find() && !Regex.matches(s, "(?is).*\\bWHERE\\b.*");
            return DatabaseOps.op(inv, Verb.DELETE, "graph", "").scope(everything ? Scope.ALL : Scope.MANY).stateful(true)
                    .reversible(false).note(everything ? "deletes every node and relationship" : note).build();
        }
        if (WRITES.matcher(s).find()) {
            return DatabaseOps.op(inv, Verb.UPDATE, "graph", "").scope(Scope.MANY).note(note).build();
        }
        Matcher call = CALL.matcher(s);
        while (call.find()) {
            if (!READ_PROCEDURE.matcher(call.group(1)).matches()) {
                return DatabaseOps.op(inv, Verb.UNKNOWN, "graph", "").confidence(Confidence.INFERRED)
                        .note("calls the procedure " + call.group(1) + ", which may write").build();
            }
        }
        return DatabaseOps.op(inv, Verb.READ, "graph", "").note(note).build();
    }

    private static final Set<String> ARANGO_VALUED = Set.of("--server.endpoint", "--server.database", "--server.username",
            "--server.password", "--javascript.execute-string", "--javascript.execute", "--server.authentication", "-c",
            "--configuration", "--log.level", "--console.history");
    /** ArangoDB JavaScript methods by what they do; any other method is not known to only read. */
    private static final Set<String> ARANGO_READS = Set.of("_query", "_createStatement", "execute", "toArray", "count",
            "document", "documents", "all", "any", "byExample", "firstExample", "properties", "figures", "indexes",
            "getIndexes", "_collections", "_collection", "_databases", "_name", "_version", "_engine", "_exists", "_explain",
            "_parse", "exists", "name", "type", "status", "revision", "checksum", "print", "log", "stringify", "map", "forEach",
            "filter", "next", "hasNext", "toString", "join", "keys", "values", "_isSystem", "_properties", "_views", "_view",
            "_id", "getExtra", "slice", "_useDatabase", "_profileQuery", "_help", "_graphs", "_listGraphs", "shardDistribution",
            "parse", "length", "sort", "reduce", "push", "isArray", "assign", "from", "includes");
    private static final Set<String> ARANGO_DELETES = Set.of("truncate", "drop", "_drop", "remove", "removeByExample",
            "removeByKeys", "dropIndex", "_dropView", "_dropDatabase");
    private static final Set<String> ARANGO_CREATES = Set.of("save", "insert", "_create", "_createDatabase",
            "_createDocumentCollection", "_createEdgeCollection", "_createView", "ensureIndex", "ensureHashIndex",
            "ensureSkiplist", "ensurePersistentIndex", "ensureFulltextIndex", "ensureGeoIndex", "ensureTtlIndex");
    private static final Set<String> ARANGO_UPDATES = Set.of("update", "updateByExample", "replaceByExample", "rename",
            "replace", "load", "unload", "compact", "_truncate", "import");
    /** Calls that leave the database: the host's shell, files, the network. */
    private static final Set<String> ARANGO_RUNS = Set.of("executeExternal", "executeExternalAndWait", "system", "write",
            "download", "executeScript", "eval", "Function");
    private static final Pattern METHOD = Pattern.compile("(?:\\.|\\b)([A-Za-z_$][\\w$]*)\\s*\\(");
    /** AQL's data-modification keywords: a query that writes ({@code REMOVE o IN orders}). */
    private static final Pattern AQL_WRITE = Pattern.compile("(?i)\\b(INSERT|UPDATE|REPLACE|REMOVE|UPSERT)\\s+[\\w{@\"'`(]");

    static List<Operation> arangosh(Invocation inv) {
        ParsedArgs p = inv.parse(ARANGO_VALUED);
        List<Operation> ops = new ArrayList<>();
        String database = p.value("--server.database").orElse("");
        for (String js : DatabaseOps.values(p, "--javascript.execute-string")) {
            ops.add(arangoScript(js, DatabaseOps.literal(inv, js), database, inv));
        }
        p.value("--javascript.execute").ifPresent(f -> ops.add(DatabaseOps.scriptFile(inv, database, f)));
        if (ops.isEmpty()) {
            ops.addAll(inv.stdin().map(s -> List.of(arangoScript(s, true, database, inv)))
                    .orElse(List.of(DatabaseOps.session(inv, database))));
        }
        DatabaseTarget target = DatabaseOps.flag(DatabaseTarget.NONE, p.value("--server.endpoint"), true, inv).withDatabase(database);
        return DatabaseOps.locateClient(ops, target, inv);
    }

    private static Operation arangoScript(String js, boolean literal, String database, Invocation inv) {
        String note = "arangosh: " + (js.length() > 80 ? js.substring(0, 80) + "…" : js);
        if (!literal) {
            return DatabaseOps.op(inv, Verb.UNKNOWN, "database", database).confidence(Confidence.OPAQUE)
                    .note("the script is built from " + js.trim() + ", which cannot be resolved statically").build();
        }
        if (js.contains("@arangodb/users") || Regex.matches(js, "(?s).*\\b(grant|revoke)(Database|Collection)\\s*\\(.*")) {
            return DatabaseOps.op(inv, Verb.GRANT, "user", "").note("changes ArangoDB users or permissions").build();
        }
        if (js.contains("require(\"internal\")") || js.contains("require('internal')") || js.contains("require(\"fs\")")
                || js.contains("require('fs')") || js.contains("require(\"child_process\")")) {
            return DatabaseOps.op(inv, Verb.EXECUTE, "host", "").confidence(Confidence.INFERRED)
                    .note("the script uses arangosh's internal, file or process modules").build();
        }
        Verb verb = Verb.READ;
        String type = "collection";
        Scope scope = Scope.ONE;
        // AQL inside the strings calls its own functions (LENGTH(…)); only the script's calls are methods
        Matcher m = METHOD.matcher(QUOTED.matcher(js).replaceAll("''"));
        while (m.find()) {
            String method = m.group(1);
            if (method.equals("_dropDatabase")) {
                return DatabaseOps.teardown(inv, "database", database, "drops a database");
            }
            if (ARANGO_DELETES.contains(method)) {
                verb = Verb.DELETE;
                scope = method.equals("truncate") || method.contains("drop") || method.equals("_drop") ? Scope.ALL : Scope.MANY;
            } else if (verb == Verb.READ && (ARANGO_CREATES.contains(method) || ARANGO_UPDATES.contains(method))) {
                verb = ARANGO_CREATES.contains(method) ? Verb.CREATE : Verb.UPDATE;
            } else if (verb == Verb.READ && !ARANGO_READS.contains(method)) {
                verb = ARANGO_RUNS.contains(method) ? Verb.EXECUTE : Verb.UNKNOWN;
            }
        }
        if (verb == Verb.READ && AQL_WRITE.matcher(js).find()) {
            verb = Verb.UPDATE;
            scope = Scope.MANY;
        }
        Operation.Builder b = DatabaseOps.op(inv, verb, type, "").scope(scope).note(note);
        if (verb == Verb.DELETE) {
            b.stateful(true).reversible(false);
        }
        if (verb == Verb.UNKNOWN || verb == Verb.EXECUTE) {
            b.confidence(Confidence.INFERRED);
        }
        return b.build();
    }
}
