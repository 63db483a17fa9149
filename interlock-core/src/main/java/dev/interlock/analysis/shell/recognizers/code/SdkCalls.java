package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.snake;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.CodeCalls.Language;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cloud SDK, Kubernetes client and database driver calls in one-liner code, written back as the command line of the
 * CLI that does the same, so that they are judged exactly like it: boto3's {@code delete_bucket(Bucket='x')} is
 * {@code aws s3api delete-bucket --bucket x}, the Kubernetes client's {@code delete_namespace('payments')} is
 * {@code kubectl delete namespace payments}, a driver's {@code execute('DROP TABLE t')} is {@code psql -c 'DROP TABLE t'}
 * against the same server. Calls with no CLI twin become {@link Generic} operations. The Docker SDK for Python is
 * {@link DockerSdkCalls}, Redis and MongoDB drivers are {@link DataStoreCalls}, etcd clients {@link EtcdCalls}, LDAP clients {@link LdapCalls}, libvirt's binding {@link LibvirtSdkCalls}, Elasticsearch and OpenSearch clients {@link SearchClientCalls}, MQTT clients {@link MqttCalls}, Modbus, BACnet and OPC UA libraries {@link IndustrialCalls}, job queues (Celery, BullMQ, RQ, Sidekiq) {@link JobQueueCalls}, Google Cloud and Azure libraries {@link CloudSdkCalls}, vector databases'
 * {@link VectorStoreCalls}; every finder records the calls it accounted for, so that {@link UnreadCalls} can name the rest.
 */
final class SdkCalls {

    /**
     * A call with no exact CLI twin: which system, what it does, what it names, and where: {@code locators} (project,
     * subscription, resource group, host, database) for the environment, or {@code local}, why it stays on this machine
     * (an emulator), when it does.
     */
    record Generic(String system, Verb verb, String type, String name, boolean many, String call,
                   Map<String, String> locators, String local) {
    }

    /**
     * What the code does through SDKs and drivers, and the names of the calls that account for it. {@code placed}: the
     * locators a command line's operations take where the code, not the line, names the place (a session's profile).
     */
    record Found(List<String> commandLines, List<Generic> generic, Set<String> accounted, Map<String, Map<String, String>> placed) {
        boolean isEmpty() {
            return commandLines.isEmpty() && generic.isEmpty();
        }
    }

    /** The JVM's and .NET's packages and namespaces (imports, fully qualified names, dependency coordinates) → what they reach. */
    private static final Map<String, String> JVM_REMOTE = ordered("software.amazon.awssdk", "aws", "com.amazonaws", "aws",
            "Amazon", "aws", "io.fabric8.kubernetes", "kubernetes", "io.kubernetes.client", "kubernetes", "k8s", "kubernetes",
            "Azure", "azure", "com.azure", "azure", "org.opensearch.client", "search", "co.elastic.clients", "search",
            "org.elasticsearch.client", "search");
    private static final Set<Language> JVM_LANGUAGES = java.util.EnumSet.of(Language.JAVA, Language.GROOVY, Language.SCALA,
            Language.KOTLIN, Language.CSHARP, Language.CLOJURE);
    /** A dotted name in JVM or .NET code: {@code software.amazon.awssdk.services.ec2.Ec2Client}, {@code Azure.ResourceManager}. */
    private static final Pattern DOTTED = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)+)");
    /** Libraries that act on systems beyond this machine, by language: module prefix → what it reaches. */
    private static final Map<Language, Map<String, String>> REMOTE = Map.of(
            Language.PYTHON, ordered("boto3", "aws", "botocore", "aws", "aiobotocore", "aws", "google.cloud", "gcp",
                    "googleapiclient", "gcp", "firebase_admin", "gcp", "azure", "azure", "kubernetes", "kubernetes", "psycopg", "postgresql", "psycopg2", "postgresql",
                    "asyncpg", "postgresql", "pg8000", "postgresql", "pymysql", "mysql", "MySQLdb", "mysql", "mysql", "mysql",
                    "sqlalchemy", "database", "pymongo", "mongodb", "motor", "mongodb", "redis", "redis", "elasticsearch",
                    "search", "opensearchpy", "search", "cassandra", "cassandra", "snowflake", "database", "clickhouse_driver",
                    "clickhouse", "clickhouse_connect", "clickhouse", "cx_Oracle", "database", "oracledb", "database", "pyodbc", "database", "paramiko", "ssh",
                    "winrm", "winrm", "fabric", "ssh", "docker", "docker", "hvac", "vault", "github", "github", "gitlab", "gitlab",
                    "jenkins", "jenkins", "jenkinsapi", "jenkins",
                    "ncclient", "network", "napalm", "network", "jnpr", "network", "netmiko", "network", "scrapli", "network",
                    "pyeapi", "network", "nornir", "network", "nornir_napalm", "network", "nornir_netmiko", "network",
                    "nornir_scrapli", "network", "nornir_netconf", "network", "sqlite3", "sqlite",
                    "pymssql", "database",
                    "huggingface_hub", "huggingface", "mlflow", "mlflow", "wandb", "wandb", "sagemaker", "sagemaker",
                    "langsmith", "langsmith", "chromadb", "chroma", "pymilvus", "milvus", "qdrant_client", "qdrant",
                    "pinecone", "pinecone", "weaviate", "weaviate", "etcd3", "etcd", "libvirt", "libvirt", "pika", "amqp", "aio_pika", "amqp", "kombu", "amqp",
                    "ldap3", "ldap", "ldap", "ldap", "pymodbus", "modbus", "BAC0", "bacnet", "asyncua", "opcua", "opcua", "opcua"),
            Language.JAVASCRIPT, ordered("@aws-sdk/", "aws", "aws-sdk", "aws", "@google-cloud/", "gcp", "googleapis", "gcp", "firebase-admin", "gcp",
                    "@azure/", "azure", "@kubernetes/client-node", "kubernetes", "pg", "postgresql", "postgres", "postgresql",
                    "mysql", "mysql", "ibm_db", "database", "oracledb", "database", "mongodb", "mongodb", "mongoose", "mongodb", "redis", "redis", "ioredis", "redis",
                    "@elastic/elasticsearch", "search", "@opensearch-project/opensearch", "search", "knex", "database", "sequelize", "database", "@prisma/client",
                    "database", "ssh2", "ssh", "dockerode", "docker", "@octokit/", "github", "chromadb", "chroma",
                    "@zilliz/milvus2-sdk-node", "milvus", "@qdrant/js-client-rest", "qdrant", "@pinecone-database/pinecone", "pinecone",
                    "weaviate-client", "weaviate", "weaviate-ts-client", "weaviate", "etcd3", "etcd",
                    "mssql", "database", "tedious", "database", "amqplib", "amqp", "amqp-connection-manager", "amqp",
                    "ldapjs", "ldap", "ldapts", "ldap"),
            Language.RUBY, ordered("aws-sdk", "aws", "google/cloud", "gcp", "azure", "azure", "kubeclient", "kubernetes",
                    "pg", "postgresql", "mysql2", "mysql", "mongo", "mongodb", "redis", "redis", "net/ssh", "ssh",
                    "octokit", "github", "Aws::", "aws", "Google::Cloud", "gcp", "Redis", "redis", "elasticsearch", "search",
                    "opensearch", "search", "Elasticsearch::", "search", "OpenSearch::", "search", "bunny", "amqp", "Bunny", "amqp"),
            Language.PHP, ordered("Aws", "aws", "Google\\Cloud", "gcp", "MicrosoftAzure", "azure"),
            Language.PERL, ordered("Paws", "aws", "Net::Amazon::S3", "aws", "Amazon::S3", "aws"));

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
            // a JDBC URL names the database whatever the JVM language's wrapper (groovy.sql.Sql, next.jdbc, DriverManager)
            Pattern.compile("['\"]jdbc:postgresql:"), "postgresql",
            Pattern.compile("['\"]jdbc:(?:mysql|mariadb):"), "mysql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:Pg:"), "postgresql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:(?:mysql|MariaDB):"), "mysql",
            Pattern.compile("(?i)\\bDBI\\s*->\\s*connect\\s*\\(\\s*['\"]dbi:(?!Pg:|mysql:|MariaDB:)\\w+:"), "database");
    /** A PDO or DBI data source name: driver, then {@code key=value} pairs separated by {@code ;}. */
    private static final Pattern DSN = Pattern.compile("(?i)^(?:dbi:)?(mysql|MariaDB|pgsql|Pg|sqlite):(.*)$");
    private static final Pattern PY_IMPORT = Pattern.compile("(?:^|[;\\n])\\s*(?:from\\s+([\\w.]+)\\s+import|import\\s+([\\w.]+(?:\\s+as\\s+\\w+)?(?:\\s*,\\s*[\\w.]+(?:\\s+as\\s+\\w+)?)*))");
    private static final Pattern JS_IMPORT = Pattern.compile("(?:require|import)\\s*\\(\\s*['\"]([^'\"]+)['\"]|\\bfrom\\s+['\"]([^'\"]+)['\"]|^\\s*import\\s+['\"]([^'\"]+)['\"]");
    private static final Pattern RB_IMPORT = Pattern.compile("\\brequire(?:_relative)?\\s*\\(?\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern K8S_CALL = Pattern.compile("\\.\\s*((?:delete|patch|replace|create|list|read)_?(?:[Cc]ollection_?)?(?:[Nn]amespaced_?)?([A-Za-z_]+?)(?:_?[Ff]or_?[Aa]ll_?[Nn]amespaces)?)\\s*\\(([^)]*)\\)");
    /**
     * The context the client is built for: Python's {@code load_kube_config(context='x')} and
     * {@code new_client_from_config(context='x')}, JavaScript's {@code kc.setCurrentContext('x')}.
     */
    private static final Pattern KUBE_CONTEXT = Pattern.compile("\\b(?:(?:load_kube_config|new_client_from_config)\\s*\\([^)]*context\\s*=\\s*|setCurrentContext\\s*\\(\\s*"
            + "|currentContext\\s*[:=]\\s*|autoConfigure\\s*\\(\\s*|setContext\\s*\\(\\s*|withCurrentContext\\s*\\(\\s*)" + LIT);
    /** The kubeconfig file the client reads: {@code load_kube_config(config_file='x')}, {@code kc.loadFromFile('x')}. */
    private static final Pattern KUBE_FILE = Pattern.compile("\\b(?:(?:load_kube_config|new_client_from_config)\\s*\\([^)]*config_file\\s*=\\s*|loadFromFile\\s*\\(\\s*)" + LIT);
    private static final Pattern SQL_CALL = Pattern.compile("(?:\\.|\\b)(?:execute|executeUpdate|executeInsert|executeQuery|executeLargeUpdate|firstRow|eachRow|rows|executemany|command|executescript|execute_string|sql|exec_driver_sql|exec|query|raw|run|do|selectrow_array|selectrow_arrayref|selectrow_hashref|selectall_arrayref|selectall_hashref|selectcol_arrayref|querySync|pg_query|pg_exec|pg_send_query|mysqli_query|mysqli_multi_query|mysql_query|\\$executeRawUnsafe|\\$queryRawUnsafe|\\$executeRaw|\\$queryRaw|prepare)\\s*(?:\\(\\s*(?:(?:sqlalchemy\\.)?text\\s*\\(\\s*)?(?:\\$\\w+\\s*,\\s*)?|`)"
            + "(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"|((?<=`)[^`$]*)`)");
    /** {@code 'jdbc:postgresql://host:5432/db?user=x'}: the URL a JDBC driver connects to, without its properties. */
    private static final Pattern JDBC_URL = Pattern.compile("['\"]jdbc:(postgresql|mysql|mariadb):(//[^'\"?;\\s]+)");
    private static final Pattern CONNECT = Pattern.compile("\\b(?:connect|create_engine|create_async_engine|Client|Pool|createConnection|createPool|MongoClient|Redis|StrictRedis|from_url|createClient|Sequel\\.connect|new|PDO|mysqli_connect|mysqli|pg_connect|pg_pconnect|postgres)\\s*\\(\\s*(?:\\{\\s*(?:url|connectionString|uri)\\s*:\\s*|(?:dsn|conninfo|url)\\s*=\\s*)?" + LIT);
    /**
     * Oracle's {@code dsn='host[:port]/service'} keyword (oracledb, cx_Oracle) and the Db2 driver's
     * {@code open('DATABASE=…;HOSTNAME=…')}: where the connection goes when no URL comes first.
     */
    private static final Pattern ORACLE_DSN = Pattern.compile("\\bdsn\\s*=\\s*" + LIT);
    private static final Pattern DB2_OPEN = Pattern.compile("\\.open(?:Sync)?\\s*\\(\\s*" + LIT);
    private static final Pattern SQLITE_CONNECT = Pattern.compile("\\bsqlite3\\.connect\\s*\\(\\s*" + LIT);
    /**
     * What names a Snowflake connection in the connector's and Snowpark's arguments: {@code connection_name='prod'} (a
     * profile of connections.toml, as {@code snowsql -c}), the account, the database; keyword, dict entry or
     * {@code .config('account', 'x')}.
     */
    private static final Pattern SNOWFLAKE_KWARG = Pattern.compile("\\b(connection_name|account|database)['\"]?\\s*[=:,]\\s*" + LIT);
    private static final Pattern KWARG = Pattern.compile("\\b(host|hostname|dbname|database|db|user|port)\\s*[=:]\\s*" + LIT);

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
        Map<String, String> table = JVM_LANGUAGES.contains(language) ? JVM_REMOTE : REMOTE.getOrDefault(language, Map.of());
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
                        || module.startsWith(prefix + "\\") || module.startsWith(prefix + "::")
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
                            out.add(Regex.before(part.strip(), "\\s+"));
                        }
                    }
                }
            }
            case JAVASCRIPT -> {
                Matcher m = JS_IMPORT.matcher(code);
                while (m.find()) {
                    // Deno names npm and JSR packages with a prefix: npm:postgres is the postgres package
                    out.add(Regex.replaceFirst(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3),
                            "^(?:npm|jsr|node):", ""));
                }
            }
            case RUBY -> {
                Matcher m = RB_IMPORT.matcher(code);
                while (m.find()) {
                    out.add(m.group(1));
                }
                out.addAll(ScriptSdkCalls.classes(code, language)); // ruby -raws-sdk-s3 loads it outside the code
            }
            case PHP, PERL -> out.addAll(ScriptSdkCalls.classes(code, language));
            case JAVA, GROOVY, SCALA, KOTLIN, CSHARP, CLOJURE -> {
                Matcher m = DOTTED.matcher(code);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            default -> { }
        }
        return out;
    }

    /** {@code env}: the variables the code runs with (emulator hosts, connection strings it reads). */
    static Found find(String rawCode, Language language, Map<String, String> env) {
        // os.environ['REDIS_URL'] is the URL the command's environment gives it: the call goes where that points
        String code = EnvReferences.inlined(rawCode, env);
        List<String> reaches = reaches(code, language);
        List<String> lines = new ArrayList<>();
        List<Generic> generic = new ArrayList<>();
        Set<String> accounted = new LinkedHashSet<>();
        Map<String, Map<String, String>> placed = new LinkedHashMap<>();
        if (language == Language.PYTHON) {
            ToolApiCalls.find(code, env, lines, accounted);
            DataFrameCalls.find(code, lines, generic, accounted);
            DltCalls.find(code, env, generic, accounted);
            SparkSessionCalls.find(code, env, lines, placed, accounted);
            if (!reaches.contains("huggingface")) {
                MlSdkCalls.pushes(code, generic, accounted);
            }
        }
        if (language == Language.PYTHON || language == Language.JAVASCRIPT) {
            KafkaAdminCalls.find(code, lines, accounted);
            MqttCalls.find(code, lines, accounted);
        } else if (language == Language.JAVA) {
            KafkaAdminCalls.find(code, lines, accounted); // the Java client's Admin.create(…), in jshell
        }
        ServiceSdkCalls.find(code, language, env, generic, accounted);
        JobQueueCalls.find(code, language, env, lines, generic, accounted);
        if (reaches.isEmpty()) {
            return new Found(List.copyOf(lines), List.copyOf(generic), Set.copyOf(accounted), Map.copyOf(placed));
        }
        if (reaches.contains("aws")) {
            if (language == Language.PYTHON) {
                AwsSdkCalls.boto3(code, env, lines, generic, accounted);
            } else if (language == Language.JAVASCRIPT) {
                AwsSdkCalls.awsJs(code, env, lines, accounted);
            } else {
                ScriptSdkCalls.aws(code, language, env, lines, accounted);
            }
        }
        if (reaches.contains("kubernetes")) {
            // C#'s client spells the same operations in PascalCase with an Async suffix (DeleteNamespaceAsync)
            kubernetes(language == Language.CSHARP ? KubernetesClientChains.camelCased(code) : code, lines, accounted);
        }
        if (reaches.contains("docker") && language == Language.PYTHON) {
            DockerSdkCalls.find(code, env, lines, accounted);
        }
        String dialect = reaches.contains("postgresql") ? "postgresql" : reaches.contains("mysql") ? "mysql"
                : reaches.contains("clickhouse") ? "clickhouse"
                : reaches.contains("database") ? snowflake(code, language) ? "snowflake" : "" : reaches.contains("sqlite") ? "sqlite" : null;
        if (dialect != null) {
            sql(code, dialect, lines, accounted);
            DataStoreCalls.ormSchema(code, generic, accounted);
        }
        if (reaches.contains("redis")) {
            // Ruby calls without parentheses (r.flushall) are written with them first
            DataStoreCalls.redis(ScriptSdkCalls.normalized(code, language), lines, generic, accounted);
        }
        if (reaches.contains("mongodb")) {
            // the Ruby driver's calls without parentheses (client[:orders].drop) are written with them first
            DataStoreCalls.mongo(ScriptSdkCalls.normalized(code, language), lines, accounted);
        }
        if (reaches.contains("search")) {
            SearchClientCalls.find(code, language, lines, accounted);
        }
        if (reaches.contains("libvirt") && language == Language.PYTHON) {
            LibvirtSdkCalls.find(code, lines, accounted);
        }
        if (reaches.contains("amqp")) {
            AmqpCalls.find(ScriptSdkCalls.normalized(code, language), lines, accounted);
        }
        if (reaches.contains("etcd")) {
            EtcdCalls.find(code, lines, accounted);
        }
        if (language == Language.PYTHON) {
            IndustrialCalls.find(code, reaches, lines, accounted);
        }
        if (reaches.contains("winrm") && language == Language.PYTHON) {
            WinRmCalls.find(code, lines, accounted);
        }
        if (reaches.contains("ldap") && (language == Language.PYTHON || language == Language.JAVASCRIPT)) {
            LdapCalls.find(code, language, lines, accounted);
        }
        if (language == Language.PYTHON && (reaches.contains("network") || reaches.contains("ssh"))) {
            NetworkDeviceCalls.find(code, lines, generic, accounted);
        }
        if (reaches.contains("azure") && language == Language.CSHARP) {
            ArmClientCalls.find(code, env, lines, accounted);
        }
        for (String cloud : List.of("gcp", "azure")) {
            if (reaches.contains(cloud)) {
                CloudSdkCalls.find(cloud, ScriptSdkCalls.normalized(code, language), language, env, lines, generic, accounted);
            }
        }
        for (String store : List.of("chroma", "milvus", "qdrant", "pinecone", "weaviate")) {
            if (reaches.contains(store) && (language == Language.PYTHON || language == Language.JAVASCRIPT)) {
                VectorStoreCalls.find(store, code, generic, accounted);
            }
        }
        for (String ml : List.of("huggingface", "mlflow", "wandb", "sagemaker", "langsmith")) {
            if (reaches.contains(ml) && language == Language.PYTHON) {
                MlSdkCalls.find(ml, code, env, lines, generic, accounted);
            }
        }
        return new Found(List.copyOf(lines), List.copyOf(generic), Set.copyOf(accounted), Map.copyOf(placed));
    }

    // --- Kubernetes -------------------------------------------------------------------------------------------------

    private static void kubernetes(String code, List<String> lines, Set<String> accounted) {
        Matcher ctx = KUBE_CONTEXT.matcher(code);
        Matcher file = KUBE_FILE.matcher(code);
        String context = (file.find() ? " --kubeconfig " + quote(lit(file, 1)) : "") + (ctx.find() ? " --context " + quote(lit(ctx, 1)) : "");
        Matcher m = K8S_CALL.matcher(code);
        while (m.find()) {
            accounted.add(m.group(1));
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
            if (kind.equals("secret") && kubectlVerb.equals("get") && !metadataOnly(code)) {
                line.append(" -o yaml"); // the client's V1Secret carries the values, as kubectl's -o yaml prints them
            }
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
        KubernetesClientChains.fabric8(code, context, lines, accounted);
    }

    /** Code that reads only a secret's metadata (names, labels), never its {@code data}. */
    private static boolean metadataOnly(String code) {
        return Regex.find(code, "\\.metadata\\b") && !Regex.find(code, "\\.data\\b|\\[\\s*['\"]data['\"]|string_data|b64decode|to_dict|to_str");
    }

    /**
     * The text a name was last given before {@code before} as a string literal ({@code sql = "SELECT …"}, a triple-quoted
     * Python string too): the SQL a call receives through a variable.
     */
    static Optional<String> assigned(String code, String name, int before) {
        Matcher a = Regex.pattern("(?<![\\w.])" + Pattern.quote(name) + "\\s*=\\s*(?:\"\"\"([\\s\\S]*?)\"\"\"|'\'\'([\\s\\S]*?)'\'\'|" + LIT + ")")
                .matcher(code.substring(0, Math.max(0, before)));
        String value = null;
        while (a.find()) {
            value = a.group(1) != null ? a.group(1) : a.group(2) != null ? a.group(2) : lit(a, 3);
        }
        return Optional.ofNullable(value).map(v -> Regex.replaceAll(v.strip(), "\\s+", " "));
    }

    // --- Databases --------------------------------------------------------------------------------------------------

    private static void sql(String code, String dialect, List<String> lines, Set<String> accounted) {
        Optional<String> url = connection(code);
        // sqlite3.connect('/var/lib/app/app.db'): the file is the database; the sqlite3 line places it
        Matcher connect = SQLITE_CONNECT.matcher(code);
        String sqliteFile = url.isEmpty() && dialect.equals("sqlite") && connect.find() ? lit(connect, 1) : null;
        String d = dialect;
        if (d.isEmpty() && SqlServerCalls.speaks(code)) {
            d = "sqlserver";
        }
        if (d.isEmpty()) {
            d = url.map(u -> u.startsWith("mysql") ? "mysql" : u.startsWith("sqlite") ? "sqlite" : "postgresql").orElse("postgresql");
        }
        Matcher m = SQL_CALL.matcher(code);
        while (m.find()) {
            String statement = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            // 'interval \'1 day\'' in the code's own string is interval '1 day' in the SQL the server gets
            statement = statement == null || m.group(3) != null ? statement : Regex.replaceAll(statement, "\\\\(['\"\\\\])", "$1");
            if (statement == null || !Regex.find(statement, "(?i)^\\s*(?:select|insert|update|delete|drop|truncate|alter|create|grant|revoke|with|merge|replace|copy|vacuum|reindex|call|do|set|reset|flush|purge|load|rename|comment|lock|begin|commit)\\b")) {
                continue;
            }
            accounted.add(Regex.replaceFirst(m.group(), "^\\W*([\\w$]+)[\\s\\S]*$", "$1").replace("$", ""));
            // rows a query's call hands to a file here (a writer's block, its row closure) are a copy, as psql … > file is
            int end = m.group(3) != null ? m.end() : Math.min(code.length(), m.end() + ClientCallSyntax.callArguments(code, m.end()).length() + 1);
            String file = Regex.find(statement, "(?i)^\\s*(?:select|with)\\b")
                    ? DataFrameCalls.rowsFile(code, m.start(), end).map(f -> " > " + quote(f)).orElse("") : "";
            lines.add(clientLine(d, code, url, sqliteFile, statement) + file);
        }
    }

    /**
     * The SQL client's command line that sends {@code statement} where the code's connection goes: {@code url} when
     * known, else what the code's keywords name ({@code host=}, {@code dbname=}); {@code sqliteFile}, a SQLite file or null.
     */
    static String clientLine(String dialect, String code, Optional<String> url, String sqliteFile, String statement) {
        String target = url.map(ClientCallSyntax::quote).orElse("");
        return switch (dialect) {
            case "mysql" -> "mysql " + mysqlTarget(code, url) + "-e " + quote(statement);
            case "snowflake" -> "snowsql " + snowflakeTarget(code) + "-q " + quote(statement);
            case "clickhouse" -> "clickhouse-client " + clickhouseTarget(code) + "--query " + quote(statement);
            case "sqlserver" -> SqlServerCalls.line(code, statement);
            case "sqlite" -> "sqlite3 " + (sqliteFile != null ? quote(sqliteFile) : target.isEmpty() ? "db.sqlite" : quote(url.get().replaceFirst("^sqlite:/*", "/"))) + " " + quote(statement);
            default -> "psql " + (target.isEmpty() ? pgTarget(code) : target + " ") + "-c " + quote(statement);
        };
    }

    static Optional<String> connection(String code) {
        if (code.contains("jdbc:")) {
            Matcher jdbc = JDBC_URL.matcher(code);
            if (jdbc.find()) {
                return Optional.of(jdbc.group(1).replace("mariadb", "mysql") + ":" + jdbc.group(2));
            }
        }
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
        Matcher oracle = ORACLE_DSN.matcher(code);
        if (oracle.find() && Regex.matches(lit(oracle, 1), "[\\w.-]+(:\\d+)?/[\\w.$-]+")) {
            String dsn = lit(oracle, 1);
            return Optional.of("postgresql://" + dsn);
        }
        Matcher db2 = DB2_OPEN.matcher(code);
        if (db2.find() && Regex.find(lit(db2, 1), "(?i)\\bHOSTNAME=")) {
            return Optional.of(url("db2", lit(db2, 1), ";"));
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

    /** Code that imports the Snowflake connector or Snowpark: its SQL runs in a Snowflake account, never on this machine. */
    private static boolean snowflake(String code, Language language) {
        return language == Language.PYTHON && code.contains("snowflake")
                && modules(code, language).stream().anyMatch(m -> m.equals("snowflake") || m.startsWith("snowflake."));
    }

    /** snowsql's flags for what the code's connection names: the named connection, the account, the database. */
    private static String snowflakeTarget(String code) {
        StringBuilder out = new StringBuilder();
        Matcher kv = SNOWFLAKE_KWARG.matcher(code);
        while (kv.find()) {
            String flag = switch (kv.group(1)) {
                case "connection_name" -> "-c ";
                case "account" -> "-a ";
                default -> "-d ";
            };
            if (out.indexOf(flag) < 0) {
                out.append(flag).append(quote(lit(kv, 2))).append(' ');
            }
        }
        return out.toString();
    }

    /** clickhouse_connect's {@code get_client(host=…)} and clickhouse_driver's {@code Client('host')}: the server the SQL runs on. */
    private static final Pattern CLICKHOUSE_CLIENT = Pattern.compile("\\b(?:get_client|create_client|Client)\\s*\\(\\s*(?:host\\s*=\\s*)?" + LIT);

    private static String clickhouseTarget(String code) {
        Matcher client = CLICKHOUSE_CLIENT.matcher(code);
        if (client.find()) {
            return "--host " + quote(lit(client, 1)) + " ";
        }
        Matcher kv = KWARG.matcher(code);
        while (kv.find()) {
            if (kv.group(1).startsWith("host")) {
                return "--host " + quote(lit(kv, 2)) + " ";
            }
        }
        return "";
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
            Matcher u = Regex.pattern("^[\\w+]+://(?:[^@/]*@)?([^/:?]+)(?::\\d+)?(?:/([^?]+))?").matcher(url.get());
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
}
