package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure's .NET management library (Azure.ResourceManager) written as the {@code az} line that does the same: a
 * resource fetched by name ({@code GetResourceGroupAsync("rg-prod-data")}, {@code GetStorageAccountAsync("st…")}) and
 * then deleted is {@code az group delete} / {@code az storage account delete} of it; a role assignment created at a
 * scope is {@code az role assignment create}. Azure Storage's blob clients likewise: a container client's
 * {@code Delete()}/{@code DeleteIfExists()} and a service client's {@code DeleteBlobContainer("x")} are
 * {@code az storage container delete}, placed by the account its connection string or URL names.
 */
final class ArmClientCalls {

    private ArmClientCalls() {
    }

    /** The resource a Get…(name) fetches → the az command that deletes one (its resource group appended). */
    private static final Map<String, String> DELETES = Map.of(
            "ResourceGroup", "az group delete --yes --name ",
            "StorageAccount", "az storage account delete --yes --name ",
            "VirtualMachine", "az vm delete --yes --name ",
            "SqlServer", "az sql server delete --yes --name ",
            "KeyVault", "az keyvault delete --name ",
            "ContainerServiceManagedCluster", "az aks delete --yes --name ",
            "WebSite", "az webapp delete --name ",
            "CosmosDBAccount", "az cosmosdb delete --yes --name ",
            "ContainerRegistry", "az acr delete --yes --name ");
    private static final Pattern GET = Pattern.compile("\\bGet(" + String.join("|", DELETES.keySet()) + ")(?:Async)?\\s*\\(\\s*" + LIT);
    private static final Pattern DELETE = Pattern.compile("\\.\\s*Delete(?:IfExists)?(?:Async)?\\s*\\(");
    /** A blob container client, built ({@code new BlobContainerClient(cs, "x")}) or handed out ({@code GetBlobContainerClient("x")}). */
    private static final Pattern CONTAINER = Pattern.compile("\\b(?:BlobContainerClient|GetBlobContainerClient)\\s*\\(");
    private static final Pattern CONTAINER_DELETE = Pattern.compile("\\.\\s*DeleteBlobContainer(?:IfExists)?(?:Async)?\\s*\\(\\s*" + LIT);
    /** The blob clients' listings: {@code az storage container list} and {@code az storage blob list}, reads as theirs are. */
    private static final Pattern LISTING = Pattern.compile("\\.\\s*(GetBlobContainers|GetBlobs|GetBlobsByHierarchy)(?:Async)?\\s*\\(");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("(?i)\\bAccountName=([a-z0-9]+)");
    private static final Pattern BLOB_URL = Pattern.compile("(https?://[^'\"\\s/]+)(?:/([\\w$-]+))?");
    private static final Pattern ENV_READ = Pattern.compile("\\bGetEnvironmentVariable\\s*\\(\\s*\"(\\w+)\"");
    private static final Pattern ROLE_ASSIGNMENT = Pattern.compile("\\bGetRoleAssignments\\s*\\([\\s\\S]*?\\.\\s*CreateOrUpdate(?:Async)?\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("\\bResourceIdentifier\\s*\\(\\s*" + LIT);
    private static final Pattern PRINCIPAL = Pattern.compile("\\bGuid\\.Parse\\s*\\(\\s*" + LIT);

    /** {@code env}: the variables the code runs with, where a connection string it reads names the storage account. */
    static void find(String code, Map<String, String> env, List<String> lines, Set<String> accounted) {
        TreeMap<Integer, String[]> fetched = new TreeMap<>();
        Matcher g = GET.matcher(code);
        while (g.find()) {
            fetched.put(g.start(), new String[] {g.group(1), lit(g, 2)});
        }
        String account = storageAccount(code, env);
        Matcher c = CONTAINER.matcher(code);
        while (c.find()) {
            container(ClientCallSyntax.callArguments(code, c.end())).ifPresent(n -> fetched.put(c.start(), new String[] {"BlobContainer", n}));
        }
        Matcher l = LISTING.matcher(code);
        while (l.find()) {
            accounted.add(Regex.replaceFirst(l.group(), "^\\.\\s*(\\w+)[\\s\\S]*$", "$1"));
            Map.Entry<Integer, String[]> in = fetched.floorEntry(l.start());
            lines.add(l.group(1).equals("GetBlobContainers") || in == null || !in.getValue()[0].equals("BlobContainer")
                    ? "az storage container list" + account
                    : "az storage blob list --container-name " + quote(in.getValue()[1]) + account);
        }
        Matcher cd = CONTAINER_DELETE.matcher(code);
        while (cd.find()) {
            accounted.add(Regex.replaceFirst(cd.group(), "^\\.\\s*(\\w+)[\\s\\S]*$", "$1"));
            lines.add("az storage container delete --name " + quote(lit(cd, 1)) + account);
        }
        Matcher d = DELETE.matcher(code);
        while (d.find()) {
            Map.Entry<Integer, String[]> target = fetched.floorEntry(d.start());
            if (target == null) {
                continue;
            }
            String kind = target.getValue()[0];
            accounted.add(Regex.replaceFirst(d.group(), "^\\.\\s*(\\w+)[\\s\\S]*$", "$1"));
            if (kind.equals("BlobContainer")) {
                lines.add("az storage container delete --name " + quote(target.getValue()[1]) + account);
                continue;
            }
            StringBuilder line = new StringBuilder(DELETES.get(kind)).append(quote(target.getValue()[1]));
            if (!kind.equals("ResourceGroup")) {
                fetched.headMap(target.getKey(), false).descendingMap().values().stream().filter(v -> v[0].equals("ResourceGroup")).findFirst()
                        .ifPresent(rg -> line.append(" --resource-group ").append(quote(rg[1])));
            }
            accounted.add("Delete");
            accounted.add("DeleteAsync");
            lines.add(line.toString());
        }
        roleAssignment(code, lines, accounted);
    }

    /** The container a client's arguments name: its own name, or the first path segment of a container URL. */
    private static Optional<String> container(String args) {
        Matcher l = Regex.pattern(LIT).matcher(args);
        String name = "";
        while (l.find()) {
            String value = lit(l, 1);
            Matcher url = BLOB_URL.matcher(value);
            if (url.matches() && url.group(2) != null) {
                return Optional.of(url.group(2));
            }
            name = value.contains("=") || value.contains("://") ? name : value;
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    /**
     * The az flags that place the code's storage calls: the account of a connection string written in the code or held by
     * a variable it reads ({@code AccountName=stprod…}), Azurite's development storage, or an account URL.
     */
    private static String storageAccount(String code, Map<String, String> env) {
        StringBuilder text = new StringBuilder(code);
        Matcher e = ENV_READ.matcher(code);
        while (e.find()) {
            text.append('\n').append(env.getOrDefault(e.group(1), ""));
        }
        if (text.indexOf("UseDevelopmentStorage=true") >= 0) {
            return " --connection-string 'UseDevelopmentStorage=true'";
        }
        Matcher a = ACCOUNT_NAME.matcher(text);
        if (a.find()) {
            return " --account-name " + quote(a.group(1));
        }
        Matcher u = Regex.pattern("https?://([a-z0-9]+)\\.blob\\.core\\.windows\\.net|(https?://[^'\"\\s/]+)").matcher(text);
        return !u.find() ? "" : u.group(1) != null ? " --account-name " + quote(u.group(1)) : " --blob-endpoint " + quote(u.group(2));
    }

    private static void roleAssignment(String code, List<String> lines, Set<String> accounted) {
        if (ROLE_ASSIGNMENT.matcher(code).find()) {
            String scope = "";
            String role = "";
            Matcher id = IDENTIFIER.matcher(code);
            while (id.find()) {
                String value = lit(id, 1);
                if (value.contains("/roleDefinitions/")) {
                    role = Regex.replaceFirst(value, "^.*/roleDefinitions/", "");
                } else if (scope.isEmpty()) {
                    scope = value;
                }
            }
            Matcher principal = PRINCIPAL.matcher(code);
            accounted.add("CreateOrUpdateAsync");
            lines.add("az role assignment create" + (role.isEmpty() ? "" : " --role " + quote(role))
                    + (scope.isEmpty() ? "" : " --scope " + quote(scope))
                    + (principal.find() ? " --assignee " + quote(lit(principal, 1)) : ""));
        }
    }
}
