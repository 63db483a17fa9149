package dev.interlock.analysis.sql;

import static dev.interlock.analysis.sql.SqlOps.admin;

import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import dev.interlock.model.Confidence;

/**
 * Built-in functions whose call is an action of its own, even inside a harmless-looking SELECT: reading server files,
 * killing sessions, running SQL elsewhere. Each call found becomes an extra operation next to the statement's own.
 */
final class SqlFunctions {
    private SqlFunctions() {}

    private record Effect(Verb verb, String type, String note) {}

    private static final Map<String, Effect> DANGEROUS = Map.ofEntries(
            Map.entry("pg_read_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("pg_read_binary_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("pg_ls_dir", new Effect(Verb.CREDENTIAL, "file", "lists a directory on the database server")),
            Map.entry("pg_stat_file", new Effect(Verb.CREDENTIAL, "file", "inspects a file on the database server")),
            Map.entry("lo_import", new Effect(Verb.CREDENTIAL, "file", "reads a server file into a large object")),
            Map.entry("load_file", new Effect(Verb.CREDENTIAL, "file", "reads a file on the database server")),
            Map.entry("readfile", new Effect(Verb.CREDENTIAL, "file", "reads a file")),
            Map.entry("lo_export", new Effect(Verb.TRANSFER, "file", "writes a large object to a server file")),
            Map.entry("writefile", new Effect(Verb.TRANSFER, "file", "writes a file")),
            Map.entry("pg_file_write", new Effect(Verb.TRANSFER, "file", "writes a file on the database server")),
            Map.entry("pg_terminate_backend", new Effect(Verb.UPDATE, "session", "terminates a database session")),
            Map.entry("pg_cancel_backend", new Effect(Verb.UPDATE, "session", "cancels a running query")),
            Map.entry("pg_reload_conf", new Effect(Verb.UPDATE, "server", "reloads server configuration")),
            Map.entry("pg_promote", new Effect(Verb.UPDATE, "server", "promotes a standby server")),
            Map.entry("pg_drop_replication_slot", new Effect(Verb.DELETE, "replication-slot", "drops a replication slot")),
            Map.entry("lo_unlink", new Effect(Verb.DELETE, "large-object", "deletes a large object")),
            Map.entry("set_config", new Effect(Verb.UPDATE, "session", "changes a setting (can switch role)")),
            Map.entry("dblink_exec", new Effect(Verb.EXECUTE, "database", "runs SQL on another database")),
            Map.entry("dblink", new Effect(Verb.EXECUTE, "database", "runs SQL on another database")),
            Map.entry("query_to_xml", new Effect(Verb.EXECUTE, "statement", "runs SQL given as a string")),
            Map.entry("sys_exec", new Effect(Verb.EXECUTE, "program", "runs a shell command (UDF)")),
            Map.entry("sys_eval", new Effect(Verb.EXECUTE, "program", "runs a shell command (UDF)")),
            Map.entry("xp_cmdshell", new Effect(Verb.EXECUTE, "program", "runs a shell command")),
            Map.entry("load_extension", new Effect(Verb.EXECUTE, "library", "loads native code into SQLite")),
            Map.entry("setval", new Effect(Verb.UPDATE, "sequence", "resets a sequence (new rows can collide with old ones)")),
            Map.entry("pg_advisory_lock", new Effect(Verb.UPDATE, "session", "takes a lock other sessions wait on")),
            Map.entry("pg_switch_wal", new Effect(Verb.UPDATE, "server", "forces a WAL switch")),
            Map.entry("pg_create_restore_point", new Effect(Verb.UPDATE, "server", "writes a restore point")),
            Map.entry("pg_rotate_logfile", new Effect(Verb.UPDATE, "server", "rotates the server log")),
            Map.entry("pg_wal_replay_pause", new Effect(Verb.UPDATE, "server", "pauses replication replay")));

    /** Catalog tables whose rows are password hashes or credentials: reading them is reading secrets. */
    private static final Set<String> SECRET_CATALOGS = Set.of("pg_shadow", "pg_authid", "pg_user_mapping",
            "pg_user_mappings", "user_mapping_options", "mysql.user", "user", "mysql.global_priv", "global_priv",
            "sql_logins", "sys.sql_logins", "syslogins", "sys.syslogins", "dba_users", "sys.user$", "user$",
            "mysql.slave_master_info", "slave_master_info", "mysql.replication_connection_configuration");
    /**
     * Application columns that hold secrets (OAuth client secrets, password hashes, API keys and tokens): selecting one
     * prints it, whatever the table is called ({@code SELECT client_id, secret FROM client}).
     */
    private static final Set<String> SECRET_COLUMNS = Set.of("secret", "client_secret", "secret_key", "secret_data",
            "secret_value", "password", "password_hash", "hashed_password", "encrypted_password", "passwd", "api_key",
            "apikey", "private_key", "access_token", "refresh_token", "token_secret", "otp_secret", "totp_secret",
            "mfa_secret", "auth_token", "session_token", "bind_credential", "token", "api_token", "secret_access_key",
            "signing_key", "encryption_key", "webhook_secret", "private_key_pem",
            // Supabase Vault's decrypted view, pgsodium's decrypted columns
            "decrypted_secret", "decrypted_value", "plaintext_secret");
    /** Schemas that qualify a catalog name ({@code pg_catalog.pg_authid}, {@code mysql.user}). */
    private static final Set<String> CATALOG_SCHEMAS = Set.of("pg_catalog", "mysql", "sys", "master", "information_schema");

    /**
     * Functions known to only compute or report: anything else called from a query may change data (a user-defined
     * {@code purge_tenant(42)}), so a SELECT that calls it is not a plain read.
     */
    private static final Set<String> PURE = Set.of(
            "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "bool_and", "bool_or", "every", "stddev", "stddev_pop", "stddev_samp", "variance",
            "var_pop", "var_samp", "percentile_cont", "percentile_disc", "mode", "rank", "dense_rank", "row_number",
            "ntile", "lag", "lead", "first_value", "last_value", "nth_value", "cume_dist", "percent_rank",
            "group_concat", "listagg", "any_value", "corr", "covar_pop", "covar_samp", "approx_count_distinct",
            "coalesce", "nullif", "greatest", "least", "cast", "convert", "try_cast", "abs", "ceil", "ceiling", "floor",
            "round", "trunc", "truncate", "mod", "power", "pow", "sqrt", "cbrt", "exp", "ln", "log", "log2", "log10",
            "sign", "random", "rand", "pi", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "degrees", "radians",
            "div", "width_bucket", "lower", "upper", "length", "len", "char_length", "character_length", "octet_length",
            "bit_length", "substr", "substring", "trim", "ltrim", "rtrim", "btrim", "replace", "concat", "concat_ws",
            "left", "right", "lpad", "rpad", "position", "strpos", "split_part", "reverse", "repeat", "initcap",
            "format", "md5", "sha1", "sha2", "sha224", "sha256", "sha384", "sha512", "crc32", "encode", "decode",
            "to_hex", "ascii", "chr", "char", "regexp_replace", "regexp_matches", "regexp_match", "regexp_like",
            "regexp_substr", "regexp_instr", "regexp_count", "regexp_split_to_table", "regexp_split_to_array",
            "translate", "quote_ident", "quote_literal", "quote_nullable", "starts_with", "ends_with", "instr",
            "locate", "ifnull", "isnull", "nvl", "nvl2", "iif", "if", "field", "find_in_set", "hex", "unhex", "lcase",
            "ucase", "mid", "space", "string_to_array", "array_to_string", "unaccent", "similarity", "soundex",
            "difference", "levenshtein", "to_tsvector", "to_tsquery", "plainto_tsquery", "websearch_to_tsquery",
            "ts_rank", "ts_headline", "now", "current_date", "current_time", "current_timestamp", "localtime",
            "localtimestamp", "date_trunc", "date_part", "datepart", "extract", "age", "to_char", "to_date",
            "to_timestamp", "to_number", "make_date", "make_time", "make_interval", "make_timestamp",
            "make_timestamptz", "date_add", "date_sub", "datediff", "dateadd", "timestampdiff", "timestampadd",
            "date_format", "str_to_date", "unix_timestamp", "from_unixtime", "curdate", "curtime", "sysdate",
            "getdate", "getutcdate", "year", "month", "day", "hour", "minute", "second", "week", "weekday",
            "dayofweek", "dayofmonth", "dayofyear", "quarter", "last_day", "timezone", "clock_timestamp",
            "statement_timestamp", "transaction_timestamp", "justify_days", "justify_hours", "justify_interval",
            "isfinite", "date", "datetime", "time", "timestamp", "julianday", "strftime", "epoch", "to_json",
            "to_jsonb", "row_to_json", "array_to_json", "json_build_object", "jsonb_build_object",
            "json_build_array", "jsonb_build_array", "json_object", "json_array", "json_extract", "json_extract_path",
            "json_extract_path_text", "jsonb_extract_path", "jsonb_extract_path_text", "json_array_length",
            "jsonb_array_length", "json_each", "jsonb_each", "json_each_text", "jsonb_each_text", "json_object_keys",
            "jsonb_object_keys", "jsonb_set", "jsonb_insert", "jsonb_pretty", "json_typeof", "jsonb_typeof",
            "json_unquote", "json_contains", "json_keys", "json_value", "json_query", "json_valid", "jsonb_path_query",
            "jsonb_path_exists", "jsonb_strip_nulls", "json_array_elements", "jsonb_array_elements",
            "json_array_elements_text", "jsonb_array_elements_text", "json_populate_record", "jsonb_to_record",
            "array_length", "array_position", "array_positions", "array_remove", "array_replace", "array_append",
            "array_prepend", "array_cat", "array_upper", "array_lower", "array_dims", "unnest", "cardinality",
            "generate_series", "generate_subscripts", "version", "current_user", "session_user", "user", "system_user",
            "current_database", "current_schema", "current_schemas", "current_setting", "current_role", "database",
            "schema", "pg_backend_pid", "pg_size_pretty", "pg_size_bytes", "pg_database_size", "pg_relation_size",
            "pg_total_relation_size", "pg_table_size", "pg_indexes_size", "pg_column_size", "pg_postmaster_start_time",
            "pg_tablespace_size", "pg_tablespace_location", "pg_tablespace_databases", "pg_filenode_relation",
            "pg_current_logfile", "pg_partition_tree", "pg_partition_root", "pg_partition_ancestors",
            // the server's own directories (WAL, logs, archive status, temp files): names, sizes and times, never a
            // path the caller chooses, unlike pg_ls_dir and pg_stat_file (DANGEROUS)
            "pg_ls_waldir", "pg_ls_logdir", "pg_ls_archive_statusdir", "pg_ls_tmpdir", "pg_ls_logicalsnapdir",
            "pg_ls_logicalmapdir", "pg_ls_replslotdir",
            "pg_conf_load_time", "pg_is_in_recovery", "pg_control_checkpoint", "pg_control_system", "pg_control_init",
            "pg_control_recovery", "pg_is_in_backup", "pg_backup_start_time", "pg_last_committed_xact",
            "pg_current_snapshot", "pg_current_wal_insert_lsn", "pg_current_wal_flush_lsn", "pg_walfile_name",
            "pg_walfile_name_offset", "pg_get_wal_replay_pause_state", "pg_my_temp_schema", "pg_jit_available",
            "pg_listening_channels", "pg_notification_queue_usage", "pg_trigger_depth", "pg_snapshot_xmin",
            "pg_snapshot_xmax", "pg_last_wal_receive_lsn", "pg_last_wal_replay_lsn",
            "pg_current_wal_lsn", "pg_wal_lsn_diff", "pg_last_xact_replay_timestamp", "pg_typeof", "pg_blocking_pids",
            "pg_xact_commit_timestamp", "pg_is_wal_replay_paused", "pg_replication_slots", "txid_current",
            "txid_current_if_assigned", "pg_current_xact_id", "has_table_privilege", "has_column_privilege",
            "has_schema_privilege", "has_database_privilege", "has_function_privilege", "pg_has_role",
            "obj_description", "col_description", "shobj_description", "format_type", "pg_encoding_to_char",
            "inet_server_addr", "inet_server_port", "inet_client_addr", "connection_id", "last_insert_id",
            "found_rows", "row_count", "uuid", "uuid_short", "gen_random_uuid", "uuid_generate_v4", "newid",
            "typeof", "changes", "total_changes", "sqlite_version", "printf", "quote", "zeroblob", "glob", "like",
            "numeric", "decimal", "varchar", "nvarchar", "character", "float", "real", "bit", "interval", "point",
            "exists", "in", "any", "all", "some", "values", "over", "filter", "row", "array", "within", "using",
            "on", "as", "and", "or", "not", "when", "then", "else", "is", "between", "lateral", "partition", "by",
            "key", "references", "check", "unique", "primary", "default", "returning", "into", "from", "join",
            "where", "select", "table", "group", "order", "having", "limit", "offset", "union", "intersect", "except",
            "case", "end", "distinct", "top", "fetch", "window", "grouping", "rollup", "cube", "sets", "match",
            "against", "set", "with", "recursive", "materialized", "ordinality", "escape", "collate", "at", "zone");
    /** The analytics stores' own (ClickHouse, BigQuery, Snowflake, Trino): aggregates, dates, conversions. */
    private static final Set<String> WAREHOUSE_PURE = Set.of(
            // ClickHouse's reports about the server itself
            "uptime", "hostname", "fqdn", "currentdatabase", "currentuser", "timezone", "servertimezone", "buildid",
            "getsetting", "getmacro", "displayname", "revision", "versionfull", "shardnum", "shardcount",
            "today", "yesterday", "now64", "uniq", "uniqexact", "uniqcombined", "countif", "sumif", "avgif", "minif",
            "maxif", "anyif", "any", "anylast", "argmin", "argmax", "grouparray", "groupuniqarray", "topk", "median",
            "multiif", "empty", "notempty", "has", "hasany", "hasall", "splitbychar", "splitbystring", "lowerutf8",
            "upperutf8", "formatdatetime", "runningdifference", "tuple", "tupleelement", "map", "mapkeys", "mapvalues",
            "assumenotnull", "dictget", "arrayjoin", "arraymap", "arrayfilter", "logical_and", "logical_or",
            "generate_date_array", "generate_array", "farm_fingerprint", "struct", "offset", "ordinal", "zeroifnull",
            "nullifzero", "div0", "iff", "hash", "object_construct", "parse_json", "flatten", "ratio_to_report",
            "timediff", "date_from_parts", "approx_distinct", "element_at", "transform", "contains", "split",
            "day_of_week", "year_of_week", "countdistinct", "count_if", "sum_if", "collect_list", "collect_set",
            "explode", "posexplode", "size", "nvl2", "ifnull", "decode", "base64", "unbase64",
            // DuckDB's table functions that read files into a query
            "read_parquet", "read_csv", "read_csv_auto", "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto",
            "parquet_scan", "parquet_metadata", "parquet_schema", "iceberg_scan", "delta_scan", "glob",
            // DuckDB's catalog listings (duckdb_secrets() is left out: it lists the secrets themselves)
            "duckdb_tables", "duckdb_columns", "duckdb_schemas", "duckdb_databases", "duckdb_views", "duckdb_indexes",
            "duckdb_constraints", "duckdb_functions", "duckdb_settings", "duckdb_extensions", "duckdb_types",
            "duckdb_keywords", "duckdb_sequences", "duckdb_dependencies", "duckdb_memory", "duckdb_temporary_files",
            "duckdb_optimizers", "pragma_table_info", "pragma_storage_info", "pragma_database_size", "pragma_version",
            "pragma_show", "pragma_metadata_info",
            // SQL Server's (T-SQL) dates, strings, conversions and metadata
            "sysutcdatetime", "sysdatetime", "sysdatetimeoffset", "current_timezone", "eomonth", "datename", "datediff_big",
            "datefromparts", "datetimefromparts", "datetime2fromparts", "timefromparts", "switchoffset", "todatetimeoffset",
            "count_big", "string_agg", "charindex", "patindex", "stuff", "replicate", "quotename", "len", "datalength",
            "try_cast", "try_convert", "try_parse", "convert", "cast", "isnumeric", "isdate", "choose", "object_id",
            "object_name", "db_name", "db_id", "schema_name", "suser_sname", "suser_name", "user_name", "host_name",
            "app_name", "scope_identity", "ident_current", "newsequentialid", "str", "string_split", "openjson",
            "json_modify", "checksum", "binary_checksum", "hashbytes", "approx_count_distinct", "stdev", "stdevp", "var",
            "varp", "serverproperty", "databasepropertyex", "col_length", "type_name", "error_message", "error_number",
            "object_schema_name", "objectproperty", "objectpropertyex", "indexproperty", "columnproperty", "col_name",
            "index_col", "file_name", "file_id", "filegroup_name", "fileproperty", "databaseproperty", "has_perms_by_name",
            "is_member", "is_srvrolemember", "is_rolemember", "suser_sid", "suser_id", "user_id", "original_login",
            "session_context", "context_info", "sessionproperty", "connectionproperty", "typeproperty", "type_id",
            "schema_id", "assemblyproperty", "fulltextcatalogproperty");
    /**
     * SQL Server's own reporting functions, called {@code sys.} qualified: the dynamic management functions
     * ({@code sys.dm_db_index_physical_stats}, {@code sys.dm_exec_sql_text}, {@code sys.dm_os_…}) and the {@code fn_}
     * readers of logs, traces and permissions. A user's {@code dbo.fn_purge} is not one of them.
     */
    private static final List<String> SQL_SERVER_SYSTEM_PREFIXES = List.of("dm_db_", "dm_exec_", "dm_os_", "dm_io_", "dm_sql_",
            "dm_tran_", "dm_hadr_", "dm_fts_", "dm_cdc_", "dm_xe_", "dm_server_", "dm_resource_governor_", "dm_broker_",
            "dm_repl_", "dm_clr_", "dm_qn_", "dm_audit_", "dm_cryptographic_", "dm_database_", "dm_logpool_", "dm_pdw_",
            "fn_");
    /** Couchbase N1QL's (cbq): document metadata, MISSING tests, object and millisecond-date helpers. */
    private static final Set<String> DOCUMENT_PURE = Set.of("meta", "ifmissing", "ifmissingornull", "ifnan", "ifinf",
            "missingif", "nanif", "ismissing", "isnumber", "isstring", "isarray", "isobject", "isboolean", "type",
            "object_names", "object_values", "object_length", "object_pairs", "millis", "now_millis", "now_str",
            "clock_millis", "clock_str", "millis_to_str", "millis_to_utc", "str_to_millis", "date_add_str",
            "date_diff_str", "date_part_str", "date_trunc_str", "poly_length", "base64_encode", "base64_decode");
    /**
     * SAP HANA's (and Oracle's) date arithmetic, conversions and session facts: {@code ADD_DAYS(CURRENT_DATE, -1)} in a
     * report's WHERE clause computes a value and touches nothing.
     */
    private static final Set<String> HANA_PURE = Set.of("add_days", "add_months", "add_months_last", "add_years",
            "add_seconds", "add_nano100", "add_workdays", "days_between", "months_between", "years_between",
            "seconds_between", "nano100_between", "workdays_between", "dayname", "monthname", "isoweek", "next_day",
            "localtoutc", "utctolocal", "nchar", "unicode",
            "bintohex", "hextobin", "bintostr", "strtobin", "abap_lower", "abap_upper", "abap_numc", "abap_alphanum",
            "locate_regexpr", "substr_after", "substr_before", "substr_regexpr", "replace_regexpr",
            "occurrences_regexpr", "session_context", "sysuuid", "rownum", "hash_sha256", "hash_md5");
    private static final List<String> PURE_PREFIXES = List.of("pg_get_", "pg_stat_get_", "pg_size_", "regr_", "st_",
            "json_", "jsonb_", "to_", "array_", "date_", "regexp_", "string_", "bit_", "is_", "has_", "current_",
            "ts_", "pg_try_advisory_", "pg_column_", "pg_relation_", "pg_index", "pg_table_", "pg_visible",
            // ClickHouse's conversions and date parts (toDate, toStartOfHour, toYYYYMM), quantiles and uniq variants;
            // BigQuery's and Trino's safe_, format_, parse_, timestamp_ and approx_ families
            "todate", "tostring", "toint", "touint", "tofloat", "todecimal", "totypename", "torelative", "tounixtimestamp",
            "tomonday", "toyear", "tomonth", "todayof", "tohour", "tominute", "tosecond", "tostartof", "toyyyymm", "toiso",
            "toweek", "toquarter", "totimezone", "touuid", "tonullable", "quantile", "uniq", "formatreadable", "approx_",
            "safe_", "try_", "parse_", "format_", "timestamp_", "datetime_", "unix_", "from_", "map_", "url_extract_");

    /** SELECT/WITH/VALUES queries: reading a secret catalog is a credential read; calling an unknown function is not a read. */
    static List<Operation.Builder> queryEffects(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        String first = w.kw(0);
        if (!first.equals("SELECT") && !first.equals("WITH") && !first.equals("TABLE") && !first.equals("VALUES")) {
            return ops;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        secretColumns(w, seen, ops);
        SqlSecretTables.wholeRows(w, seen, ops);
        SqlSecretTables.secretColumns(w, seen, ops);
        for (int i = 0; i < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName()) {
                continue;
            }
            String name = t.text().toLowerCase(Locale.ROOT);
            boolean qualified = i >= 2 && w.isSymbol(i - 1, ".");
            String schema = qualified ? w.tokens().get(i - 2).text().toLowerCase(Locale.ROOT) : "";
            String full = qualified ? schema + "." + name : name;
            // "WITH r(n) AS (…)" names a CTE's columns: a name whose parentheses are followed by AS is not a call.
            boolean call = w.isSymbol(i + 1, "(") && !w.kw(w.closing(i + 1) + 1).equals("AS");
            if (!call && (SECRET_CATALOGS.contains(full) && (qualified || !name.equals("user"))
                    || qualified && CATALOG_SCHEMAS.contains(schema) && SECRET_CATALOGS.contains(name))
                    && !seen.contains(full) && !namesOnlyPlainColumns(w) && seen.add(full)) {
                ops.add(admin(Verb.CREDENTIAL, "table", full, Scope.ALL).note("reads " + full + ", which holds password hashes or credentials"));
            }
            if (call && t.kind() == SqlToken.Kind.WORD && !timeTravel(w, i) && !SqlScheduledJobs.known(full) && !SqlExtensionFunctions.known(full) && !PURE.contains(name) && !WAREHOUSE_PURE.contains(name) && !DOCUMENT_PURE.contains(name) && !HANA_PURE.contains(name) && !DANGEROUS.containsKey(name)
                    && !SqlServerFiles.FUNCTIONS.contains(name)
                    && PURE_PREFIXES.stream().noneMatch(name::startsWith) && !sqlServerSystem(schema, name) && !(i > 0 && Set.of("INTO", "TABLE", "JOIN", "AS")
                    .contains(w.kw(i - 1))) && seen.add("call:" + full)) {
                ops.add(admin(Verb.EXECUTE, "function", full, Scope.ONE).confidence(Confidence.INFERRED)
                        .note(full + "() is not known to be read-only: a function called from a query can change data"));
            }
        }
        return ops;
    }

    /** A dynamic management or {@code fn_} reader function of SQL Server's {@code sys} schema. */
    private static boolean sqlServerSystem(String schema, String name) {
        return schema.equals("sys") && SQL_SERVER_SYSTEM_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The points Snowflake's time travel reads at: {@code AT(TIMESTAMP => …)}, {@code BEFORE(STATEMENT => '…')}. */
    private static final Set<String> TIME_TRAVEL_POINTS = Set.of("TIMESTAMP", "OFFSET", "STATEMENT", "STREAM");

    /** {@code AT(…)}/{@code BEFORE(…)} after a table is the point in time the table is read at, not a function call. */
    private static boolean timeTravel(SqlWords w, int i) {
        return Set.of("AT", "BEFORE").contains(w.kw(i)) && TIME_TRAVEL_POINTS.contains(w.kw(i + 2))
                && w.isSymbol(i + 3, "=") && w.isSymbol(i + 4, ">");
    }

    private static final Set<String> SELECT_LIST_ENDS = Set.of("FROM", "INTO", "WHERE", "UNION", "INTERSECT", "EXCEPT",
            "GROUP", "ORDER", "LIMIT", ";");

    /** The columns of the secret catalogs that hold the hash, password or key itself; their other columns are an audit's. */
    private static final Set<String> CATALOG_SECRET_COLUMNS = Set.of("authentication_string", "password", "rolpassword",
            "passwd", "password_hash", "priv", "user_password", "umoptions", "srvoptions", "option_value", "spare4");

    /**
     * {@code SELECT user, host, plugin FROM mysql.user}: every select list names its columns (no {@code *}) and none of
     * them is one of {@link #CATALOG_SECRET_COLUMNS}, even inside a call; an account audit, not a read of hashes.
     */
    private static boolean namesOnlyPlainColumns(SqlWords w) {
        boolean any = false;
        for (int i = 0; i < w.size(); i++) {
            if (!w.kw(i).equals("SELECT")) {
                continue;
            }
            any = true;
            int depth = w.depth(i);
            for (int j = i + 1; j < w.size() && w.depth(j) >= depth
                    && !(w.depth(j) == depth && SELECT_LIST_ENDS.contains(w.kw(j))); j++) {
                SqlToken t = w.tokens().get(j);
                if (w.depth(j) == depth && w.isSymbol(j, "*")
                        || t.isName() && CATALOG_SECRET_COLUMNS.contains(t.text().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return any;
    }

    /** Secret columns named in a select list (not in a condition, where they are compared, not printed). */
    private static void secretColumns(SqlWords w, java.util.Set<String> seen, List<Operation.Builder> ops) {
        for (int i = 0; i < w.size(); i++) {
            if (!w.kw(i).equals("SELECT")) {
                continue;
            }
            int depth = w.depth(i);
            // the select list ends at its FROM/INTO/WHERE, or where its parentheses close (a subquery's list): each
            // token is scanned once per enclosing SELECT, never to the end of a long statement
            for (int j = i + 1; j < w.size() && w.depth(j) >= depth
                    && !(w.depth(j) == depth && SELECT_LIST_ENDS.contains(w.kw(j))); j++) {
                SqlToken t = w.tokens().get(j);
                String name = t.isName() ? t.text().toLowerCase(Locale.ROOT) : "";
                if (w.depth(j) == depth && SECRET_COLUMNS.contains(name) && !w.isSymbol(j + 1, "(") && !w.kw(j - 1).equals("AS")
                        && seen.add("column:" + name)) {
                    ops.add(admin(Verb.CREDENTIAL, "column", name, Scope.MANY).note("selects " + name + ", which holds a secret"));
                }
            }
        }
    }

    /** Calls (name followed by an opening parenthesis) of known dangerous functions; quoted names count too. */
    static List<Operation.Builder> calls(SqlWords w) {
        List<Operation.Builder> ops = new ArrayList<>();
        for (int i = 0; i + 1 < w.size(); i++) {
            SqlToken t = w.tokens().get(i);
            if (!t.isName() || !w.isSymbol(i + 1, "(")) {
                continue;
            }
            Effect e = DANGEROUS.get(t.text().toLowerCase(Locale.ROOT));
            if (e != null) {
                String arg = i + 2 < w.size() ? w.tokens().get(i + 2).text() : "";
                ops.add(admin(e.verb(), e.type(), arg, Scope.ONE).note(t.text() + "(): " + e.note()));
            }
        }
        return ops;
    }
}
