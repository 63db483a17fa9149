package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables behind {@link AzRecognizer}: the verb of each action word and command, and what each command group
 * manages (whether deleting it loses data, and whether it holds a whole environment).
 */
final class AzTable {

    private AzTable() {
    }

    record Kind(String type, boolean stateful, boolean wholeEnvironment) {
    }

    /** Whole commands (groups and action) whose verb is not the action word's usual one. */
    static final Map<String, Verb> COMMANDS = Map.ofEntries(
            Map.entry("account get-access-token", Verb.CREDENTIAL),
            Map.entry("keyvault secret show", Verb.CREDENTIAL), Map.entry("keyvault secret download", Verb.CREDENTIAL),
            Map.entry("keyvault key download", Verb.CREDENTIAL),
            Map.entry("storage account keys list", Verb.CREDENTIAL), Map.entry("cosmosdb keys list", Verb.CREDENTIAL),
            Map.entry("acr credential show", Verb.CREDENTIAL), Map.entry("ad sp credential reset", Verb.CREDENTIAL),
            Map.entry("ad app credential reset", Verb.CREDENTIAL), Map.entry("batch account keys list", Verb.CREDENTIAL),
            Map.entry("role assignment create", Verb.GRANT), Map.entry("role assignment delete", Verb.GRANT),
            Map.entry("role assignment update", Verb.GRANT), Map.entry("role definition create", Verb.GRANT),
            Map.entry("role definition update", Verb.GRANT), Map.entry("role definition delete", Verb.GRANT),
            Map.entry("ad sp create-for-rbac", Verb.GRANT), Map.entry("keyvault set-policy", Verb.GRANT),
            Map.entry("keyvault delete-policy", Verb.GRANT), Map.entry("ad group member add", Verb.GRANT),
            Map.entry("ad group member remove", Verb.GRANT), Map.entry("ad app permission grant", Verb.GRANT),
            Map.entry("ad app permission add", Verb.GRANT), Map.entry("ad app permission admin-consent", Verb.GRANT),
            Map.entry("sql server ad-admin create", Verb.GRANT), Map.entry("sql server ad-admin update", Verb.GRANT),
            Map.entry("cosmosdb sql role assignment create", Verb.GRANT),
            Map.entry("vm run-command invoke", Verb.EXECUTE), Map.entry("vm run-command create", Verb.EXECUTE),
            Map.entry("vmss run-command invoke", Verb.EXECUTE), Map.entry("aks command invoke", Verb.EXECUTE),
            Map.entry("vm ssh", Verb.EXECUTE), Map.entry("ssh vm", Verb.EXECUTE), Map.entry("webapp ssh", Verb.EXECUTE),
            Map.entry("containerapp exec", Verb.EXECUTE), Map.entry("container exec", Verb.EXECUTE),
            Map.entry("vm reimage", Verb.REPLACE), Map.entry("vmss reimage", Verb.REPLACE),
            Map.entry("storage blob download", Verb.READ), Map.entry("storage blob download-batch", Verb.READ),
            // an app's settings and connection strings carry its keys and passwords in clear
            Map.entry("webapp config appsettings list", Verb.CREDENTIAL), Map.entry("functionapp config appsettings list", Verb.CREDENTIAL),
            Map.entry("webapp config connection-string list", Verb.CREDENTIAL), Map.entry("staticwebapp appsettings list", Verb.CREDENTIAL),
            Map.entry("functionapp keys list", Verb.CREDENTIAL), Map.entry("containerapp secret show", Verb.CREDENTIAL),
            // a VPN connection's IPsec pre-shared key, in clear
            Map.entry("network vpn-connection shared-key show", Verb.CREDENTIAL),
            Map.entry("network vpn-connection shared-key reset", Verb.UPDATE),
            // Database connection strings are templates with a <password> placeholder, not secrets.
            Map.entry("sql db show-connection-string", Verb.READ),
            Map.entry("postgres flexible-server show-connection-string", Verb.READ),
            Map.entry("mysql flexible-server show-connection-string", Verb.READ),
            // IoT Hub: a device's or the hub's connection string holds its shared access key; watching telemetry only reads;
            // a direct method or a cloud-to-device message acts on the device
            Map.entry("iot hub device-identity connection-string show", Verb.CREDENTIAL),
            Map.entry("iot hub module-identity connection-string show", Verb.CREDENTIAL),
            Map.entry("iot hub connection-string show", Verb.CREDENTIAL), Map.entry("iot dps connection-string show", Verb.CREDENTIAL),
            Map.entry("iot hub generate-sas-token", Verb.CREDENTIAL),
            Map.entry("iot hub monitor-events", Verb.READ), Map.entry("iot hub monitor-feedback", Verb.READ),
            Map.entry("iot central diagnostics monitor-events", Verb.READ),
            Map.entry("iot hub invoke-device-method", Verb.EXECUTE), Map.entry("iot hub invoke-module-method", Verb.EXECUTE),
            Map.entry("iot device c2d-message send", Verb.UPDATE), Map.entry("iot device send-d2c-message", Verb.UPDATE),
            Map.entry("iot device simulate", Verb.UPDATE));

    private static final Map<String, Verb> ACTIONS = Map.ofEntries(
            Map.entry("list", Verb.READ), Map.entry("show", Verb.READ), Map.entry("get", Verb.READ),
            Map.entry("exists", Verb.READ), Map.entry("wait", Verb.READ), Map.entry("query", Verb.READ),
            Map.entry("browse", Verb.READ), Map.entry("tail", Verb.READ), Map.entry("version", Verb.READ),
            Map.entry("find", Verb.READ), Map.entry("download", Verb.READ), Map.entry("what-if", Verb.READ),
            Map.entry("validate", Verb.READ), Map.entry("summarize", Verb.READ), Map.entry("list-usages", Verb.READ),
            Map.entry("check-name-availability", Verb.READ),
            Map.entry("get-access-token", Verb.CREDENTIAL), Map.entry("list-keys", Verb.CREDENTIAL),
            Map.entry("list-key", Verb.CREDENTIAL), Map.entry("show-key", Verb.CREDENTIAL),
            Map.entry("show-keys", Verb.CREDENTIAL), Map.entry("list-secrets", Verb.CREDENTIAL),
            Map.entry("list-credentials", Verb.CREDENTIAL), Map.entry("list-publishing-credentials", Verb.CREDENTIAL),
            Map.entry("list-publishing-profiles", Verb.CREDENTIAL), Map.entry("list-connection-strings", Verb.CREDENTIAL),
            Map.entry("show-connection-string", Verb.CREDENTIAL), Map.entry("generate-sas", Verb.CREDENTIAL),
            // prints the keys or tokens a client authenticates with (az ml online-endpoint get-credentials); aks's and
            // fleet's write a kubeconfig instead ({@link AzRecognizer})
            Map.entry("get-credentials", Verb.CREDENTIAL),
            Map.entry("login", Verb.ESCALATE),
            Map.entry("create", Verb.CREATE), Map.entry("add", Verb.CREATE), Map.entry("import", Verb.CREATE),
            Map.entry("restore", Verb.CREATE), Map.entry("recover", Verb.CREATE), Map.entry("copy", Verb.CREATE),
            Map.entry("update", Verb.UPDATE), Map.entry("set", Verb.UPDATE), Map.entry("scale", Verb.UPDATE),
            Map.entry("restart", Verb.UPDATE), Map.entry("stop", Verb.UPDATE), Map.entry("start", Verb.UPDATE),
            Map.entry("deallocate", Verb.UPDATE), Map.entry("resize", Verb.UPDATE), Map.entry("upgrade", Verb.UPDATE),
            Map.entry("swap", Verb.UPDATE), Map.entry("failover", Verb.UPDATE), Map.entry("rotate", Verb.UPDATE),
            Map.entry("renew", Verb.UPDATE), Map.entry("regenerate", Verb.UPDATE), Map.entry("enable", Verb.UPDATE),
            Map.entry("disable", Verb.UPDATE), Map.entry("attach", Verb.UPDATE), Map.entry("detach", Verb.UPDATE),
            Map.entry("assign", Verb.UPDATE), Map.entry("reset", Verb.UPDATE), Map.entry("redeploy", Verb.UPDATE),
            Map.entry("upload", Verb.UPDATE), Map.entry("upload-batch", Verb.UPDATE), Map.entry("sync", Verb.UPDATE),
            Map.entry("rollback", Verb.UPDATE), Map.entry("cancel", Verb.UPDATE), Map.entry("start-copy", Verb.UPDATE),
            Map.entry("logout", Verb.UPDATE), Map.entry("build", Verb.EXECUTE), Map.entry("run", Verb.EXECUTE),
            Map.entry("up", Verb.CREATE), Map.entry("deploy", Verb.CREATE), Map.entry("config-zip", Verb.UPDATE), Map.entry("clear", Verb.UPDATE), Map.entry("invoke", Verb.EXECUTE),
            Map.entry("delete", Verb.DELETE), Map.entry("purge", Verb.DELETE), Map.entry("remove", Verb.DELETE),
            Map.entry("delete-batch", Verb.DELETE), Map.entry("flush", Verb.DELETE), Map.entry("reboot", Verb.UPDATE),
            Map.entry("force-reboot", Verb.UPDATE), Map.entry("export", Verb.READ));

    private static final Map<String, Verb> PREFIXES = Map.ofEntries(Map.entry("list-", Verb.READ), Map.entry("show-", Verb.READ),
            Map.entry("get-", Verb.READ), Map.entry("check-", Verb.READ), Map.entry("delete-", Verb.DELETE),
            Map.entry("remove-", Verb.DELETE), Map.entry("set-", Verb.UPDATE), Map.entry("update-", Verb.UPDATE),
            Map.entry("add-", Verb.UPDATE), Map.entry("create-", Verb.CREATE), Map.entry("regenerate-", Verb.UPDATE));

    static Optional<Verb> verb(List<String> path) {
        String command = String.join(" ", path);
        Verb whole = COMMANDS.get(command);
        if (whole != null) {
            return Optional.of(whole);
        }
        String action = path.getLast();
        if (action.equals("list") && path.size() > 1 && path.get(path.size() - 2).equals("keys")
                || accessKeys(path)) {
            return Optional.of(Verb.CREDENTIAL);
        }
        Verb exact = ACTIONS.get(action);
        if (exact != null) {
            return Optional.of(exact);
        }
        return PREFIXES.entrySet().stream().filter(e -> action.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    /** Groups whose {@code list}/{@code show} print a service's access keys: {@code az signalr key list}, {@code az search admin-key show}. */
    private static final Set<String> KEY_GROUPS = Set.of("key", "keys", "admin-key", "query-key");

    /**
     * {@code … key list|show} prints the keys a client authenticates with. Key Vault's keys are the exception: listing or
     * showing one gives its metadata and public part, never the private key.
     */
    private static boolean accessKeys(List<String> path) {
        String action = path.getLast();
        return (action.equals("list") || action.equals("show")) && path.size() > 2
                && KEY_GROUPS.contains(path.get(path.size() - 2)) && !path.getFirst().equals("keyvault");
    }

    /** The fields of {@code keyvault secret show} besides its {@code value}: what the secret is, never what it says. */
    private static final Set<String> SECRET_METADATA = Set.of("id", "name", "attributes", "enabled", "created", "updated",
            "expires", "notbefore", "recoverylevel", "recoverabledays", "contenttype", "tags", "kid", "managed");

    /**
     * {@code az keyvault secret show --query attributes.expires}: a query that picks only the secret's metadata prints no
     * value. A query that names {@code value}, the whole object ({@code @}) or every field ({@code *}) does.
     */
    static boolean metadataQuery(List<String> path, String query) {
        if (!String.join(" ", path).equals("keyvault secret show") || query.contains("@") || query.contains("*")) {
            return false;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*").matcher(query);
        boolean picked = false;
        while (m.find()) {
            if (!SECRET_METADATA.contains(m.group().toLowerCase(java.util.Locale.ROOT))) {
                return false;
            }
            picked = true;
        }
        return picked;
    }

    private static final List<Map.Entry<String, Kind>> KINDS = List.of(
            Map.entry("group", new Kind("resource-group", true, true)),
            Map.entry("stack group", new Kind("stack", true, true)),
            Map.entry("stack sub", new Kind("stack", true, true)),
            Map.entry("stack mg", new Kind("stack", true, true)),
            Map.entry("sql db", new Kind("database", true, false)),
            Map.entry("sql server", new Kind("database", true, true)),
            Map.entry("sql mi", new Kind("database", true, true)),
            Map.entry("postgres flexible-server db", new Kind("database", true, false)),
            Map.entry("mysql flexible-server db", new Kind("database", true, false)),
            Map.entry("postgres flexible-server", new Kind("database", true, true)),
            Map.entry("postgres server", new Kind("database", true, true)),
            Map.entry("mysql flexible-server", new Kind("database", true, true)),
            Map.entry("mysql server", new Kind("database", true, true)),
            Map.entry("mariadb server", new Kind("database", true, true)),
            Map.entry("cosmosdb", new Kind("database", true, true)),
            Map.entry("cosmosdb sql database", new Kind("database", true, false)),
            Map.entry("cosmosdb mongodb database", new Kind("database", true, false)),
            Map.entry("cosmosdb sql container", new Kind("table", true, false)),
            Map.entry("redis", new Kind("database", true, false)),
            Map.entry("storage account", new Kind("storage-account", true, true)),
            Map.entry("storage container", new Kind("storage-container", true, true)),
            Map.entry("storage share", new Kind("file-share", true, true)),
            Map.entry("storage share-rm", new Kind("file-share", true, true)),
            Map.entry("storage blob", new Kind("object", true, false)),
            Map.entry("storage fs", new Kind("filesystem", true, true)),
            Map.entry("storage table", new Kind("table", true, false)),
            Map.entry("storage queue", new Kind("queue", true, false)),
            Map.entry("keyvault", new Kind("key-vault", true, true)),
            Map.entry("keyvault secret", new Kind("secret", true, false)),
            Map.entry("keyvault key", new Kind("key", true, false)),
            Map.entry("keyvault certificate", new Kind("certificate", true, false)),
            Map.entry("aks", new Kind("cluster", true, true)),
            Map.entry("aks nodepool", new Kind("node-pool", false, false)),
            Map.entry("vm", new Kind("instance", false, false)),
            Map.entry("vmss", new Kind("instance-group", false, false)),
            Map.entry("disk", new Kind("disk", true, false)),
            Map.entry("snapshot", new Kind("snapshot", true, false)),
            Map.entry("acr", new Kind("registry", true, true)),
            Map.entry("acr repository", new Kind("repository", true, false)),
            Map.entry("webapp", new Kind("app", false, false)),
            Map.entry("functionapp", new Kind("function-app", false, false)),
            // App Configuration: --name is the store; its keys and feature flags are what kv and feature change
            Map.entry("appconfig", new Kind("configuration-store", true, false)),
            Map.entry("appconfig kv", new Kind("configuration-key", false, false)),
            Map.entry("appconfig feature", new Kind("feature-flag", false, false)),
            Map.entry("monitor log-analytics workspace", new Kind("log-workspace", true, false)),
            Map.entry("account", new Kind("subscription", false, false)),
            Map.entry("ad sp", new Kind("service-principal", false, false)),
            Map.entry("ad app", new Kind("application", false, false)),
            Map.entry("role assignment", new Kind("role-assignment", false, false)),
            Map.entry("deployment group", new Kind("deployment", false, false)),
            Map.entry("resource", new Kind("resource", true, false)));

    /**
     * Delete flags that take a whole container down with everything in it: {@code az ml workspace delete --all-resources}
     * also deletes its storage account, registry and key vault; {@code --permanently-delete} skips the soft-delete that
     * keeps its models, data assets and runs recoverable.
     */
    static final Map<String, Set<String>> TEARDOWN_FLAGS = Map.of("ml workspace", Set.of("all-resources", "permanently-delete"));

    /** Groups where {@code -g} names the resource itself. */
    static final Set<String> GROUP_NAMED_BY_G = Set.of("group");

    static Kind kind(List<String> groups) {
        if (groups.size() > 1 && Set.of("keys", "credential", "credentials").contains(groups.getLast())) {
            return kind(groups.subList(0, groups.size() - 1));
        }
        String path = String.join(" ", groups);
        for (Map.Entry<String, Kind> e : KINDS) {
            if (path.equals(e.getKey())) {
                return e.getValue();
            }
        }
        return new Kind(groups.isEmpty() ? "" : groups.getLast(), false, false);
    }
}
