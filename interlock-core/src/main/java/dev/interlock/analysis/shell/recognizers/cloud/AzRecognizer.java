package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.iac.IacArgs;
import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.analysis.shell.recognizers.DeploymentWords;
import dev.interlock.analysis.shell.recognizers.Emulators;
import dev.interlock.analysis.shell.recognizers.ci.CiRuns;
import dev.interlock.analysis.shell.recognizers.identity.DirectoryTenants;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Azure CLI. A command is {@code az GROUP… ACTION --flag value…}: the action (or, for exceptions such as
 * {@code keyvault secret show}, the whole command) decides the verb ({@link AzTable}), the groups decide the resource
 * type, and {@code --subscription} and {@code -g/--resource-group} locate it.
 */
public final class AzRecognizer implements Recognizer {

    private static final String SYSTEM = "azure";

    private static final Set<String> BOOLEANS = Set.of("yes", "y", "no-wait", "debug", "verbose", "only-show-errors",
            "force", "all", "identity", "use-device-code", "allow-no-subscriptions", "service-principal", "admin",
            "overwrite", "no-prompt", "help", "h", "dryrun", "dry-run", "force-string", "delete-snapshots",
            "yes-i-know", "auth-mode-login", "show-secrets", "all-resources", "permanently-delete");

    /** Command groups that only change az itself on this machine. */
    private static final Set<String> CLI_SETTINGS = Set.of("login", "logout", "config", "extension", "configure",
            "upgrade", "cloud", "bicep", "init", "version", "find", "feedback", "interactive");

    private static final Pattern ARM_PATH = Pattern.compile(
            "(?i)/subscriptions/([^/?]+)(?:/resourceGroups/([^/?]+))?(/providers/[^?]+)?");

    /** Global options that take a value. */
    private static final Set<String> GLOBAL_VALUED = Set.of("--subscription", "-o", "--output", "--query");

    @Override
    public Set<String> programs() {
        return Set.of("az");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return analyze(inv, nested);
    }

    /** {@code az repos pr create|update} that opens or edits a pull request without completing (merging) it. */
    private static boolean proposes(String action, IacArgs a) {
        boolean completes = a.value("status").filter(v -> v.equalsIgnoreCase("completed")).isPresent()
                || a.value("auto-complete").filter(v -> v.equalsIgnoreCase("true")).isPresent()
                || a.has("auto-complete") && a.value("auto-complete").isEmpty() || a.has("bypass-policy");
        return (action.equals("create") || action.equals("update")) && !completes;
    }

    private List<Operation> analyze(Invocation inv, Nested nested) {
        List<Arg> args = inv.args();
        // global options may come before the command words: az --subscription prod group delete …
        List<Arg> options = new ArrayList<>();
        int start = 0;
        while (start < args.size() && args.get(start).value().startsWith("-")) {
            String w = args.get(start++).value();
            options.add(args.get(start - 1));
            if (GLOBAL_VALUED.contains(w) && start < args.size()) {
                options.add(args.get(start++));
            }
        }
        int firstFlag = start;
        while (firstFlag < args.size() && !args.get(firstFlag).value().startsWith("-")) {
            firstFlag++;
        }
        List<Arg> pathArgs = args.subList(start, firstFlag);
        options.addAll(args.subList(firstFlag, args.size()));
        IacArgs a = IacArgs.parse(options, Set.of(), BOOLEANS, true);
        if (pathArgs.isEmpty() || a.has("help", "h")) {
            return List.of();
        }
        List<String> path = pathArgs.stream().map(Arg::value).toList();
        String action = path.getLast();
        List<String> groups = path.subList(0, path.size() - 1);
        boolean certain = pathArgs.stream().allMatch(Arg::literal)
                && a.literal("subscription", "g", "resource-group", "n", "name", "ids");
        Operation.Builder b = Operation.builder(SYSTEM, Verb.UNKNOWN).evidence(inv.evidence())
                .confidence(certain ? Confidence.EXACT : Confidence.INFERRED)
                .locator("subscription", a.value("subscription").orElse(inv.env().getOrDefault("AZURE_SUBSCRIPTION_ID", "")))
                .locator("resource-group", a.value("g", "resource-group").orElse(""));
        if (path.getFirst().equals("rest")) {
            return List.of(rest(b, a));
        }
        if (groups.isEmpty() || CLI_SETTINGS.contains(path.getFirst())
                || groups.equals(List.of("account")) && Set.of("set", "clear").contains(action)) {
            return List.of(cliSettings(inv, a, b, path));
        }
        if (path.size() == 3 && path.get(0).equals("repos") && path.get(1).equals("pr") && proposes(action, a)) {
            // a pull request proposes commits, as gh pr create does; completing it (--status completed,
            // --auto-complete) is what merges
            return List.of(b.verb(action.equals("create") ? Verb.CREATE : Verb.UPDATE).resource("pull-request", a.value("id").orElse(""))
                    .environment(Tier.DEV, "a pull request only proposes a change: merging it is what lands it").build());
        }
        // An action from a variable is read the strictest way, as a delete.
        Verb verb = pathArgs.getLast().literal() ? AzTable.verb(path).orElse(Verb.UNKNOWN) : Verb.DELETE;
        if (verb == Verb.CREDENTIAL && a.value("query").filter(q -> AzTable.metadataQuery(path, q)).isPresent()) {
            verb = Verb.READ;
        }
        AzTable.Kind kind = AzTable.kind(groups);
        String name = a.value("n", "name").orElse(a.value("ids").orElse(""));
        if (AzTable.GROUP_NAMED_BY_G.contains(String.join(" ", groups))) {
            name = a.value("n", "name", "g", "resource-group").orElse("");
            b.locator("resource-group", name);
        }
        for (Arg id : a.values("ids")) {
            // --ids carries full ARM paths: /subscriptions/S/resourceGroups/G/providers/…/NAME.
            Matcher m = ARM_PATH.matcher(id.value());
            if (m.find()) {
                b.locator("subscription", m.group(1)).locator("resource-group", m.group(2) == null ? "" : m.group(2));
            }
        }
        if (name.startsWith("/subscriptions/")) {
            name = String.join(",", Arrays.stream(Regex.split(name, "\\s+")).map(IacArgs::baseName).toList());
        }
        b.verb(verb).resource(kind.type(), name);
        // Names that say where a resource is: clusters and databases by name, vaults and storage accounts by endpoint.
        if (Set.of("cluster", "database").contains(kind.type()) && !name.contains(",")) {
            b.locator(kind.type(), name);
        }
        b.locator("cluster", a.value("cluster-name").orElse(""));
        if (path.getFirst().equals("appconfig")) {
            // a key's label is the environment that reads it (--label dev): the store serves every environment so labelled
            a.value("label").filter(l -> !l.contains("*") && !l.contains(",")).ifPresent(l -> b.locator("environment", l));
        }
        if (path.equals(List.of("pipelines", "run")) || path.equals(List.of("pipelines", "build", "queue"))) {
            pipelineRun(b, a, name);
        }
        if (Set.of("sql", "postgres", "mysql", "mariadb").contains(path.getFirst())) {
            b.locator("host", a.value("server", "s", "server-name").orElse(""));
        }
        a.value("vault-name").ifPresent(v -> b.locator("host", v + ".vault.azure.net"));
        a.value("hub-name", "hn").ifPresent(v -> b.locator("host", v + ".azure-devices.net"));
        if (path.getFirst().equals("keyvault") && groups.size() == 1) {
            b.locator("host", name.isEmpty() ? "" : name + ".vault.azure.net");
        }
        a.value("account-name").ifPresent(v -> b.locator("host", v + ".blob.core.windows.net"));
        if (groups.equals(List.of("storage", "account"))) {
            b.locator("host", name.isEmpty() ? "" : name + ".blob.core.windows.net");
        }
        List<String> notes = new ArrayList<>();
        List<Operation> ops = new ArrayList<>();
        if (groups.equals(List.of("storage", "blob")) && action.startsWith("download") && !a.has("dryrun", "dry-run")
                && downloadsProductionData(a, action)) {
            // a container of exports or a data file from a production account, now on this machine (aws s3 cp's twin)
            b.locator(dev.interlock.analysis.shell.recognizers.database.DatabaseOps.COPIES_DATA, "objects");
            notes.add("downloads production's data to this machine");
        }
        if ((groups.equals(List.of("aks")) || groups.equals(List.of("fleet"))) && action.equals("get-credentials")) {
            return List.of(kubeconfig(inv, a, b, name));
        }
        int ids = a.value("ids").map(v -> Regex.split(v, "\\s+").length).orElse(1);
        boolean pattern = a.value("pattern").map(p -> p.contains("*")).orElse(false);
        Scope scope = ids > 1 || action.endsWith("-batch") ? Scope.MANY : Scope.ONE;
        boolean teardown = verb.destructive() && AzTable.TEARDOWN_FLAGS.getOrDefault(String.join(" ", groups), Set.of()).stream().anyMatch(a::has);
        if (verb.destructive() && (kind.wholeEnvironment() || teardown || action.equals("flush") || pattern && a.value("pattern").get().equals("*"))) {
            scope = Scope.ALL;
        }
        b.scope(scope);
        if (teardown) {
            notes.add("takes everything in the " + kind.type() + " with it, past any soft-delete");
        }
        if (verb.destructive()) {
            boolean softDelete = action.equals("delete") && kind.type().equals("key-vault")
                    || action.equals("delete") && groups.size() == 2 && groups.getFirst().equals("keyvault");
            b.stateful(kind.stateful() || teardown || verb == Verb.REPLACE || action.equals("flush")).reversible(softDelete);
            if (softDelete) {
                notes.add("soft-deleted: recoverable until purged");
            } else if (action.equals("purge")) {
                notes.add("purged: gone for good");
            }
        }
        if (groups.equals(List.of("vm")) && (action.equals("stop") || action.equals("deallocate"))) {
            notes.add(action.equals("deallocate") ? "the VM stops and releases its hardware" : "the VM stops serving");
        }
        switch (verb) {
            case ESCALATE -> notes.add(a.has("identity") ? "acts as this machine's managed identity"
                    : a.has("service-principal") ? "acts as the service principal " + a.value("u", "username").orElse("")
                    : "changes the identity az acts as");
            case GRANT -> notes.add("grants " + a.value("role").orElse("permissions")
                    + a.value("assignee", "assignee-object-id", "upn", "object-id").map(m -> " to " + m).orElse(""));
            case CREDENTIAL -> notes.add("reveals a secret or access key");
            case EXECUTE -> {
                List<Operation> inner = remoteCommand(inv, a, groups, name, nested);
                if (!inner.isEmpty()) {
                    return RemoteRuns.placed(inner, b.build());
                }
            }
            default -> { }
        }
        if (groups.equals(List.of("deployment", "group")) && action.equals("create")
                && a.value("mode").orElse("").toLowerCase(Locale.ROOT).equals("complete")) {
            ops.add(b.build().toBuilder().verb(Verb.DELETE).resource("resource", a.value("g", "resource-group").orElse(""))
                    .scope(Scope.MANY).stateful(true).reversible(false)
                    .note("complete mode deletes every resource in the group that is not in the template").build());
        }
        if (action.equals("sync") && a.value("delete-destination").orElse("").equals("true")) {
            ops.add(b.build().toBuilder().verb(Verb.DELETE).scope(Scope.MANY).stateful(true).reversible(false)
                    .note("deletes destination blobs missing from the source").build());
        }
        boolean anonymous = a.value("public-access").map(v -> Set.of("blob", "container").contains(v.toLowerCase(Locale.ROOT))).orElse(false)
                || a.value("allow-blob-public-access").map(v -> !v.equalsIgnoreCase("false")).orElse(a.has("allow-blob-public-access"));
        if (anonymous && verb != Verb.READ) {
            // anonymous access is a grant to everyone, whatever else the command changes
            ops.add(b.build().toBuilder().verb(Verb.GRANT).scope(Scope.ALL)
                    .note("lets anyone read its blobs without credentials (public access)").build());
        }
        if (a.has("yes", "y") && verb != Verb.READ) {
            notes.add("no confirmation prompt");
        }
        if (path.getFirst().equals("storage")) {
            // Azurite holds throwaway test data, as LocalStack does for aws
            Emulators.azurite(a.value("connection-string").or(() -> a.value("blob-endpoint"))
                    .orElse(inv.env().getOrDefault("AZURE_STORAGE_CONNECTION_STRING", ""))).ifPresent(why -> {
                        b.environment(Tier.LOCAL, why).stateful(false).reversible(true);
                        notes.add("local emulator: test data");
                    });
        }
        if (verb == Verb.UNKNOWN) {
            b.confidence(Confidence.INFERRED);
            notes.add("unrecognized az command '" + String.join(" ", path) + "'");
        }
        ops.addFirst(DirectoryTenants.placed(b.note(String.join("; ", notes)).build(), tenant(a, path)));
        return ops;
    }

    /**
     * The Entra tenant a command names: {@code --tenant}, or for {@code az ad} the domain of a user principal name
     * ({@code qa@acmedev.onmicrosoft.com}) or of an identifier URI. A subscription does not say it: one tenant serves
     * every subscription.
     */
    private static Optional<String> tenant(IacArgs a, List<String> path) {
        Optional<String> named = a.value("tenant");
        if (named.isPresent() || !path.getFirst().equals("ad")) {
            return named;
        }
        List<String> names = a.values("user-principal-name", "upn", "id").stream().map(Arg::value).toList();
        List<String> uris = a.values("identifier-uris").stream().map(Arg::value).toList();
        return DirectoryTenants.ofSignInNames(names).or(() -> DirectoryTenants.ofUris(uris));
    }

    /**
     * {@code az pipelines run --name ci --branch feature/x}: an Azure DevOps pipeline run lands where it names, as other
     * CI systems' runs do ({@link CiRuns}); a name or branch that names production keeps it unplaced.
     */
    private static void pipelineRun(Operation.Builder b, IacArgs a, String name) {
        Optional<String> branch = a.value("branch");
        List<String> operands = new ArrayList<>(List.of(name));
        a.values("parameters").forEach(v -> operands.add(v.value()));
        a.values("variables").forEach(v -> operands.add(v.value()));
        if (operands.stream().noneMatch(DeploymentWords::namesProduction)) {
            CiRuns.place(b, operands, branch.map(br -> br.replaceFirst("^refs/heads/", "")), false);
        }
    }

    /**
     * {@code az storage blob download-batch --account-name A -s CONTAINER} and {@code download -c CONTAINER -n BLOB}:
     * judged as the same download by URL is ({@link dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads}).
     */
    private static boolean downloadsProductionData(IacArgs a, String action) {
        String source = action.equals("download-batch") ? a.value("s", "source").orElse("") : a.value("c", "container-name").orElse("");
        String location;
        if (source.startsWith("https://")) {
            location = source;
        } else {
            String account = a.value("account-name").orElse("");
            if (account.isEmpty() || source.isEmpty()) {
                return false;
            }
            String blob = action.equals("download") ? a.value("n", "name").map(n -> "/" + n).orElse("") : "";
            location = "https://" + account + ".blob.core.windows.net/" + source + blob;
        }
        return dev.interlock.analysis.shell.recognizers.storage.ObjectDownloads.copiesProductionData(location);
    }

    /** {@code az login}, {@code az account set}, {@code az config}, {@code az extension}: settings of az itself. */
    private static Operation cliSettings(Invocation inv, IacArgs a, Operation.Builder b, List<String> path) {
        String command = String.join(" ", path);
        if (path.getFirst().equals("login")) {
            return b.verb(Verb.ESCALATE).resource("credentials", a.value("u", "username").orElse(""))
                    .note(a.has("identity") ? "acts as this machine's managed identity"
                            : a.has("service-principal") ? "logs in as a service principal" : "changes the identity az acts as").build();
        }
        Verb verb = Set.of("version", "find", "feedback", "interactive", "help").contains(path.getFirst())
                || path.getLast().equals("list") || path.getLast().equals("show") ? Verb.READ : Verb.UPDATE;
        b.verb(verb).resource("configuration", command);
        if (verb == Verb.UPDATE && !inv.remote()) {
            b.environment(Tier.LOCAL, "az " + command + " changes az's settings on this machine only");
        }
        return b.build();
    }

    private static Operation kubeconfig(Invocation inv, IacArgs a, Operation.Builder b, String cluster) {
        if (a.has("admin")) {
            return b.verb(Verb.ESCALATE).resource("cluster", cluster)
                    .note("fetches the cluster's admin credentials, bypassing its access control").build();
        }
        b.verb(Verb.UPDATE).resource("kubeconfig", cluster).scope(Scope.ONE);
        if (!inv.remote()) {
            b.environment(Tier.LOCAL, "writes the cluster's credentials to the local kubeconfig");
        }
        return b.note("points kubectl at " + cluster).build();
    }

    /** {@code az rest --method delete --url …}: the HTTP method decides, and for a POST the action ({@link ArmActions}). */
    private static Operation rest(Operation.Builder b, IacArgs a) {
        String method = a.value("method", "m").orElse("get").toLowerCase(Locale.ROOT);
        Verb verb = switch (method) {
            case "get", "head", "options" -> Verb.READ;
            case "delete" -> Verb.DELETE;
            default -> Verb.UPDATE;
        };
        String url = a.value("url", "uri", "u").orElse("");
        if (method.equals("post")) {
            verb = ArmActions.postedAction(url).orElse(verb);
        }
        b.verb(verb).resource("resource", url).confidence(Confidence.INFERRED).reversible(verb != Verb.DELETE);
        Matcher m = ARM_PATH.matcher(url);
        if (m.find()) {
            b.locator("subscription", m.group(1)).locator("resource-group", m.group(2) == null ? "" : m.group(2));
            if (verb == Verb.DELETE && m.group(3) == null) {
                // The URL ends at a resource group or subscription: everything under it goes.
                b.resource(m.group(2) == null ? "subscription" : "resource-group", m.group(2) == null ? m.group(1) : m.group(2))
                        .scope(Scope.ALL).stateful(true);
            }
        }
        String host = Hosts.of(url);
        if (!host.isEmpty() && !CONTROL_PLANE_HOSTS.contains(host)) {
            // a data-plane endpoint is named for its account (pview-dev.purview.azure.com, kv-prod.vault.azure.net)
            boolean here = Hosts.loopback(host);
            return b.locator(here ? "host" : "account", here ? host : host.split("\\.", 2)[0])
                    .note("raw REST request: " + method.toUpperCase(Locale.ROOT) + " to " + host).build();
        }
        return b.note("raw ARM request: " + method.toUpperCase(Locale.ROOT)).build();
    }

    /** Hosts of Azure's (and Microsoft Graph's) management APIs: their first label names no account. */
    private static final Set<String> CONTROL_PLANE_HOSTS = Set.of("management.azure.com", "management.core.windows.net",
            "graph.microsoft.com", "graph.windows.net", "login.microsoftonline.com", "management.usgovcloudapi.net",
            "management.chinacloudapi.cn", "api.loganalytics.io", "api.applicationinsights.io");

    /** {@code az vm run-command invoke --scripts …}, {@code az aks command invoke --command …}: analysed where they run. */
    private static List<Operation> remoteCommand(Invocation inv, IacArgs a, List<String> groups, String target, Nested nested) {
        List<Arg> scripts = new ArrayList<>(a.values("scripts", "command", "c"));
        if (scripts.isEmpty() && groups.getFirst().equals("ssh") && !a.afterDoubleDash().isEmpty()) {
            // az ssh vm -n VM -- 'uptime': ssh's own arguments; the last word is the command, as for ssh
            scripts.add(a.afterDoubleDash().getLast());
        }
        if (scripts.isEmpty() || target.isEmpty()) {
            return List.of();
        }
        Map<String, String> where = groups.getFirst().equals("aks") ? Map.of("context", target) : Map.of("host", target);
        Invocation remote = new Invocation(inv.program(), inv.args(), inv.env(), inv.workspace(), inv.evidence(),
                inv.stdin(), where);
        List<Operation> ops = new ArrayList<>();
        for (Arg script : scripts) {
            ops.addAll(nested.shell(script.value(), remote));
        }
        return ops;
    }
}
