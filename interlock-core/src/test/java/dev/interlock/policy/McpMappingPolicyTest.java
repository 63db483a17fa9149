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

    private static final String FORBIDDEN = """
            apiVersion: interlock.dev/v1
            kind: Policy
            metadata: { name: platform-team }
            spec:
              rules:
                - id: repositories-are-deleted-by-people
                  match: { tools: ["github*/delete_repository", "*/run_script"] }
                  effect: deny
                  message: "'repositories are deleted by a person, in GitHub'"
                - id: no-merges-by-the-release-bot
                  match: { tools: ["github*/merge_pull_request"], agents: ["release-bot"] }
                  effect: deny
                - id: no-prod-queries
                  match: { tools: ["postgres*/query"], environments: [prod] }
                  effect: deny
                - id: no-forced-issue-closing
                  match: { tools: ["github*/update_issue"] }
                  when: "op.verb == 'delete'"
                  effect: deny
                - id: watching-transfers
                  match: { tools: ["*/send_message"] }
                  effect: deny
                  enforcement: dry_run
            """;

    @Test
    void aDenyRuleThatNamesAToolAndNothingElseForbidsEveryCallOfIt() {
        Interlock team = with(FORBIDDEN);
        CompiledPolicy policy = team.policy();
        dev.interlock.model.Actor alice = new dev.interlock.model.Actor("alice", "claude-code", "");
        assertThat(policy.forbidsTool("github", "delete_repository", alice)).isTrue();
        assertThat(policy.forbidsTool("github-enterprise", "delete_repository", alice)).isTrue();
        assertThat(policy.forbidsTool("aws", "run_script", alice)).isTrue();
        assertThat(policy.forbidsTool("github", "list_issues", alice)).isFalse();
        assertThat(policy.forbidsTool("github", "merge_pull_request", alice)).as("only the release bot").isFalse();
        assertThat(policy.forbidsTool("github", "merge_pull_request", new dev.interlock.model.Actor("", "release-bot", ""))).isTrue();
        assertThat(policy.forbidsTool("postgres", "query", alice)).as("depends on the environment").isFalse();
        assertThat(policy.forbidsTool("github", "update_issue", alice)).as("depends on a condition").isFalse();
        assertThat(policy.forbidsTool("slack", "send_message", alice)).as("a dry run forbids nothing").isFalse();

        Decision delete = call(team, "github", "delete_repository", "{\"owner\":\"acme\",\"repo\":\"scratch\"}", "dev");
        assertThat(delete.effect().wire()).as("a hidden tool called anyway is denied by the same rule").isEqualTo("deny");
        assertThat(delete.rules()).anyMatch(m -> m.id().equals("repositories-are-deleted-by-people"));
        Decision query = call(team, "postgres", "query", "{\"sql\":\"select 1\"}", "prod");
        assertThat(query.rules()).anyMatch(m -> m.id().equals("no-prod-queries"));
        assertThat(call(team, "postgres", "query", "{\"sql\":\"select 1\"}", "dev").rules()).noneMatch(m -> m.id().equals("no-prod-queries"));
        Decision shell = team.decide(RequestReader.read("{\"kind\":\"shell\",\"command\":\"gh repo delete acme/scratch\"}"));
        assertThat(shell.rules()).as("a rule naming tools matches only MCP calls").noneMatch(m -> m.id().equals("repositories-are-deleted-by-people"));
    }
}
