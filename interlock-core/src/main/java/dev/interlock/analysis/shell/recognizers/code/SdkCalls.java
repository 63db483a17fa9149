package dev.interlock.analysis.shell.recognizers.code;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud SDK, Kubernetes client and database driver calls in one-liner code, written back as the command line of the
 * CLI that does the same, so that they are judged exactly like it: boto3's {@code delete_bucket(Bucket='x')} is
 * {@code aws s3api delete-bucket --bucket x}, the Kubernetes client's {@code delete_namespace('payments')} is
 * {@code kubectl delete namespace payments}, a driver's {@code execute('DROP TABLE t')} is {@code psql -c 'DROP TABLE t'}
 * against the same server. Calls with no CLI twin become {@link Generic} operations.
 */
final class SdkCalls {

    /** A call with no exact CLI twin: which cloud, whether it deletes, what it names. */
    record Generic(String system, boolean deletes, String type, String name, boolean many, String call) {
    }

    /** What the code does through SDKs and drivers. */
    record Found(List<String> commandLines, List<Generic> generic) {
        boolean isEmpty() {
            return commandLines.isEmpty() && generic.isEmpty();
        }
    }

    /** Libraries that act on systems beyond this machine, by language: module prefix → what it reaches. */
    private static final Map<Language, Map<String, String>> REMOTE = Map.of(
            Language.PYTHON, ordered("boto3", "aws", "botocore", "aws", "aiobotocore", "aws", "google.cloud", "gcp",
                    "googleapiclient", "gcp", "azure", "azure", "kubernetes", "kubernetes", "psycopg", "postgresql", "psycopg2", "postgresql",
                    "asyncpg", "postgresql", "pg8000", "postgresql", "pymysql", "mysql", "MySQLdb", "mysql", "mysql", "mysql",
                    "sqlalchemy", "database", "pymongo", "mongodb", "motor", "mongodb", "redis", "redis", "elasticsearch",
                    "search", "opensearchpy", "search", "cassandra", "cassandra", "snowflake", "database", "clickhouse_driver",
                    "database", "cx_Oracle", "database", "oracledb", "database", "pyodbc", "database", "paramiko", "ssh",
                    "fabric", "ssh", "docker", "docker", "hvac", "vault", "github", "github", "gitlab", "gitlab"),
            Language.JAVASCRIPT, ordered("@aws-sdk/", "aws", "aws-sdk", "aws", "@google-cloud/", "gcp", "googleapis", "gcp",
                    "@azure/", "azure", "@kubernetes/client-node", "kubernetes", "pg", "postgresql", "postgres", "postgresql",
                    "mysql", "mysql", "mongodb", "mongodb", "mongoose", "mongodb", "redis", "redis", "ioredis", "redis",
                    "@elastic/elasticsearch", "search", "knex", "database", "sequelize", "database", "@prisma/client",
                    "database", "ssh2", "ssh", "dockerode", "docker", "@octokit/", "github"),
            Language.RUBY, ordered("aws-sdk", "aws", "google/cloud", "gcp", "azure", "azure", "kubeclient", "kubernetes",
                    "pg", "postgresql", "mysql2", "mysql", "mongo", "mongodb", "redis", "redis", "net/ssh", "ssh",
                    "octokit", "github"));

    /**
     * Languages whose database access needs no import (PHP's PDO and mysqli, Perl's DBI once loaded): the connector's
     * own call names what it reaches.
     */
    private static final Map<Pattern, String> CONNECTORS = Map.of(
            Pattern.compile("\\bPDO\\s*\\(\\s*['\"]mysql:"), "mysql",
            Pattern.compile("\\bPDO\\s*\\(\\s*['\"]pgsql:"), "postgresql",
            Pattern.compile("\\bPDO\\s*\\(\\s*['\"](?:sqlite|oci|sqlsrv|odbc|firebird|ibm|informix|dblib):"), "database",
            Pattern.compile("\\b(?:mysqli_connect|mysqli_real_connect|mysql_connect)\\s*\\(|\\bnew\\s+mysqli\\s*\\("), "mysql",
            Pattern.compile("\\bpg_p?connect\\s*\\("), "postgresql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:Pg:"), "postgresql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:(?:mysql|MariaDB):"), "mysql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:(?!Pg:|mysql:|MariaDB:)\\w+:"), "database");
    /** A PDO or DBI data source name: driver, then {@code key=value} pairs separated by {@code ;}. */
    private static final Pattern DSN = Pattern.compile("(?i)^(?:dbi:)?(mysql|MariaDB|pgsql|Pg|sqlite):(.*)$");
    private static final Pattern PY_IMPORT = Pattern.compile("(?:^|[;\\n])\\s*(?:from\\s+([\\w.]+)\\s+import|import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*))");
    private static final Pattern JS_IMPORT = Pattern.compile("(?:require|import)\\s*\\(\\s*['\"]([^'\"]+)['\"]|\\bfrom\\s+['\"]([^'\"]+)['\"]|^\\s*import\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern RB_IMPORT = Pattern.compile("\\brequire(?:_relative)?\\s*\\(?\\s*['\"]([^'\"]+)['\"]");
    private static final String LIT = "(?:'([^'\\\\]*)'|\"([^\"\\\\]*)\")";
    private static final Pattern BOTO_CLIENT = Pattern.compile("(?:(\\w+)\\s*=\\s*)?[\\w.()]*?\\bclient\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT);
    private static final Pattern BOTO_RESOURCE = Pattern.compile("\\bresource\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT);
    private static final Pattern SNAKE_CALL = Pattern.compile("(\\w+|\\))\\s*\\.\\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)+|invoke|publish|scan|query|decrypt)\\s*\\(");
    private static final Pattern AWS_VERBS = Pattern.compile("(?:delete|terminate|remove|purge|deregister|detach|disassociate|revoke|stop|reboot|modify|update|put|create|run|start|attach|associate|authorize|restore|copy|invoke|send|publish|empty|cancel|disable|enable|reset|import|register|tag|untag|set|rotate|schedule|describe|list|get|head|batch|execute|scan|query|decrypt|assume|upload|abort|complete|change|replace|release|allocate|promote|failover)(?:[_A-Z].*)?");
    private static final Pattern JS_COMMAND = Pattern.compile("\\bnew\\s+(\\w+?)Command\\s*\\(\\s*(\\{[^}]*\\})?");
    private static final Pattern JS_V2_SERVICE = Pattern.compile("\\bnew\\s+(?:AWS\\.)?(S3|EC2|RDS|DynamoDB|Lambda|IAM|SQS|SNS|KMS|ECS|EKS|Route53|CloudFormation|SecretsManager|ElastiCache|Redshift|CloudWatchLogs|STS|ECR)\\s*\\(");
    private static final Pattern CAMEL_CALL = Pattern.compile("\\.\\s*([a-z]+[A-Z]\\w*)\\s*\\(\\s*(\\{[^}]*\\})?");
    private static final Pattern K8S_CALL = Pattern.compile("\\.\\s*((?:delete|patch|replace|create|list|read)_?(?:collection_?)?(?:namespaced_?)?([A-Za-z_]+?)(?:_?[Ff]or_?[Aa]ll_?[Nn]amespaces)?)\\s*\\(([^)]*)\\)");
    private static final Pattern SQL_CALL = Pattern.compile("(?:\\.|\\b)(?:execute|executemany|executescript|exec_driver_sql|exec|query|raw|run|do|selectrow_array|selectrow_arrayref|selectrow_hashref|selectall_arrayref|selectall_hashref|selectcol_arrayref|pg_query|pg_exec|pg_send_query|mysqli_query|mysqli_multi_query|mysql_query|\\$executeRawUnsafe|\\$queryRawUnsafe|\\$executeRaw|\\$queryRaw|prepare)\\s*(?:\\(\\s*(?:text\\s*\\(\\s*)?(?:\\$\\w+\\s*,\\s*)?|`)"
            + "(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|((?<=`)[^`$]*)`)");
    private static final Pattern CONNECT = Pattern.compile("\\b(?:connect|create_engine|create_async_engine|Client|Pool|createConnection|createPool|MongoClient|Redis|StrictRedis|from_url|createClient|Sequel\\.connect|new|PDO|mysqli_connect|mysqli|pg_connect|pg_pconnect)\\s*\\(\\s*(?:\\{\\s*(?:url|connectionString|uri)\\s*:\\s*)?" + LIT);
    private static final Pattern KWARG = Pattern.compile("\\b(host|hostname|dbname|database|db|user|port)\\s*[=:]\\s*" + LIT);
    private static final Pattern REDIS_CALL = Pattern.compile("\\.\\s*(flushall|flushdb|flushAll|flushDb|delete|del|unlink)\\s*\\(([^)]*)\\)");
    private static final Pattern MONGO_DROP_DB = Pattern.compile("\\.\\s*(?:drop_database|dropDatabase)\\s*\\(\\s*" + LIT + "?");
    private static final Pattern MONGO_COLLECTION = Pattern.compile("(?:\\[\\s*" + LIT + "\\s*\\]|\\.(\\w+)|collection\\s*\\(\\s*" + LIT + "\\s*\\))\\s*\\.\\s*(drop|delete_many|deleteMany|remove|drop_indexes)\\s*\\(([^)]*)\\)");
    private static final Pattern MONGO_DROP_COLLECTION = Pattern.compile("\\.\\s*(?:drop_collection|dropCollection)\\s*\\(\\s*" + LIT);
    private static final Pattern CLOUD_CALL = Pattern.compile("\\.\\s*((?:begin_)?(delete|drop|destroy|purge|remove|truncate|create|insert|update|patch|set|put|stop|start|restart|reset|resize|deallocate|power_off)\\w*)\\s*\\(([^)]*)\\)");
    private static final Pattern CLOUD_NAMED = Pattern.compile("\\b(bucket|get_bucket|dataset|table|instance|topic|subscription|blob|database|cluster|secret|key_ring|zone)\\s*\\(\\s*" + LIT);

    private SdkCalls() {
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    /** What the code's imports reach beyond this machine, or empty: {@code aws}, {@code postgresql}, … */
    static List<String> reaches(String code, Language language) {
        Map<String, String> table = REMOTE.getOrDefault(language, Map.of());
        List<String> out = new ArrayList<>();
        CONNECTORS.forEach((connector, system) -> {
            if (connector.matcher(code).find() && !out.contains(system)) {
                out.add(system);
            }
        });
        for (String module : modules(code, language)) {
            table.forEach((prefix, system) -> {
                boolean hit = prefix.endsWith("/") ? module.startsWith(prefix)
                        : module.equals(prefix) || module.startsWith(prefix + ".") || module.startsWith(prefix + "/")
                        || language == Language.RUBY && module.startsWith(prefix);
                if (hit && !out.contains(system)) {
                    out.add(system);
                }
            });
        }
        return out;
    }

    private static List<String> modules(String code, Language language) {
        List<String> out = new ArrayList<>();
        switch (language) {
            case PYTHON -> {
                Matcher m = PY_IMPORT.matcher(code);
                while (m.find()) {
                    if (m.group(1) != null) {
                        out.add(m.group(1));
                    } else {
                        for (String part : m.group(2).split(",")) {
                            out.add(part.strip().split("\\s+")[0]);
                        }
                    }
                }
            }
            case JAVASCRIPT -> {
                Matcher m = JS_IMPORT.matcher(code);
                while (m.find()) {
                    out.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
            case RUBY -> {
                Matcher m = RB_IMPORT.matcher(code);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            default -> { }
        }
        return out;
    }

    static Found find(String code, Language language) {
        List<String> reaches = reaches(code, language);
        List<String> lines = new ArrayList<>();
        List<Generic> generic = new ArrayList<>();
        if (reaches.isEmpty()) {
            return new Found(lines, generic);
        }
        if (reaches.contains("aws")) {
            if (language == Language.PYTHON) {
                boto3(code, lines, generic);
            } else if (language == Language.JAVASCRIPT) {
                awsJs(code, lines);
            }
        }
        if (reaches.contains("kubernetes")) {
            kubernetes(code, lines);
        }
        String dialect = reaches.contains("postgresql") ? "postgresql" : reaches.contains("mysql") ? "mysql"
                : reaches.contains("database") ? "" : null;
        if (dialect != null) {
            sql(code, dialect, lines);
        }
        if (reaches.contains("redis")) {
            redis(code, lines);
        }
        if (reaches.contains("mongodb")) {
            mongo(code, lines);
        }
        for (String cloud : List.of("gcp", "azure")) {
            if (reaches.contains(cloud)) {
                cloud(cloud, code, generic);
            }
        }
        return new Found(lines, generic);
    }

    // --- AWS -------------------------------------------------------------------------------------------------------

    private static void boto3(String code, List<String> lines, List<Generic> generic) {
        Map<String, String> clients = new LinkedHashMap<>();
        List<String> services = new ArrayList<>();
        Matcher c = BOTO_CLIENT.matcher(code);
        while (c.find()) {
            String service = lit(c, 2);
            services.add(service);
            if (c.group(1) != null) {
                clients.put(c.group(1), service);
            }
        }
        String prefix = awsPrefix(code);
        Matcher m = SNAKE_CALL.matcher(code);
        while (m.find()) {
            String receiver = m.group(1);
            String method = m.group(2);
            String service = clients.get(receiver);
            if (service == null && receiver.equals(")")) {
                Matcher chained = Regex.pattern("client\\s*\\(\\s*(?:service_name\\s*=\\s*)?" + LIT + "[^)]*\\)\\s*$")
                        .matcher(Regex.replaceFirst(code.substring(0, m.start(2)), "\\s*\\.\\s*$", ""));
                service = chained.find() ? lit(chained, 1) : null;
            }
            if (service == null && services.size() == 1 && AWS_VERBS.matcher(method).matches()
                    && !Regex.matches(method, "get_paginator|get_waiter|can_paginate|generate_presigned_\\w+|get_object_or_none")) {
                service = services.getFirst();
            }
            if (service == null || Regex.matches(method, "get_paginator|get_waiter|can_paginate|generate_presigned_\\w+|load_kube_config")) {
                continue;
            }
            String args = callArguments(code, m.end());
            lines.add(prefix + "aws " + (service.equals("s3") ? "s3api" : service) + " " + method.replace('_', '-')
                    + awsOptions(args, "=") + region(code));
        }
        Matcher r = BOTO_RESOURCE.matcher(code);
        if (r.find()) {
            String service = lit(r, 1);
            Matcher d = Regex.pattern("\\.\\s*(delete|terminate|purge|stop|reboot|delete_objects|delete_item|batch_delete|detach_\\w+|remove\\w*)\\s*\\(").matcher(code);
            while (d.find()) {
                String before = code.substring(0, d.start());
                Matcher named = Regex.pattern("\\.\\s*([A-Z]\\w*)\\s*\\(\\s*" + LIT).matcher(before);
                String type = "resource";
                String name = "";
                while (named.find()) {
                    type = named.group(1);
                    name = lit(named, 2);
                }
                boolean many = Regex.find(before.substring(Math.max(0, before.length() - 60)), "\\.(?:all|filter|objects|object_versions)\\b");
                if (service.equals("s3") && type.equals("Bucket") && !name.isEmpty()) {
                    lines.add(prefix + (many ? "aws s3 rm s3://" + name + " --recursive" : d.group(1).equals("delete")
                            ? "aws s3 rb s3://" + name : "aws s3 rm s3://" + name + " --recursive"));
                } else if (service.equals("ec2") && type.equals("Instance") && !name.isEmpty()) {
                    lines.add(prefix + "aws ec2 " + (d.group(1).equals("terminate") ? "terminate" : d.group(1)) + "-instances --instance-ids " + name);
                } else if (service.equals("dynamodb") && type.equals("Table") && !name.isEmpty()) {
                    lines.add(prefix + "aws dynamodb " + (d.group(1).equals("delete") ? "delete-table" : d.group(1).replace('_', '-'))
                            + " --table-name " + name);
                } else {
                    generic.add(new Generic("aws", !Regex.matches(d.group(1), "stop|reboot"), service + " " + type, name, many,
                            "boto3 " + service + " ." + d.group(1) + "()"));
                }
            }
        }
    }

    /** {@code boto3.Session(profile_name='prod')} → {@code AWS_PROFILE=prod }. */
    private static String awsPrefix(String code) {
        Matcher p = Regex.pattern("\\bprofile_name\\s*=\\s*" + LIT).matcher(code);
        return p.find() ? "AWS_PROFILE=" + quote(lit(p, 1)) + " " : "";
    }

    private static String region(String code) {
        Matcher p = Regex.pattern("\\b(?:region_name|region)\\s*[=:]\\s*" + LIT).matcher(code);
        return p.find() ? " --region " + quote(lit(p, 1)) : "";
    }

    private static void awsJs(String code, List<String> lines) {
        List<String> services = new ArrayList<>();
        Matcher pkg = Regex.pattern("@aws-sdk/client-([\\w-]+)").matcher(code);
        while (pkg.find()) {
            services.add(pkg.group(1));
        }
        Matcher cmd = JS_COMMAND.matcher(code);
        while (cmd.find()) {
            String service = services.isEmpty() ? "unknown" : services.getFirst();
            lines.add("aws " + (service.equals("s3") ? "s3api" : service) + " " + kebab(cmd.group(1))
                    + awsOptions(cmd.group(2) == null ? "" : cmd.group(2), ":") + region(code));
        }
        Matcher v2 = JS_V2_SERVICE.matcher(code);
        if (v2.find()) {
            String service = v2.group(1).toLowerCase(Locale.ROOT);
            Matcher call = CAMEL_CALL.matcher(code);
            while (call.find()) {
                if (AWS_VERBS.matcher(call.group(1)).matches() && !call.group(1).equals("promise")) {
                    lines.add("aws " + (service.equals("s3") ? "s3api" : service) + " " + kebab(call.group(1))
                            + awsOptions(call.group(2) == null ? "" : call.group(2), ":") + region(code));
                }
            }
        }
    }

    /** {@code Bucket='x', InstanceIds=['i-1']} → {@code  --bucket x --instance-ids i-1}; non-literal values are left out. */
    private static String awsOptions(String args, String assign) {
        StringBuilder out = new StringBuilder();
        Matcher kv = Regex.pattern("\\b([A-Z]\\w*)\\s*" + Pattern.quote(assign) + "\\s*(\\[[^\\]]*\\]|" + LIT + "|True|False|true|false)").matcher(args);
        while (kv.find()) {
            String option = "--" + kebab(kv.group(1));
            String value = kv.group(2);
            if (value.equals("True") || value.equals("true")) {
                out.append(' ').append(option);
            } else if (value.equals("False") || value.equals("false")) {
                out.append(" --no-").append(option.substring(2));
            } else if (value.startsWith("[")) {
                out.append(' ').append(option);
                Matcher item = Regex.pattern(LIT).matcher(value);
                while (item.find()) {
                    out.append(' ').append(quote(lit(item, 1)));
                }
            } else {
                out.append(' ').append(option).append(' ').append(quote(lit(kv, 3)));
            }
        }
        return out.toString();
    }

    // --- Kubernetes -------------------------------------------------------------------------------------------------

    private static void kubernetes(String code, List<String> lines) {
        Matcher ctx = Regex.pattern("\\bload_kube_config\\s*\\([^)]*context\\s*=\\s*" + LIT).matcher(code);
        String context = ctx.find() ? " --context " + quote(lit(ctx, 1)) : "";
        Matcher m = K8S_CALL.matcher(code);
        while (m.find()) {
            String method = snake(m.group(1));
            String verb = method.substring(0, method.indexOf('_') < 0 ? method.length() : method.indexOf('_'));
            boolean namespaced = method.contains("namespaced");
            boolean collection = method.contains("collection");
            String kind = snake(m.group(2)).replace("_", "");
            kind = Regex.replaceFirst(kind, "(status|scale|log|ephemeralcontainers|proxy\\w*)$", "");
            if (kind.isEmpty() || kind.equals("customobject") || kind.equals("clustercustomobject")) {
                kind = "customresource";
            }
            List<String> positional = new ArrayList<>();
            Map<String, String> named = new LinkedHashMap<>();
            Matcher a = Regex.pattern("(?:\\b(\\w+)\\s*[=:]\\s*)?" + LIT).matcher(m.group(3));
            while (a.find()) {
                if (a.group(1) != null) {
                    named.put(a.group(1), lit(a, 2));
                } else {
                    positional.add(lit(a, 2));
                }
            }
            boolean nameFirst = !collection && !verb.equals("create") && !verb.equals("list");
            String name = named.getOrDefault("name", nameFirst && !positional.isEmpty() ? positional.getFirst() : "");
            String namespace = named.getOrDefault("namespace", namespaced
                    ? positional.size() > (nameFirst ? 1 : 0) ? positional.get(nameFirst ? 1 : 0) : "" : "");
            String kubectlVerb = switch (verb) {
                case "list", "read" -> "get";
                default -> verb;
            };
            StringBuilder line = new StringBuilder("kubectl ").append(kubectlVerb).append(' ').append(kind);
            if (!name.isEmpty()) {
                line.append(' ').append(quote(name));
            } else if (collection || verb.equals("delete")) {
                line.append(" --all");
            }
            if (!namespace.isEmpty()) {
                line.append(" -n ").append(quote(namespace));
            } else if (method.contains("all_namespaces")) {
                line.append(" -A");
            }
            lines.add(line.append(context).toString());
        }
    }

    // --- Databases --------------------------------------------------------------------------------------------------

    private static void sql(String code, String dialect, List<String> lines) {
        Optional<String> url = connection(code);
        String d = dialect;
        if (d.isEmpty()) {
            d = url.map(u -> u.startsWith("mysql") ? "mysql" : u.startsWith("sqlite") ? "sqlite" : "postgresql").orElse("postgresql");
        }
        Matcher m = SQL_CALL.matcher(code);
        while (m.find()) {
            String statement = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (statement == null || !Regex.find(statement, "(?i)^\\s*(?:select|insert|update|delete|drop|truncate|alter|create|grant|revoke|with|merge|replace|copy|vacuum|reindex|call|do|set|reset|flush|purge|load|rename|comment|lock|begin|commit)\\b")) {
                continue;
            }
            String target = url.map(SdkCalls::quote).orElse("");
            lines.add(switch (d) {
                case "mysql" -> "mysql " + mysqlTarget(code, url) + "-e " + quote(statement);
                case "sqlite" -> "sqlite3 " + (target.isEmpty() ? "db.sqlite" : quote(url.get().replaceFirst("^sqlite:/*", "/"))) + " " + quote(statement);
                default -> "psql " + (target.isEmpty() ? pgTarget(code) : target + " ") + "-c " + quote(statement);
            });
        }
    }

    private static Optional<String> connection(String code) {
        Matcher c = CONNECT.matcher(code);
        while (c.find()) {
            String value = lit(c, 1);
            Matcher dsn = DSN.matcher(value);
            if (dsn.matches()) {
                return Optional.of(url(dsn.group(1), dsn.group(2), ";"));
            }
            if (c.group().startsWith("pg_") && value.contains("=")) {
                return Optional.of(url("pgsql", value, " ")); // libpq's key=value connection string
            }
            if (c.group().startsWith("mysqli") && !value.isBlank()) {
                return Optional.of("mysql://" + value); // mysqli's first argument is the host
            }
            if (value.contains("://") || value.contains("=") || value.contains("@")) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A DSN's {@code host}, {@code port} and database as a URL the SQL clients' lines take. */
    private static String url(String driver, String pairs, String separator) {
        Map<String, String> kv = new LinkedHashMap<>();
        for (String pair : pairs.split(separator)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                kv.put(pair.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), pair.substring(eq + 1).strip());
            }
        }
        String scheme = switch (driver.toLowerCase(java.util.Locale.ROOT)) {
            case "mysql", "mariadb" -> "mysql";
            case "sqlite" -> "sqlite";
            default -> "postgresql";
        };
        if (scheme.equals("sqlite")) {
            return "sqlite:///" + pairs.replaceFirst("^/+", "");
        }
        String host = kv.getOrDefault("host", kv.getOrDefault("hostname", "localhost"));
        String port = kv.containsKey("port") ? ":" + kv.get("port") : "";
        String database = kv.getOrDefault("dbname", kv.getOrDefault("database", kv.getOrDefault("db", "")));
        return scheme + "://" + host + port + (database.isEmpty() ? "" : "/" + database);
    }

    private static String pgTarget(String code) {
        StringBuilder out = new StringBuilder();
        Matcher kv = KWARG.matcher(code);
        while (kv.find()) {
            switch (kv.group(1)) {
                case "host", "hostname" -> out.append("-h ").append(quote(lit(kv, 2))).append(' ');
                case "dbname", "database", "db" -> out.append("-d ").append(quote(lit(kv, 2))).append(' ');
                default -> { }
            }
        }
        return out.toString();
    }

    private static String mysqlTarget(String code, Optional<String> url) {
        if (url.isPresent()) {
            Matcher u = Regex.pattern("^\\w+://(?:[^@/]*@)?([^/:?]+)(?::\\d+)?(?:/([^?]+))?").matcher(url.get());
            if (u.find()) {
                return "-h " + quote(u.group(1)) + " " + (u.group(2) != null ? quote(u.group(2)) + " " : "");
            }
        }
        StringBuilder out = new StringBuilder();
        String database = "";
        Matcher kv = KWARG.matcher(code);
        while (kv.find()) {
            switch (kv.group(1)) {
                case "host", "hostname" -> out.append("-h ").append(quote(lit(kv, 2))).append(' ');
                case "dbname", "database", "db" -> database = quote(lit(kv, 2)) + " ";
                default -> { }
            }
        }
        return out + database;
    }

    private static void redis(String code, List<String> lines) {
        Optional<String> url = connection(code).filter(u -> u.startsWith("redis"));
        Matcher host = Regex.pattern("\\bhost\\s*[=:]\\s*" + LIT).matcher(code);
        String target = url.map(u -> "-u " + quote(u) + " ").orElse(host.find() ? "-h " + quote(lit(host, 1)) + " " : "");
        Matcher m = REDIS_CALL.matcher(code);
        while (m.find()) {
            String call = m.group(1).toLowerCase(Locale.ROOT);
            if (call.startsWith("flush")) {
                lines.add("redis-cli " + target + call);
            } else {
                List<String> keys = new ArrayList<>();
                Matcher k = Regex.pattern(LIT).matcher(m.group(2));
                while (k.find()) {
                    keys.add(quote(lit(k, 1)));
                }
                if (!keys.isEmpty()) {
                    lines.add("redis-cli " + target + "del " + String.join(" ", keys));
                }
            }
        }
    }

    private static void mongo(String code, List<String> lines) {
        String target = connection(code).filter(u -> u.startsWith("mongodb")).map(u -> quote(u) + " ").orElse("");
        Matcher db = MONGO_DROP_DB.matcher(code);
        while (db.find()) {
            String name = lit(db, 1);
            lines.add("mongosh " + target + "--eval " + quote(name.isEmpty() ? "db.dropDatabase()"
                    : "db.getSiblingDB('" + name + "').dropDatabase()"));
        }
        Matcher dc = MONGO_DROP_COLLECTION.matcher(code);
        while (dc.find()) {
            lines.add("mongosh " + target + "--eval " + quote("db." + lit(dc, 1) + ".drop()"));
        }
        Matcher c = MONGO_COLLECTION.matcher(code);
        while (c.find()) {
            String collection = c.group(1) != null || c.group(2) != null ? lit(c, 1) : c.group(3) != null ? c.group(3) : lit(c, 4);
            String call = switch (c.group(6)) {
                case "delete_many", "deleteMany", "remove" -> "deleteMany(" + (c.group(7).isBlank() ? "{}" : c.group(7).strip()) + ")";
                case "drop_indexes" -> "dropIndexes()";
                default -> "drop()";
            };
            lines.add("mongosh " + target + "--eval " + quote("db." + collection + "." + call));
        }
    }

    // --- Google Cloud, Azure ----------------------------------------------------------------------------------------

    private static void cloud(String system, String code, List<Generic> generic) {
        Matcher m = CLOUD_CALL.matcher(code);
        while (m.find()) {
            String name = "";
            String type = system + " resource";
            Matcher own = Regex.pattern(LIT).matcher(m.group(3));
            if (own.find()) {
                name = lit(own, 1);
            }
            Matcher named = CLOUD_NAMED.matcher(code.substring(0, m.start()));
            while (named.find()) {
                type = named.group(1).replace("get_", "");
                name = name.isEmpty() ? lit(named, 2) : name;
            }
            boolean deletes = Regex.matches(m.group(2), "delete|drop|destroy|purge|remove|truncate");
            generic.add(new Generic(system, deletes, type, name, m.group(3).contains("force"), m.group(1)));
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** The text of a call's arguments, from just after its opening parenthesis to the matching close. */
    private static String callArguments(String code, int from) {
        int depth = 1;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return code.substring(from, i);
                }
            }
        }
        return code.substring(from);
    }

    private static String lit(Matcher m, int firstGroup) {
        String v = m.group(firstGroup);
        return v != null ? v : m.group(firstGroup + 1) != null ? m.group(firstGroup + 1) : "";
    }

    /** {@code DBInstanceIdentifier} → {@code db-instance-identifier}; {@code DeleteBucket} → {@code delete-bucket}. */
    static String kebab(String camel) {
        String s = Regex.replaceAll(Regex.replaceAll(camel, "([A-Z]+)([A-Z][a-z])", "$1-$2"), "([a-z0-9])([A-Z])", "$1-$2");
        return s.toLowerCase(Locale.ROOT);
    }

    private static String snake(String camel) {
        return kebab(camel).replace('-', '_');
    }

    private static String quote(String value) {
        return Regex.matches(value, "[\\w@%+=:,./~-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
