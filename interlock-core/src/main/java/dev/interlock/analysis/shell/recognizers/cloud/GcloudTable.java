package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables behind {@link GcloudRecognizer}: what each action word does, and what each command group manages
 * (whether deleting it loses data, and whether it holds a whole environment).
 */
final class GcloudTable {

    private GcloudTable() {
    }

    /** What a group's resources are, by the last group words ({@code sql instances} → a database). */
    record Kind(String type, boolean stateful, boolean wholeEnvironment) {
    }

    static final Map<String, Verb> ACTIONS = Map.ofEntries(
            Map.entry("list", Verb.READ), Map.entry("describe", Verb.READ), Map.entry("read", Verb.READ),
            Map.entry("get", Verb.READ), Map.entry("show", Verb.READ), Map.entry("get-value", Verb.READ),
            Map.entry("tail", Verb.READ), Map.entry("stream-logs", Verb.READ), Map.entry("log", Verb.READ),
            Map.entry("search", Verb.READ), Map.entry("lookup", Verb.READ),
            Map.entry("print-settings", Verb.READ), Map.entry("info", Verb.READ), Map.entry("version", Verb.READ),
            Map.entry("help", Verb.READ), Map.entry("explain", Verb.READ), Map.entry("diff", Verb.READ),
            Map.entry("browse", Verb.READ), Map.entry("validate", Verb.READ), Map.entry("wait", Verb.READ),
            Map.entry("test-iam-permissions", Verb.READ), Map.entry("ls", Verb.READ), Map.entry("cat", Verb.READ),
            Map.entry("du", Verb.READ), Map.entry("hash", Verb.READ), Map.entry("encrypt", Verb.READ),
            Map.entry("print-access-token", Verb.CREDENTIAL), Map.entry("print-identity-token", Verb.CREDENTIAL),
            Map.entry("access", Verb.CREDENTIAL), Map.entry("decrypt", Verb.CREDENTIAL),
            Map.entry("get-key-string", Verb.CREDENTIAL),
            Map.entry("get-auth-string", Verb.CREDENTIAL), Map.entry("reset-windows-password", Verb.CREDENTIAL),
            Map.entry("execute-sql", Verb.EXECUTE), Map.entry("generate-login-token", Verb.CREDENTIAL),
            Map.entry("activate-service-account", Verb.ESCALATE), Map.entry("login", Verb.ESCALATE),
            Map.entry("sign-blob", Verb.ESCALATE), Map.entry("sign-jwt", Verb.ESCALATE),
            Map.entry("add-iam-policy-binding", Verb.GRANT), Map.entry("remove-iam-policy-binding", Verb.GRANT),
            Map.entry("set-iam-policy", Verb.GRANT), Map.entry("add-invoker-policy-binding", Verb.GRANT),
            Map.entry("remove-invoker-policy-binding", Verb.GRANT),
            Map.entry("delete", Verb.DELETE), Map.entry("remove", Verb.DELETE), Map.entry("undeploy", Verb.DELETE), Map.entry("destroy", Verb.DELETE),
            Map.entry("purge", Verb.DELETE), Map.entry("rm", Verb.DELETE), Map.entry("abandon-instances", Verb.DELETE),
            Map.entry("recreate-instances", Verb.REPLACE), Map.entry("replace", Verb.REPLACE),
            Map.entry("restore", Verb.REPLACE), Map.entry("reimage", Verb.REPLACE),
            Map.entry("ssh", Verb.EXECUTE), Map.entry("scp", Verb.EXECUTE), Map.entry("connect", Verb.EXECUTE),
            Map.entry("execute", Verb.EXECUTE), Map.entry("call", Verb.EXECUTE), Map.entry("submit", Verb.EXECUTE),
            Map.entry("start-iap-tunnel", Verb.EXECUTE), Map.entry("connect-to-serial-port", Verb.EXECUTE),
            Map.entry("create", Verb.CREATE), Map.entry("deploy", Verb.CREATE), Map.entry("clone", Verb.CREATE),
            Map.entry("publish", Verb.CREATE), Map.entry("undelete", Verb.CREATE), Map.entry("export", Verb.CREATE),
            Map.entry("cp", Verb.CREATE), Map.entry("copy", Verb.CREATE), Map.entry("init", Verb.UPDATE),
            Map.entry("update", Verb.UPDATE), Map.entry("patch", Verb.UPDATE), Map.entry("set", Verb.UPDATE),
            Map.entry("unset", Verb.UPDATE), Map.entry("resize", Verb.UPDATE), Map.entry("restart", Verb.UPDATE),
            Map.entry("stop", Verb.UPDATE), Map.entry("start", Verb.UPDATE), Map.entry("reset", Verb.UPDATE),
            Map.entry("rollback", Verb.UPDATE), Map.entry("promote", Verb.UPDATE), Map.entry("upgrade", Verb.UPDATE),
            Map.entry("migrate", Verb.UPDATE), Map.entry("move", Verb.UPDATE), Map.entry("mv", Verb.UPDATE),
            Map.entry("rename", Verb.UPDATE), Map.entry("suspend", Verb.UPDATE), Map.entry("resume", Verb.UPDATE),
            Map.entry("enable", Verb.UPDATE), Map.entry("disable", Verb.UPDATE), Map.entry("failover", Verb.UPDATE),
            Map.entry("switchover", Verb.UPDATE), Map.entry("apply", Verb.UPDATE), Map.entry("cancel", Verb.UPDATE),
            Map.entry("seek", Verb.UPDATE), Map.entry("pull", Verb.UPDATE), Map.entry("import", Verb.UPDATE),
            Map.entry("rsync", Verb.UPDATE), Map.entry("activate", Verb.UPDATE), Map.entry("install", Verb.UPDATE),
            Map.entry("revoke", Verb.UPDATE), Map.entry("configure-docker", Verb.UPDATE),
            Map.entry("get-credentials", Verb.UPDATE), Map.entry("scale", Verb.UPDATE), Map.entry("ack", Verb.UPDATE),
            Map.entry("set-password", Verb.UPDATE), Map.entry("run", Verb.EXECUTE), Map.entry("reboot", Verb.UPDATE),
            Map.entry("trigger", Verb.EXECUTE),
            // the IAM troubleshooter, Policy Analyzer and the activity query only evaluate who may do what
            Map.entry("troubleshoot-policy", Verb.READ), Map.entry("policy-troubleshoot", Verb.READ),
            Map.entry("query-activity", Verb.READ),
            // ... except the long-running analysis, which writes its report to a bucket or a BigQuery table
            Map.entry("analyze-iam-policy-longrunning", Verb.CREATE));

    /** Reads whose output carries secrets, by group path: an Apigee developer app is shown with its consumer keys and secrets. */
    private static final Map<String, Set<String>> SECRET_READS = Map.of("apigee apps", Set.of("describe"));

    /** Whether {@code action} on the groups' resources prints their secrets. */
    static boolean printsSecrets(List<String> groups, String action) {
        String path = String.join(" ", groups);
        return SECRET_READS.entrySet().stream().anyMatch(e -> (path.equals(e.getKey()) || path.endsWith(" " + e.getKey()))
                && e.getValue().contains(action));
    }

    /** Words that are command groups, not actions, when they come first ("gcloud run deploy", "gcloud deploy …"). */
    static final Set<String> FIRST_GROUPS = Set.of("run", "deploy");

    /** Verb of an action word, exact entries first, then families ({@code list-*}, {@code add-*}, …). */
    static Optional<Verb> action(String word) {
        Verb exact = ACTIONS.get(word);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, Verb> prefix : PREFIXES.entrySet()) {
            if (word.startsWith(prefix.getKey())) {
                return Optional.of(prefix.getValue());
            }
        }
        return Optional.empty();
    }

    private static final Map<String, Verb> PREFIXES = Map.ofEntries(
            Map.entry("list-", Verb.READ), Map.entry("describe-", Verb.READ), Map.entry("get-", Verb.READ),
            Map.entry("search-", Verb.READ), Map.entry("check-", Verb.READ), Map.entry("print-", Verb.READ),
            Map.entry("analyze-", Verb.READ), Map.entry("lint-", Verb.READ),
            Map.entry("add-", Verb.UPDATE), Map.entry("set-", Verb.UPDATE), Map.entry("attach-", Verb.UPDATE),
            Map.entry("detach-", Verb.UPDATE), Map.entry("update-", Verb.UPDATE), Map.entry("enable-", Verb.UPDATE),
            Map.entry("disable-", Verb.UPDATE), Map.entry("promote-", Verb.UPDATE), Map.entry("create-", Verb.CREATE),
            Map.entry("delete-", Verb.DELETE),
            Map.entry("remove-", Verb.DELETE));

    /** Group paths, most specific first; matched against the end of the command's groups. */
    private static final List<Map.Entry<String, Kind>> KINDS = List.of(
            Map.entry("projects", new Kind("project", true, true)),
            Map.entry("organizations", new Kind("organization", true, true)),
            Map.entry("folders", new Kind("folder", true, true)),
            Map.entry("container clusters", new Kind("cluster", true, true)),
            Map.entry("deployment-manager deployments", new Kind("stack", true, true)),
            Map.entry("infra-manager deployments", new Kind("stack", true, true)),
            Map.entry("container node-pools", new Kind("node-pool", false, false)),
            Map.entry("container azure clusters", new Kind("cluster", true, true)),
            Map.entry("container aws clusters", new Kind("cluster", true, true)),
            Map.entry("alloydb clusters", new Kind("database", true, true)),
            Map.entry("alloydb instances", new Kind("database", true, false)),
            Map.entry("sql instances", new Kind("database", true, true)),
            Map.entry("sql databases", new Kind("database", true, false)),
            Map.entry("sql backups", new Kind("backup", true, false)),
            Map.entry("sql users", new Kind("user", false, false)),
            Map.entry("spanner instances", new Kind("database", true, true)),
            Map.entry("spanner databases", new Kind("database", true, false)),
            Map.entry("bigtable instances", new Kind("database", true, true)),
            Map.entry("firestore databases", new Kind("database", true, true)),
            Map.entry("firestore", new Kind("database", true, false)),
            Map.entry("redis instances", new Kind("database", true, false)),
            // A healthcare dataset holds every FHIR, DICOM and HL7v2 store in it: deleting it is a whole-container teardown.
            Map.entry("healthcare datasets", new Kind("dataset", true, true)),
            Map.entry("healthcare fhir-stores", new Kind("fhir-store", true, false)),
            Map.entry("healthcare dicom-stores", new Kind("dicom-store", true, false)),
            Map.entry("healthcare hl7v2-stores", new Kind("hl7v2-store", true, false)),
            Map.entry("healthcare consent-stores", new Kind("consent-store", true, false)),
            Map.entry("bq datasets", new Kind("database", true, false)),
            Map.entry("bigquery datasets", new Kind("database", true, false)),
            Map.entry("bq tables", new Kind("table", true, false)),
            Map.entry("filestore instances", new Kind("filesystem", true, false)),
            Map.entry("storage buckets", new Kind("bucket", true, false)),
            Map.entry("storage objects", new Kind("object", true, false)),
            Map.entry("compute instances", new Kind("instance", true, false)),
            Map.entry("compute disks", new Kind("disk", true, false)),
            Map.entry("compute snapshots", new Kind("snapshot", true, false)),
            Map.entry("compute instance-groups managed", new Kind("instance-group", false, false)),
            Map.entry("pubsub subscriptions", new Kind("subscription", true, false)),
            Map.entry("pubsub topics", new Kind("topic", true, false)),
            Map.entry("secrets versions", new Kind("secret-version", true, false)),
            Map.entry("secrets", new Kind("secret", true, false)),
            Map.entry("kms keys versions", new Kind("key-version", true, false)),
            Map.entry("artifacts repositories", new Kind("repository", true, false)),
            Map.entry("artifacts docker images", new Kind("image", true, false)),
            Map.entry("logging buckets", new Kind("log-bucket", true, false)),
            Map.entry("logging logs", new Kind("log", true, false)),
            Map.entry("iam service-accounts keys", new Kind("service-account-key", false, false)),
            Map.entry("iam service-accounts", new Kind("service-account", false, false)),
            Map.entry("run services", new Kind("service", false, false)),
            Map.entry("run jobs", new Kind("job", false, false)),
            Map.entry("functions", new Kind("function", false, false)),
            Map.entry("app versions", new Kind("app-version", false, false)),
            Map.entry("app services", new Kind("service", false, false)),
            Map.entry("dns record-sets", new Kind("dns-record", false, false)),
            Map.entry("run", new Kind("service", false, false)),
            Map.entry("app", new Kind("app", false, false)),
            Map.entry("compute", new Kind("instance", false, false)),
            Map.entry("sql", new Kind("database", true, false)),
            Map.entry("dns managed-zones", new Kind("dns-zone", false, false)));

    /** Release tracks that prefix any command without changing what it does. */
    static final Set<String> TRACKS = Set.of("alpha", "beta", "preview");

    static Kind kind(List<String> groups) {
        String path = String.join(" ", groups);
        for (Map.Entry<String, Kind> e : KINDS) {
            if (path.equals(e.getKey()) || path.endsWith(" " + e.getKey())) {
                return e.getValue();
            }
        }
        String last = groups.isEmpty() ? "" : groups.getLast();
        return new Kind(singular(last), false, false);
    }

    static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("sses") || word.endsWith("xes")) {
            return word.substring(0, word.length() - 2);
        }
        return word.endsWith("s") && !word.endsWith("ss") ? word.substring(0, word.length() - 1) : word;
    }
}
