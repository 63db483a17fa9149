package dev.interlock.analysis.shell.recognizers.cloud;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class AzRecognizerTest {

    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String command) {
        return new AzRecognizer().recognize(Invocation.of("az", command.split(" ")), nested);
    }

    private Operation one(String command) {
        List<Operation> ops = run(command);
        assertThat(ops).as(command).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void listsAndShowsAreReads() {
        for (String cmd : List.of("vm list -g rg-prod", "group show -n rg-prod", "aks show -g rg -n c1", "account show",
                "keyvault secret list --vault-name kv-prod", "storage account list --subscription prod-sub", "version",
                "monitor metrics list --resource x")) {
            assertThat(one(cmd).verb()).as(cmd).isEqualTo(Verb.READ);
        }
    }

    @Test
    void groupDeleteIsATeardown() {
        Operation op = one("group delete --name rg-payments-prod --yes --no-wait");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("resource-group");
        assertThat(op.resource().name()).isEqualTo("rg-payments-prod");
        assertThat(op.resource().locator("resource-group")).isEqualTo("rg-payments-prod");
        assertThat(op.scope()).isEqualTo(Scope.ALL);
        assertThat(op.stateful()).isTrue();
        assertThat(op.note()).contains("no confirmation");
        assertThat(one("group delete -g rg-dev -y").resource().name()).isEqualTo("rg-dev");
    }

    @Test
    void dataStoresAreStateful() {
        Operation db = one("sql db delete -g rg -s srv -n orders --subscription prod-sub");
        assertThat(db.resource().type()).isEqualTo("database");
        assertThat(db.stateful()).isTrue();
        assertThat(db.reversible()).isFalse();
        assertThat(db.resource().locator("subscription")).isEqualTo("prod-sub");
        assertThat(one("storage account delete -n shopdata -g rg").scope()).isEqualTo(Scope.ALL);
        assertThat(one("cosmosdb delete -n shop -g rg").stateful()).isTrue();
        Operation purge = one("keyvault purge --name kv-prod");
        assertThat(purge.reversible()).isFalse();
        assertThat(one("keyvault delete --name kv-prod").reversible()).isTrue();
        assertThat(one("aks delete -g rg -n main").resource().type()).isEqualTo("cluster");
        assertThat(one("aks delete -g rg -n main").scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void changes() {
        assertThat(one("vm create -g rg -n vm1 --image Ubuntu2204").verb()).isEqualTo(Verb.CREATE);
        Operation stop = one("vm deallocate -g rg -n vm1");
        assertThat(stop.verb()).isEqualTo(Verb.UPDATE);
        assertThat(stop.note()).contains("stops");
        assertThat(one("aks scale -g rg -n c1 --node-count 0").verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("webapp restart -g rg -n api").verb()).isEqualTo(Verb.UPDATE);
        Operation flush = one("redis flush -g rg -n cache --yes");
        assertThat(flush.verb()).isEqualTo(Verb.DELETE);
        assertThat(flush.scope()).isEqualTo(Scope.ALL);
        assertThat(one("sql db show-connection-string --client ado.net --server srv --name orders").verb()).isEqualTo(Verb.READ);
        assertThat(one("storage account show-connection-string -n shop -g rg").verb()).isEqualTo(Verb.CREDENTIAL);
    }

    @Test
    void grantsCredentialsAndIdentity() {
        Operation grant = one("role assignment create --assignee agent@x.com --role Owner --scope /subscriptions/123");
        assertThat(grant.verb()).isEqualTo(Verb.GRANT);
        assertThat(grant.note()).contains("Owner").contains("agent@x.com");
        assertThat(one("ad sp create-for-rbac --name ci --role Contributor").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("keyvault secret show --vault-name kv-prod --name db-password").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("account get-access-token").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("storage account keys list -n shopdata -g rg").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("login --identity").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("login --service-principal -u app-id -p secret --tenant t").verb()).isEqualTo(Verb.ESCALATE);
    }

    @Test
    void localSettings() {
        Operation op = one("account set --subscription payments-prod");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(op.resource().locator("subscription")).isEqualTo("payments-prod");
        assertThat(one("aks get-credentials -g rg -n c1").environment()).isEqualTo(Tier.LOCAL);
        assertThat(one("aks get-credentials -g rg -n c1 --admin").verb()).isEqualTo(Verb.ESCALATE);
    }

    @Test
    void completeModeDeploymentDeletesWhatIsNotInTheTemplate() {
        List<Operation> ops = run("deployment group create -g rg-prod --template-file main.bicep --mode Complete");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.CREATE, Verb.DELETE);
    }

    @Test
    void runCommandIsAnalysedOnTheVm() {
        List<Operation> ops = new AzRecognizer().recognize(Invocation.of("az", "vm", "run-command", "invoke", "-g", "rg",
                "-n", "vm1", "--command-id", "RunShellScript", "--scripts", "systemctl stop nginx"), nested);
        assertThat(ops).extracting(Operation::system).containsOnly("nested");
        assertThat(ops.getFirst().resource().locator("resource-group")).isEqualTo("rg");
        assertThat(nested.commands).containsExactly("systemctl stop nginx");
        assertThat(nested.parents.getFirst().locators()).containsEntry("host", "vm1");
    }

    @Test
    void restFollowsTheMethod() {
        assertThat(one("rest --method delete --url https://management.azure.com/x").verb()).isEqualTo(Verb.DELETE);
        assertThat(one("rest --url https://management.azure.com/x").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void namesAndEndpointsLocateTheResource() {
        Operation byId = one("vm delete --ids /subscriptions/sub-prod/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/web-1 --yes");
        assertThat(byId.resource().name()).isEqualTo("web-1");
        assertThat(byId.resource().locator("subscription")).isEqualTo("sub-prod");
        assertThat(byId.resource().locator("resource-group")).isEqualTo("rg-web");
        assertThat(one("aks delete -n prod-aks -g rg --yes").resource().locator("cluster")).isEqualTo("prod-aks");
        assertThat(one("keyvault secret show --vault-name kv-prod -n x").resource().locator("host")).isEqualTo("kv-prod.vault.azure.net");
        assertThat(one("sql db delete -g rg -s sql-prod -n orders --yes").resource().locator("host")).isEqualTo("sql-prod");
        Operation rest = one("rest --method delete --url https://management.azure.com/subscriptions/s1/resourceGroups/rg-x?api-version=1");
        assertThat(rest.resource().type()).isEqualTo("resource-group");
        assertThat(rest.scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void actionFromAVariableReadsAsDelete() {
        Invocation inv = Invocation.of("az").withArgs(List.of(Arg.of("group"),
                new Arg("$VERB", false, false, null), Arg.of("-n"),
                Arg.of("rg-prod")));
        Operation op = new AzRecognizer().recognize(inv, nested).getFirst();
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.scope()).isEqualTo(Scope.ALL);
    }

    @Test
    void helpIsNothing() {
        assertThat(run("vm delete --help")).isEmpty();
    }
}
