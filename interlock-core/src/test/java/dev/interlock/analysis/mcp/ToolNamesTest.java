package dev.interlock.analysis.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolNamesTest {

    @ParameterizedTest
    @CsvSource({
            "executeQuery, execute_query",
            "execute-query, execute_query",
            "Execute Query, execute_query",
            "__get--Issue__, get_issue",
            "listS3Buckets, list_s3_buckets",
            "kubectl_generic, kubectl_generic",
            "HTMLParse, htmlparse",
            "a, a",
    })
    void spellsNamesInSnakeCase(String name, String snake) {
        assertThat(ToolNames.snake(name)).isEqualTo(snake);
    }

    @ParameterizedTest
    @CsvSource({
            "github-mcp-server, github_get_issue, get_issue",
            "mcp-atlassian, jira_get_issue, jira_get_issue",
            "mcp-atlassian, atlassian_jira_get_issue, jira_get_issue",
            "mysql, mysqlQuery, query",
    })
    void dropsTheServersNameInFront(String server, String tool, String withoutPrefix) {
        assertThat(ToolNames.spellings(server, tool)).contains(withoutPrefix);
    }

    @ParameterizedTest
    @CsvSource({
            "ad-dev, create_user, CREATE, user",
            "jenkins, deleteJob, DELETE, job",
            "crm, crm_update_record, UPDATE, record",
            "nexus, remove-components, DELETE, components",
    })
    void readsAPlainVerbAndObject(String server, String tool, String verb, String object) {
        assertThat(ToolNames.change(server, tool)).hasValueSatisfying(c -> {
            assertThat(c.verb().name()).isEqualTo(verb);
            assertThat(c.object()).isEqualTo(object);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "keycloak, add_role_to_user",
            "keycloak, create_client_secret",
            "nexus, bulk_delete_components",
            "svc, create_and_deploy_app",
            "gitea, create_webhook",
            "svc, create_api_key",
            "svc, deploy_service",
            "svc, delete",
    })
    void leavesOtherChangesOpaque(String server, String tool) {
        assertThat(ToolNames.change(server, tool)).isEmpty();
    }
}
