package dev.interlock.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.model.Operation;
import dev.interlock.model.RequestContext;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvironmentResolverTest {

    static final EnvironmentResolver BARE = new EnvironmentResolver(Inventory.defaults(), AmbientContext.BARE_WORKSTATION);

    static Tier tier(EnvironmentResolver r, Operation op, RequestContext ctx) {
        return r.resolve(op, ctx).environment();
    }

    static Operation kube(String... locators) {
        Operation.Builder b = Operation.builder("kubernetes", Verb.DELETE);
        for (int i = 0; i < locators.length; i += 2) {
            b.locator(locators[i], locators[i + 1]);
        }
        return b.build();
    }

    @Test
    void shippedPatternsNameTheTierWithoutConfiguration() {
        assertThat(tier(BARE, kube("context", "prod-eu-1"), RequestContext.EMPTY)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, kube("context", "gke_acme-stg_europe"), RequestContext.EMPTY)).isEqualTo(Tier.STAGING);
        assertThat(tier(BARE, kube("namespace", "payments-sandbox", "context", "shared"), RequestContext.EMPTY)).isEqualTo(Tier.DEV);
        assertThat(tier(BARE, Operation.builder("aws", Verb.DELETE).locator("profile", "prod").build(), RequestContext.EMPTY)).isEqualTo(Tier.PROD);
    }

    @Test
    void anExplicitEnvironmentIsAFloorThatStricterLocatorsRaise() {
        RequestContext dev = RequestContext.EMPTY.withEnvironment("dev");
        assertThat(tier(BARE, kube("context", "prod-eu-1"), dev)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, kube(), RequestContext.EMPTY.withEnvironment("production"))).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, kube("context", "something"), dev)).isEqualTo(Tier.DEV);
        assertThat(BARE.resolve(kube(), RequestContext.EMPTY.withEnvironment("mars")).environmentSource()).contains("not a known environment");
    }

    @Test
    void theAgentsKubeconfigCarriedInTheRequestOutranksTheDecidingMachines() {
        EnvironmentResolver server = new EnvironmentResolver(Inventory.defaults(), AmbientContext.UNKNOWN);
        RequestContext agentWithProdContext = RequestContext.EMPTY.withKubeconfig(dev.interlock.model.Kubeconfig.current("prod-eu-1"));
        RequestContext agentWithoutKubeconfig = RequestContext.EMPTY.withKubeconfig(dev.interlock.model.Kubeconfig.NONE);
        assertThat(tier(server, kube(), agentWithProdContext)).isEqualTo(Tier.PROD);
        assertThat(tier(server, kube(), agentWithoutKubeconfig)).isEqualTo(Tier.LOCAL);
        assertThat(tier(server, kube(), RequestContext.EMPTY)).isEqualTo(Tier.UNKNOWN);
        // a bare deciding machine does not make a remote agent's cluster local
        assertThat(tier(BARE, kube(), agentWithProdContext)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, kube("namespace", "streaming"), RequestContext.EMPTY.withKubeconfig(
                new dev.interlock.model.Kubeconfig(Optional.empty(), false)))).isEqualTo(Tier.UNKNOWN);
    }

    @Test
    void localClustersAreLocalWhateverTheirNamespacesAreCalled() {
        assertThat(tier(BARE, kube("context", "kind-dev", "namespace", "prod"), RequestContext.EMPTY)).isEqualTo(Tier.LOCAL);
        assertThat(tier(BARE, kube("namespace", "prod"), RequestContext.EMPTY)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, kube(), RequestContext.EMPTY)).isEqualTo(Tier.LOCAL);
        EnvironmentResolver unknownHost = new EnvironmentResolver(Inventory.defaults(), AmbientContext.UNKNOWN);
        assertThat(tier(unknownHost, kube(), RequestContext.EMPTY)).isEqualTo(Tier.UNKNOWN);
        EnvironmentResolver prodHost = new EnvironmentResolver(Inventory.defaults(), new AmbientContext(Map.of(), Optional.of("arn:aws:eks:eu-west-1:1:cluster/prod"), false));
        assertThat(tier(prodHost, kube(), RequestContext.EMPTY)).isEqualTo(Tier.PROD);
    }

    @Test
    void workspaceWorkStaysLocalOnAProdMachineButTheRestOfTheMachineDoesNot() {
        RequestContext prod = RequestContext.EMPTY.withEnvironment("prod");
        Operation build = Operation.builder("filesystem", Verb.DELETE).locator("area", "workspace").environment(Tier.LOCAL, "workspace").build();
        Operation daemon = Operation.builder("docker", Verb.DELETE).environment(Tier.LOCAL, "the local docker daemon").build();
        Operation etc = Operation.builder("filesystem", Verb.UPDATE).locator("area", "system").environment(Tier.LOCAL, "a file").build();
        assertThat(tier(BARE, build, prod)).isEqualTo(Tier.LOCAL);
        assertThat(tier(BARE, daemon, prod)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, etc, prod)).isEqualTo(Tier.PROD);
        assertThat(tier(BARE, daemon, RequestContext.EMPTY)).isEqualTo(Tier.LOCAL);
    }

    @Test
    void requestVariablesAndUserInventoriesTakePart() {
        RequestContext ctx = new RequestContext(Optional.empty(), Optional.empty(), Map.of("AWS_PROFILE", "billing-prd"), Optional.empty());
        assertThat(tier(BARE, Operation.builder("aws", Verb.DELETE).build(), ctx)).isEqualTo(Tier.PROD);
        Inventory mine = Inventory.parse("""
                apiVersion: interlock.dev/v1
                kind: Inventory
                spec:
                  environments:
                    - name: live
                      tier: prod
                      match: { account: ["123456789012"], context: ["blue-*"] }
                """, "mine.yaml").then(Inventory.defaults());
        EnvironmentResolver r = new EnvironmentResolver(mine, AmbientContext.BARE_WORKSTATION);
        assertThat(tier(r, Operation.builder("aws", Verb.DELETE).locator("account", "123456789012").build(), RequestContext.EMPTY)).isEqualTo(Tier.PROD);
        assertThat(tier(r, kube("context", "blue-1"), RequestContext.EMPTY.withEnvironment("live"))).isEqualTo(Tier.PROD);
        assertThat(tier(r, Operation.builder("aws", Verb.DELETE).build(), RequestContext.EMPTY)).isEqualTo(Tier.UNKNOWN);
    }

    @Test
    void theDevTopLevelDomainIsNoEnvironmentWordUnlessAPatternNamesIt() {
        Operation api = Operation.builder("http", Verb.DELETE).locator("host", "api.epicgames.dev").build();
        assertThat(tier(BARE, api, RequestContext.EMPTY)).isEqualTo(Tier.UNKNOWN);
        Operation staging = Operation.builder("http", Verb.DELETE).locator("host", "api.staging.corp.dev").build();
        assertThat(tier(BARE, staging, RequestContext.EMPTY)).isEqualTo(Tier.STAGING);
        Inventory mine = Inventory.parse("""
                apiVersion: interlock.dev/v1
                kind: Inventory
                spec:
                  environments:
                    - name: shop
                      tier: prod
                      match:
                        host: ["*.acme.dev"]
                """, "mine.yaml");
        EnvironmentResolver r = new EnvironmentResolver(mine.then(Inventory.defaults()), AmbientContext.BARE_WORKSTATION);
        Operation shop = Operation.builder("http", Verb.DELETE).locator("host", "checkout.acme.dev").build();
        assertThat(tier(r, shop, RequestContext.EMPTY)).isEqualTo(Tier.PROD);
    }
}
