package dev.interlock.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.json.RequestReader;
import dev.interlock.model.Decision;
import org.junit.jupiter.api.Test;

/** A policy's {@code spec.mcp} describes its own MCP servers' tools, before the shipped tables. */
class McpMappingPolicyTest {

    private static final String TEAM = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: platform-team }
            spec:
              mcp:
                - server: "tenants*"
                  tool: "purge_*"
                  operation: { system: billing, verb: delete, type: tenant, name: "args.tenant", scope: all, stateful: true }
                - server: "*"
                  tool: run_job
                  when: "has(args.job)"
                  shell: "'jobctl run ' + args.job + (has(args.env) ? ' --env ' + args.env : '')"
                - tool: report
                  sql: "args.query"
                  dialect: postgresql
            """;

    private static Interlock with(String extra) {
        return CatalogueOverrideTest.with(extra);
    }

    private static Decision call(Interlock interlock, String server, String tool, String args, String environment) {
        return interlock.decide(RequestReader.read("{\"kind\":\"mcp\",\"server\":\"" + server + "\",\"tool\":\"" + tool
                + "\",\"arguments\":" + args + ",\"context\":{\"environment\":\"" + environment + "\"}}"));
    }

    @Test
    void aTeamsMappingsTurnItsToolsIntoOperations() {
        Interlock team = with(TEAM);
        Decision purge = call(team, "tenants-api", "purge_tenant", "{\"tenant\":\"acme\"}", "prod");
        assertThat(purge.effect().wire()).isEqualTo("deny");
        assertThat(purge.operations().getFirst().resource().name()).isEqualTo("acme");
        assertThat(purge.operations().getFirst().system()).isEqualTo("billing");

        Decision job = call(team, "ops", "run_job", "{\"job\":\"nightly\",\"env\":\"dev\"}", "dev");
        assertThat(job.operations().getFirst().evidence().text()).contains("jobctl run nightly --env dev");

        Decision report = call(team, "warehouse", "report", "{\"query\":\"DELETE FROM invoices\"}", "prod");
        assertThat(report.effect().wire()).isEqualTo("deny");

        Interlock shipped = Interlock.builder().ambient(AmbientContext.BARE_WORKSTATION).skipPolicyTests().build();
        assertThat(call(shipped, "tenants-api", "purge_tenant", "{\"tenant\":\"acme\"}", "prod").operations().getFirst().confidence().wire())
                .as("without the mapping the tool is unknown").isEqualTo("opaque");
    }

    @Test
    void aMappingThatFailsOnItsArgumentsIsOpaqueAndABrokenOneIsRefused() {
        Interlock team = with(TEAM);
        Decision broken = call(team, "tenants-api", "purge_tenant", "{}", "dev");
        assertThat(broken.operations().getFirst().confidence().wire()).isEqualTo("opaque");
        assertThat(broken.effect().wire()).isNotEqualTo("allow");
        assertThatThrownBy(() -> with(TEAM.replace("when: \"has(args.job)\"", "when: \"has(args.job\"")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("team.yaml");
        assertThatThrownBy(() -> with(TEAM.replace("dialect: postgresql", "shell: \"'x'\"")))
                .isInstanceOf(PolicyException.class).hasMessageContaining("exactly one of operation, shell or sql");
    }
}
