package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.recognizers.code.SdkCalls.Generic;
import dev.interlock.analysis.shell.recognizers.database.DatabaseOps;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google Cloud and Azure client library calls in one-liner code. They have no one-to-one CLI twin, so each call is read
 * by its method name: one that hands back a secret or a bearer credential, one that changes something, or one that
 * lists, gets or downloads. Where it lands comes from the code itself: the project ({@code Client(project='acme-prod')},
 * a {@code project.dataset.table} id), the subscription and resource group of a management call, the service endpoint
 * (a Key Vault or storage account URL), or an emulator on this machine (Azurite's {@code UseDevelopmentStorage=true}, a
 * {@code *_EMULATOR_HOST} variable, a loopback {@code api_endpoint}).
 */
final class CloudSdkCalls {

    private static final Pattern CALL = Pattern.compile("\\.\\s*(\\w+)\\s*\\(");
    /** Calls that return a secret's value, account keys, or a token or signed URL that works as a credential. */
    private static final Pattern CREDENTIAL = Pattern.compile("access_secret_version|get_secret|list_keys|list_account_keys"
            + "|list_\\w*credentials?|list_connection_strings|get_token|get_access_token|generate_\\w*sas|generate_signed_\\w+"
            + "|getSecret|accessSecretVersion|listKeys|getToken|generate\\w*Sas\\w*|getSignedUrl");
    private static final Pattern CHANGE = Pattern.compile("(?:begin_)?(delete|drop|destroy|purge|remove|truncate|create|insert|update"
            + "|patch|set|put|stop|start|restart|reset|resize|deallocate|power_off|upload|copy|rewrite|compose|make_public"
            + "|make_private|rename|move|publish|acknowledge|add|enable|disable|grant|revoke|restore|import|export|load_table"
            + "|undelete|run|send|commit|modify|attach|detach|swap|failover|regenerate|rotate|apply|deploy|cancel|release|batch_write"
            + "|upsert|replace|merge|complete|abandon|dead_letter|clear|configure|lock|unlock)(?:_\\w*)?|begin_\\w+|(?:delete|create|update|upload|upsert"
            + "|replace|set|put|add|remove|start|stop|restart|send|publish|copy|purge|clear)[A-Z]\\w*|(?:delete|create|update|upload"
            + "|upsert|set|add|remove|start|stop|restart|send|publish|copy|purge|clear|save|destroy)");
    private static final Pattern READ = Pattern.compile("(?:list|get|exists|reload|download|fetch|describe|lookup|read|search"
            + "|check|test_iam_permissions|stream|peek|query_\\w+|properties)\\w*|(?:list|get|exists|download|read|check)[A-Z]\\w*"
            // Ruby's and PHP's Google clients list by the plural noun: storage.buckets, $bucket->objects(), dataset.tables
            + "|buckets|objects|files|blobs|datasets|tables|topics|subscriptions|instances|databases|collections|cols|documents"
            + "|docs|snapshots|jobs|zones|regions|clusters|backups|secrets|versions");
    /** Calls that bring an object's bytes to this machine. */
    private static final Pattern DOWNLOAD = Pattern.compile("download\\w*|readall|download[A-Z]\\w*");
    /**
     * A database backup, dump or export named in the code (a {@code *-backups} bucket, a {@code .dump} blob): downloaded
     * from production it is a copy of production data ({@link DatabaseOps#COPIES_DATA}); an asset or a log is not.
     */
    private static final Pattern BACKUP = Pattern.compile("(?i)['\"/][^'\"]*(?:backups?\\b|backups?[-_]|dumps?\\b|[-_]dump|snapshots?[-_/'\"]"
            + "|exports?[-_/'\"]|\\.(?:dump|sql|bak|bson|rdb|archive)(?:\\.(?:gz|bz2|xz|zst))?['\"])");
    /** Calls that make a handle to a resource without a request: a bucket, a blob, a collection, a table reference. */
    private static final Set<String> HANDLES = Set.of("bucket", "blob", "collection", "document", "collection_group",
            "where", "order_by", "limit", "offset", "select", "start_after", "start_at", "end_before", "end_at", "dataset",
            "table", "topic_path", "subscription_path", "secret_path", "secret_version_path", "instance", "database",
            "key_ring_path", "crypto_key_path", "from_connection_string", "from_service_account_json", "from_service_account_file",
            "get_blob_client", "get_container_client", "get_queue_client", "get_table_client", "get_file_client",
            "get_directory_client", "get_share_client", "get_subscription_receiver", "get_queue_receiver", "get_queue_sender",
            "get_topic_sender", "file", "result", "done", "to_dataframe", "to_arrow", "container", "doc", "ref", "child", "batch", "transaction", "snapshot", "pages");
    private static final Pattern NAMED = Pattern.compile("\\b(bucket|get_bucket|dataset|table|instance|topic|subscription|blob"
            + "|database|cluster|secret|key_ring|zone|collection|document)\\s*\\(\\s*" + LIT);
    private static final Pattern PROJECT = Pattern.compile("\\bproject(?:_id|Id)?\\s*[=:]\\s*" + LIT
            + "|\\b\\w*Client\\s*\\(\\s*" + LIT + "|['\"/]projects/([\\w.-]+)");
    private static final Pattern SUBSCRIPTION = Pattern.compile("\\bsubscription_id\\s*=\\s*" + LIT
            + "|\\b\\w+(?:Management)?Client\\s*\\(\\s*[\\w.]+\\s*(?:\\([^()]*\\))?\\s*,\\s*" + LIT);
    private static final Pattern ENDPOINT = Pattern.compile("(?i)(?:\\b(?:account_url|endpoint|api_endpoint|endpoint_url|vault_url"
            + "|base_url|url|(?:Blob|Queue|Table|File)Endpoint)\\s*[=:]\\s*['\"]?|\\b\\w*Client\\s*\\(\\s*['\"])(https?://[^'\";\\s,)}]+)");
    /** A variable the code reads ({@code os.environ['AZURE_STORAGE_CONNECTION_STRING']}): its value names the endpoint. */
    private static final Pattern ENV_REF = Pattern.compile("(?:environ(?:\\.get)?\\s*[\\[(]\\s*|getenv\\s*\\(\\s*|process\\.env\\.|process\\.env\\[\\s*)['\"]?([A-Z_][A-Z0-9_]*)");
    /** Changes to who may do what: a grant, like {@code gcloud … add-iam-policy-binding} or {@code az role assignment create}. */
    private static final Pattern GRANT = Pattern.compile("(?:set_iam_policy|setIamPolicy|add_iam\\w*|role_?[aA]ssignments?\\.\\w+)$");
    private static final Pattern EMULATOR_IN_CODE = Pattern.compile("\\b(\\w+_EMULATOR_HOST)['\"]?\\s*\\]?\\s*(?:=|,)\\s*" + LIT);
    /** Which emulator variable each Google client library honours. */
    private static final Map<String, String> EMULATORS = libraryEmulators();
    private static final Pattern GOOGLE_SERVICE = Pattern.compile("(?:from\\s+google\\.cloud(?:\\.(\\w+))?\\s+import\\s+([\\w \\t,]+)"
            + "|import\\s+google\\.cloud\\.(\\w+)|from\\s+firebase_admin(?:\\.(\\w+))?\\s+import\\s+([\\w \\t,]+)|@google-cloud/([\\w-]+))");

    private CloudSdkCalls() {
    }

    /** The services' own names, and the library modules that spell them otherwise ({@code pubsub_v1}, {@code ndb}, {@code db}). */
    private static Map<String, String> libraryEmulators() {
        Map<String, String> out = new java.util.HashMap<>(dev.interlock.analysis.shell.recognizers.Emulators.GOOGLE_VARIABLES);
        out.put("firestore_v1", out.get("firestore"));
        out.put("pubsub_v1", out.get("pubsub"));
        out.put("ndb", out.get("datastore"));
        out.put("db", out.get("database"));
        return Map.copyOf(out);
    }

    static void find(String system, String code, CodeCalls.Language language, Map<String, String> env, List<String> lines,
                     List<Generic> generic, Set<String> accounted) {
        Map<String, String> where = new LinkedHashMap<>();
        String project = project(code);
        if (!project.isEmpty()) {
            where.put("project", project);
        }
        if (system.equals("azure")) {
            Matcher s = SUBSCRIPTION.matcher(code);
            if (s.find()) {
                where.put("subscription", s.group(1) != null || s.group(2) != null ? lit(s, 1) : lit(s, 3));
            }
        }
        StringBuilder scanned = new StringBuilder(code);
        Matcher ref = ENV_REF.matcher(code);
        while (ref.find()) {
            if (env.getOrDefault(ref.group(1), "").isBlank()) {
                continue;
            }
            scanned.append('\n').append(ref.group(1)).append("='").append(env.getOrDefault(ref.group(1), "")).append('\'');
        }
        String local = emulator(system, scanned.toString(), env);
        if (local.isEmpty()) {
            remoteHost(scanned.toString()).ifPresent(h -> where.put("host", h));
        }
        if (system.equals("gcp")) {
            bigQuery(code, project, lines, accounted);
        }
        boolean discovery = Regex.find(code, "googleapiclient|discovery\\.build|\\bgoogleapis\\b");
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            String method = m.group(1);
            if (discovery && Regex.find(code.substring(m.end()), "^\\s*\\)\\s*\\.")) {
                accounted.add(method); // compute.instances().list(…): a collection of the discovery client, no request
                continue;
            }
            if (discovery && method.equals("execute")) {
                accounted.add(method); // sends the request the call before it built, and that call is read below
                continue;
            }
            if (method.equals("query") && accounted.contains("query") || UnreadCalls.offSdk(code, m.start(), language)) {
                continue;
            }
            Verb verb = CREDENTIAL.matcher(method).matches() ? Verb.CREDENTIAL
                    : HANDLES.contains(method) ? null
                    : READ.matcher(method).matches() && !Regex.find(method, "^get_or_create|^(?:get|read)_and_") ? Verb.READ
                    : CHANGE.matcher(method).matches() ? Verb.UPDATE : null;
            if (HANDLES.contains(method)) {
                accounted.add(method);
            }
            if (verb == null) {
                continue;
            }
            accounted.add(method);
            String args = ClientCallSyntax.callArguments(code, m.end());
            if (verb == Verb.UPDATE && Regex.find(method, "(?i)^(?:begin_)?(?:delete|drop|destroy|purge|remove|truncate|clear)")) {
                verb = Verb.DELETE;
            }
            if (verb == Verb.UPDATE && Regex.find(method, "^(?:begin_)?run_command")) {
                verb = Verb.EXECUTE;
            }
            if (verb == Verb.UPDATE && GRANT.matcher(Regex.replaceAll(code.substring(Math.max(0, m.start() - 40), m.end() - 1), "\\s", "")).find()) {
                verb = Verb.GRANT;
            }
            List<String> positional = positional(args);
            Matcher operations = Regex.pattern("\\.\\s*([a-z]\\w*)\\s*$").matcher(code.substring(0, m.start()));
            String group = system.equals("azure") && operations.find() ? operations.group(1) : "";
            // the resource's own name: the only literal argument, or the last after a management call's resource group
            String name = positional.isEmpty() ? "" : group.isEmpty() ? positional.getFirst() : positional.getLast();
            String type = system + " resource";
            Matcher noun = Regex.pattern("^(?:begin_)?(?!begin_)[a-z]+_([a-z]+?)s?$").matcher(method);
            Matcher named = NAMED.matcher(code.substring(0, m.start()));
            if (noun.find() && !positional.isEmpty()) {
                type = noun.group(1);
            } else if (!group.isEmpty()) {
                type = group.equals("resource_groups") ? "resource-group" : Regex.replaceFirst(group, "s$", "");
            } else {
                while (named.find()) {
                    type = named.group(1).replace("get_", "");
                    name = lit(named, 2);
                }
            }
            Map<String, String> locators = new LinkedHashMap<>(where);
            if (!group.isEmpty() && !positional.isEmpty() && (group.equals("resource_groups") || positional.size() > 1)) {
                locators.put("resource-group", positional.getFirst());
            }
            Matcher dotted = Regex.pattern("^([a-z][\\w-]*[a-z0-9])[.:][\\w-]+\\.[\\w$-]+$").matcher(name);
            if (system.equals("gcp") && dotted.find()) {
                locators.put("project", dotted.group(1)); // project.dataset.table: the table's own project
            }
            if (verb == Verb.READ && DOWNLOAD.matcher(method).matches() && BACKUP.matcher(code.substring(0, m.start()) + " " + args).find()) {
                locators.put(DatabaseOps.COPIES_DATA, "backup");
            }
            generic.add(new Generic(system, verb, type, name, args.contains("force"), method, Map.copyOf(locators), local));
        }
    }

    /** {@code bigquery.Client(project='p').query("DELETE FROM …")}: the SQL is judged as {@code bq query} would be. */
    private static void bigQuery(String code, String project, List<String> lines, Set<String> accounted) {
        if (!Regex.find(code, "bigquery")) {
            return;
        }
        Matcher q = Regex.pattern("\\.\\s*query\\s*\\(\\s*(?:query\\s*=\\s*)?(?:" + LIT + "|([A-Za-z_]\\w*))\\s*[,)]").matcher(code);
        while (q.find()) {
            // the SQL held in a variable (sql = "SELECT …"; client.query(sql)) is the same SQL
            Optional<String> sql = q.group(3) == null ? Optional.of(lit(q, 1)) : SdkCalls.assigned(code, q.group(3), q.start());
            if (sql.isEmpty()) {
                continue;
            }
            accounted.add("query");
            lines.add("bq " + (project.isEmpty() ? "" : "--project_id=" + quote(project) + " ") + "query --nouse_legacy_sql "
                    + quote(sql.get()));
        }
    }

    private static String project(String code) {
        Matcher p = PROJECT.matcher(code);
        while (p.find()) {
            String value = p.group(1) != null || p.group(2) != null ? lit(p, 1) : p.group(3) != null || p.group(4) != null
                    ? lit(p, 3) : p.group(5);
            if (Regex.matches(value, "[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
                return value;
            }
        }
        return "";
    }

    private static List<String> positional(String args) {
        List<String> out = new ArrayList<>();
        Matcher a = Regex.pattern("(?:^|,)\\s*(?!\\w+\\s*=)" + LIT).matcher(args);
        while (a.find()) {
            out.add(lit(a, 1));
        }
        return out;
    }

    /**
     * Why the code talks to an emulator on this machine, or empty: every endpoint it names is local (Azurite's
     * development storage, a loopback {@code api_endpoint}), or every Google library it imports has its emulator
     * variable set to a local address.
     */
    private static String emulator(String system, String code, Map<String, String> env) {
        List<String> hosts = new ArrayList<>();
        if (code.contains("UseDevelopmentStorage=true")) {
            hosts.add("127.0.0.1");
        }
        Matcher e = ENDPOINT.matcher(code);
        while (e.find()) {
            hosts.add(Hosts.of(e.group(1)));
        }
        int clients = (int) Regex.pattern("\\b[A-Z]\\w*Client\\s*(?:\\.\\s*from_\\w+\\s*)?\\(").matcher(code).results().count();
        if (!hosts.isEmpty() && hosts.stream().allMatch(CloudSdkCalls::local) && hosts.size() >= Math.max(1, clients)) {
            return "the client points at an emulator on this machine (" + hosts.getFirst() + ")";
        }
        if (!system.equals("gcp")) {
            return "";
        }
        Map<String, String> variables = new LinkedHashMap<>(env);
        Matcher v = EMULATOR_IN_CODE.matcher(code);
        while (v.find()) {
            variables.put(v.group(1), lit(v, 2));
        }
        List<String> services = googleServices(code);
        if (services.isEmpty()) {
            return "";
        }
        for (String service : services) {
            String variable = EMULATORS.get(service);
            String value = variable == null ? "" : variables.getOrDefault(variable, "");
            if (value.isEmpty() || !local(Hosts.of(value))) {
                return "";
            }
        }
        return "the Google client libraries it uses point at local emulators (" + EMULATORS.get(services.getFirst()) + ")";
    }

    /** The Google client libraries the code imports that talk to a service ({@code storage}, {@code firestore}, …). */
    private static List<String> googleServices(String code) {
        List<String> out = new ArrayList<>();
        Matcher g = GOOGLE_SERVICE.matcher(code);
        while (g.find()) {
            List<String> names = new ArrayList<>();
            if (g.group(1) != null) {
                names.add(g.group(1));
            } else if (g.group(2) != null) {
                names.addAll(List.of(g.group(2).strip().split("\\s*,\\s*")));
            } else if (g.group(3) != null) {
                names.add(g.group(3));
            } else if (g.group(4) != null) {
                names.add(g.group(4));
            } else if (g.group(5) != null) {
                names.addAll(List.of(g.group(5).strip().split("\\s*,\\s*")));
            } else if (g.group(6) != null) {
                names.add(g.group(6));
            }
            for (String name : names) {
                String n = Regex.before(name.strip(), "\\s+");
                if (!n.isEmpty() && !Set.of("credentials", "exceptions", "initialize_app", "api_core", "App").contains(n) && !out.contains(n)) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private static java.util.Optional<String> remoteHost(String code) {
        Matcher e = ENDPOINT.matcher(code);
        while (e.find()) {
            String h = Hosts.of(e.group(1));
            if (!local(h)) {
                return java.util.Optional.of(h);
            }
        }
        return java.util.Optional.empty();
    }

    static boolean local(String host) {
        return dev.interlock.analysis.shell.recognizers.Emulators.local(host);
    }

}
