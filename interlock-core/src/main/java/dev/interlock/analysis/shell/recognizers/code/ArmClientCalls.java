package dev.interlock.analysis.shell.recognizers.code;

import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.LIT;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.lit;
import static dev.interlock.analysis.shell.recognizers.code.ClientCallSyntax.quote;

import dev.interlock.analysis.Regex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure's .NET management library (Azure.ResourceManager) written as the {@code az} line that does the same: a
 * resource fetched by name ({@code GetResourceGroupAsync("rg-prod-data")}, {@code GetStorageAccountAsync("st…")}) and
 * then deleted is {@code az group delete} / {@code az storage account delete} of it; a role assignment created at a
 * scope is {@code az role assignment create}.
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
    private static final Pattern DELETE = Pattern.compile("\\.\\s*Delete(?:Async)?\\s*\\(");
    private static final Pattern ROLE_ASSIGNMENT = Pattern.compile("\\bGetRoleAssignments\\s*\\([\\s\\S]*?\\.\\s*CreateOrUpdate(?:Async)?\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("\\bResourceIdentifier\\s*\\(\\s*" + LIT);
    private static final Pattern PRINCIPAL = Pattern.compile("\\bGuid\\.Parse\\s*\\(\\s*" + LIT);

    static void find(String code, List<String> lines, Set<String> accounted) {
        TreeMap<Integer, String[]> fetched = new TreeMap<>();
        Matcher g = GET.matcher(code);
        while (g.find()) {
            fetched.put(g.start(), new String[] {g.group(1), lit(g, 2)});
        }
        Matcher d = DELETE.matcher(code);
        while (d.find()) {
            Map.Entry<Integer, String[]> target = fetched.floorEntry(d.start());
            if (target == null) {
                continue;
            }
            String kind = target.getValue()[0];
            StringBuilder line = new StringBuilder(DELETES.get(kind)).append(quote(target.getValue()[1]));
            if (!kind.equals("ResourceGroup")) {
                fetched.headMap(target.getKey(), false).descendingMap().values().stream().filter(v -> v[0].equals("ResourceGroup")).findFirst()
                        .ifPresent(rg -> line.append(" --resource-group ").append(quote(rg[1])));
            }
            accounted.add("Delete");
            accounted.add("DeleteAsync");
            lines.add(line.toString());
        }
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
