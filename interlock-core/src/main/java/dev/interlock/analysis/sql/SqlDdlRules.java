package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;
import static dev.interlock.analysis.sql.SqlOps.op;
import static dev.interlock.analysis.sql.SqlOps.rows;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rules for schema changes: CREATE, DROP, ALTER, TRUNCATE, RENAME. */
final class SqlDdlRules {
    private SqlDdlRules() {}

    /** What dropping each kind of object costs: the scope it takes out and whether data goes with it. */
    private record Kind(String type, Scope scope, boolean stateful) {}

    private static final Map<String, Kind> OBJECTS = Map.ofEntries(
            Map.entry("TABLE", new Kind("table", Scope.ONE, true)),
            Map.entry("DATABASE", new Kind("database", Scope.ALL, true)),
            Map.entry("SCHEMA", new Kind("schema", Scope.ALL, true)),
            Map.entry("TABLESPACE", new Kind("tablespace", Scope.ALL, true)),
            Map.entry("OWNED", new Kind("role", Scope.ALL, true)),
            Map.entry("SEQUENCE", new Kind("sequence", Scope.ONE, true)),
            Map.entry("PARTITION", new Kind("partition", Scope.ONE, true)),
            Map.entry("VIEW", new Kind("view", Scope.ONE, false)),
            Map.entry("MATERIALIZED", new Kind("view", Scope.ONE, false)),
            Map.entry("INDEX", new Kind("index", Scope.ONE, false)),
            Map.entry("FUNCTION", new Kind("function", Scope.ONE, false)),
            Map.entry("PROCEDURE", new Kind("procedure", Scope.ONE, false)),
            Map.entry("TRIGGER", new Kind("trigger", Scope.ONE, false)),
            Map.entry("RULE", new Kind("rule", Scope.ONE, false)),
            Map.entry("POLICY", new Kind("policy", Scope.ONE, false)),
            Map.entry("EXTENSION", new Kind("extension", Scope.ONE, false)),
            Map.entry("TYPE", new Kind("type", Scope.ONE, false)),
            Map.entry("DOMAIN", new Kind("type", Scope.ONE, false)),
            Map.entry("ROLE", new Kind("role", Scope.ONE, false)),
            Map.entry("USER", new Kind("role", Scope.ONE, false)),
            Map.entry("GROUP", new Kind("role", Scope.ONE, false)),
            Map.entry("EVENT", new Kind("event", Scope.ONE, false)),
            Map.entry("SERVER", new Kind("server", Scope.ONE, false)),
            Map.entry("PUBLICATION", new Kind("publication", Scope.ONE, false)),
            Map.entry("SUBSCRIPTION", new Kind("subscription", Scope.ONE, false)));

    /** Words between CREATE and the object type that do not change what is created. */
    private static final String[] CREATE_MODIFIERS = {"GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED", "UNIQUE",
            "RECURSIVE", "SECURE", "FOREIGN", "VIRTUAL", "ALGORITHM", "SQL", "SECURITY", "DEFINER", "INVOKER",
            "AGGREGATE", "CONSTRAINT", "TRUSTED", "PROCEDURAL", "FULLTEXT", "SPATIAL", "CLUSTERED", "NONCLUSTERED"};

    /** Object types that only appear after CREATE (their DROP is in OBJECTS or not destructive). */
    private static final Set<String> CREATE_ONLY_TYPES = Set.of("LANGUAGE", "CAST", "OPERATOR", "COLLATION",
            "CONVERSION", "STATISTICS", "ACCESS", "TRANSFORM");

    /** Languages whose functions run arbitrary code on the server (PostgreSQL's untrusted languages and C). */
    private static final Set<String> UNTRUSTED_LANGUAGES = Set.of("c", "internal", "plpythonu", "plpython2u",
            "plpython3u", "plperlu", "pltclu", "plsh", "plr", "pljavau", "plv8u");

    /**
     * PostgreSQL extensions that add types, operators and functions and nothing that reaches outside the database (most
     * are "trusted" in PostgreSQL's own sense): creating one is a schema change, not code loaded into the server.
     * Extensions that run programs, open connections or load libraries (plpython3u, dblink, postgres_fdw, adminpack,
     * file_fdw) and any extension not named here keep asking.
     */
    private static final Set<String> SCHEMA_EXTENSIONS = Set.of("vector", "pgvector", "pg_trgm", "uuid-ossp", "pgcrypto",
            "hstore", "citext", "postgis", "postgis_topology", "postgis_raster", "btree_gin", "btree_gist",
            "pg_stat_statements", "unaccent", "ltree", "intarray", "tablefunc", "fuzzystrmatch", "cube", "earthdistance");

    /** Role attributes that give power over the whole server. */
    private static final Set<String> POWERFUL_ATTRIBUTES = Set.of("SUPERUSER", "CREATEROLE", "BYPASSRLS",
            "REPLICATION", "CREATEDB", "SYSADMIN");

    static List<Operation.Builder> truncate(SqlWords w) {
        int at = w.skip(1, "TABLE", "ONLY");
        return List.of(rows(Verb.DELETE, w.name(at).text(), Scope.ALL).note("TRUNCATE removes every row"));
    }

    static List<Operation.Builder> drop(SqlWords w) {
        int at = w.skip(1, "TEMPORARY", "TEMP", "FOREIGN", "UNIQUE");
        String word = w.kw(at);
        Kind kind = OBJECTS.getOrDefault(word, new Kind(word.toLowerCase(Locale.ROOT), Scope.ONE, true));
        int nameAt = w.skip(at + 1, "VIEW", "DATA", "WRAPPER", "BY", "IF", "EXISTS", "CONCURRENTLY");
        int count = w.nameCount(nameAt);
        Scope scope = kind.scope();
        if (w.has("CASCADE")) {
            scope = Scope.ALL;
        } else if (count > 1 && scope == Scope.ONE) {
            scope = Scope.MANY;
        }
        return List.of(op(Verb.DELETE, kind.type(), w.name(nameAt).text())
                .scope(scope).stateful(kind.stateful()).reversible(false)
                .note(w.has("CASCADE") ? "CASCADE also drops dependent objects" : ""));
    }

    static List<Operation.Builder> create(SqlWords w) {
        boolean orReplace = w.kw(1).equals("OR") && w.kw(2).equals("REPLACE");
        int at = w.skip(orReplace ? 3 : 1, CREATE_MODIFIERS);
        // MySQL puts "DEFINER = user@host" and "ALGORITHM = …" before the type: look ahead for a known type.
        for (int i = at; i < Math.min(w.size(), at + 12); i++) {
            if (OBJECTS.containsKey(w.kw(i)) || CREATE_ONLY_TYPES.contains(w.kw(i))) {
                at = i;
                break;
            }
        }
        String word = w.kw(at);
        int nameAt = w.skip(at + 1, "VIEW", "IF", "NOT", "EXISTS", "CONCURRENTLY", "DATA", "WRAPPER", "MAPPING", "FOR");
        if (w.kw(nameAt).equals("ON")) {
            nameAt++; // an unnamed index: name it by its table
        }
        String name = w.name(nameAt).text();
        String type = OBJECTS.containsKey(word) ? OBJECTS.get(word).type() : word.toLowerCase(Locale.ROOT);
        switch (word) {
            case "ROLE", "USER", "GROUP" -> {
                return List.of(roleChange(w, name, "creates a role"));
            }
            case "EXTENSION", "LANGUAGE" -> {
                if (word.equals("EXTENSION") && SCHEMA_EXTENSIONS.contains(unquoted(name))) {
                    return List.of(op(Verb.CREATE, type, unquoted(name)).reversible(true)
                            .note("adds a well-known extension's types and functions to the schema"));
                }
                return List.of(admin(Verb.EXECUTE, type, name, Scope.ONE)
                        .note("loads code into the database server"));
            }
            case "FUNCTION", "PROCEDURE" -> {
                if (untrustedCode(w)) {
                    return List.of(admin(Verb.EXECUTE, type, name, Scope.ONE)
                            .note("function in an untrusted language runs arbitrary code on the server"));
                }
            }
            default -> { }
        }
        Verb verb = orReplace ? Verb.REPLACE : Verb.CREATE;
        return List.of(op(verb, type, name).reversible(!orReplace));
    }

    /** {@code "uuid-ossp"} and {@code uuid-ossp} name the same extension. */
    private static String unquoted(String name) {
        String n = name.length() > 1 && (name.startsWith("\"") || name.startsWith("'") || name.startsWith("`"))
                ? name.substring(1, name.length() - 1) : name;
        return n.toLowerCase(Locale.ROOT);
    }

    static List<Operation.Builder> alter(SqlWords w) {
        String word = w.kw(1);
        String name = w.name(w.skip(2, "IF", "EXISTS", "ONLY", "VIEW", "SET", "CONFIGURATION")).text();
        String type = OBJECTS.containsKey(word) ? OBJECTS.get(word).type() : word.toLowerCase(Locale.ROOT);
        switch (word) {
            case "ROLE", "USER", "GROUP" -> {
                return List.of(roleChange(w, name, "changes a role"));
            }
            case "SYSTEM" -> {
                return List.of(alterSystem(w));
            }
            case "DEFAULT" -> {
                return List.of(admin(Verb.GRANT, "privileges", "", Scope.ALL).note("changes default privileges"));
            }
            default -> { }
        }
        int execute = w.topLevel("EXECUTE", 2);
        if (word.equals("TABLE") && execute >= 0) {
            // Trino's table procedures: ALTER TABLE t EXECUTE expire_snapshots(…) loses history like Spark's CALL does
            var known = LakehouseProcedures.execute(name, w.name(execute + 1).text());
            if (known.isPresent()) {
                return List.of(known.get());
            }
        }
        if (w.has("OWNER")) {
            return List.of(admin(Verb.GRANT, type, name, Scope.ONE).note("changes the owner"));
        }
        int drop = w.topLevel("DROP", 2);
        if (drop >= 0 && !w.kw(drop + 1).equals("DEFAULT") && !w.kw(drop + 1).equals("NOT")
                && !w.kw(drop + 1).equals("IDENTITY") && !w.kw(drop + 1).equals("EXPRESSION")) {
            String what = w.kw(drop + 1);
            boolean structural = what.equals("CONSTRAINT") || what.equals("INDEX") || what.equals("KEY")
                    || what.equals("PRIMARY") || what.equals("FOREIGN") || what.equals("CHECK") || what.equals("TRIGGER");
            return List.of(op(Verb.DELETE, type, name).stateful(!structural).reversible(false)
                    .note(structural ? "drops a constraint or index" : "drops a column or partition and its data"));
        }
        if (w.topLevel("TRUNCATE", 2) >= 0) {
            return List.of(rows(Verb.DELETE, name, Scope.ALL).note("truncates a partition"));
        }
        if (w.has("RENAME")) {
            return List.of(admin(Verb.UPDATE, type, name, Scope.ONE).note("renames"));
        }
        int configure = w.topLevel("CONFIGURE", 2);
        if (configure >= 0 && w.kw(configure + 1).equals("ZONE")) {
            // CockroachDB's replication zones: replicas, placement and GC for the object, every range for RANGE default
            return List.of(admin(Verb.UPDATE, type, name, word.equals("RANGE") ? Scope.ALL : Scope.ONE)
                    .note("changes the replication zone configuration (replicas, placement, garbage collection)"));
        }
        Operation.Builder b = admin(Verb.UPDATE, type, name, Scope.ONE);
        if (w.has("DISABLE", "NO") && w.has("SECURITY")) {
            b.note("turns off row-level security");
        }
        return List.of(b);
    }

    static List<Operation.Builder> rename(SqlWords w) {
        int at = w.skip(1, "TABLE", "USER");
        return List.of(admin(Verb.UPDATE, w.kw(1).equals("USER") ? "role" : "table", w.name(at).text(), Scope.ONE)
                .note("renames"));
    }

    /** Settings that make the server run a command or load a library: ALTER SYSTEM on them is code execution. */
    private static final Set<String> EXECUTING_SETTINGS = Set.of("archive_command", "restore_command",
            "archive_cleanup_command", "recovery_end_command", "ssl_passphrase_command", "shared_preload_libraries",
            "local_preload_libraries", "session_preload_libraries", "dynamic_library_path");

    private static Operation.Builder alterSystem(SqlWords w) {
        String setting = w.name(w.skip(2, "SET", "RESET")).text().toLowerCase(Locale.ROOT);
        if (EXECUTING_SETTINGS.contains(setting)) {
            return admin(Verb.EXECUTE, "server", setting, Scope.ALL).note("server setting that runs commands or loads code");
        }
        return admin(Verb.UPDATE, "server", setting, Scope.ALL).note("changes server-wide configuration");
    }

    private static Operation.Builder roleChange(SqlWords w, String name, String what) {
        for (SqlToken t : w.tokens()) {
            if (POWERFUL_ATTRIBUTES.contains(t.keyword())) {
                return admin(Verb.ESCALATE, "role", name, Scope.ONE)
                        .note(what + " with " + t.keyword());
            }
        }
        return admin(Verb.GRANT, "role", name, Scope.ONE).note(what);
    }

    private static boolean untrustedCode(SqlWords w) {
        if (w.has("SONAME", "EXTERNAL")) {
            return true;
        }
        int lang = w.topLevel("LANGUAGE", 0);
        if (lang < 0 || lang + 1 >= w.size()) {
            return false;
        }
        return UNTRUSTED_LANGUAGES.contains(w.tokens().get(lang + 1).text().toLowerCase(Locale.ROOT));
    }
}
