package dev.interlock.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadReaderTest {

    @Test
    void claudeCodeShellCarriesSessionAndCwd() {
        HookEvent e = Payloads.event("claude-code-bash");
        assertThat(e.call()).isEqualTo(new ToolCall.Shell("terraform -chdir=infra/prod destroy -auto-approve"));
        assertThat(e.event()).isEqualTo("PreToolUse");
        assertThat(e.session()).isEqualTo("9a1f0c2e-5b7d-4c21-9a0e-3f1b2c4d5e6f");
        assertThat(e.cwd()).isEqualTo("/home/dev/shop");
        assertThat(e.subagent()).isEmpty();
    }

    @Test
    void aSubagentIsNamedByItsType() {
        HookEvent e = Payloads.event("claude-code-subagent");
        assertThat(e.subagent()).isEqualTo("db-migrator");
        assertThat(e.call()).isEqualTo(new ToolCall.Shell("kubectl delete namespace payments"));
    }

    @Test
    void claudeCodeEditsWritesMultiEditsAndNotebooksAreEdits() {
        assertThat(Payloads.event("claude-code-edit").call()).isEqualTo(edit("/home/dev/shop/.claude/settings.json", "edit", "\"Disabled\""));
        assertThat(Payloads.event("claude-code-write").call())
                .isEqualTo(edit("src/cart.py", "write", "def total(items):\n    return sum(i.price for i in items)\n"));
        assertThat(Payloads.event("claude-code-multiedit").call())
                .isEqualTo(edit("/home/dev/shop/db/migrate/20261203_drop_orders.sql", "edit", "DROP TABLE orders;\n-- none"));
        assertThat(Payloads.event("claude-code-notebook").call()).isEqualTo(edit("/home/dev/shop/analysis.ipynb", "edit", "df.describe()"));
    }

    @Test
    void readsAreReadsAndSearchesAreInert() {
        assertThat(Payloads.event("claude-code-read").call()).isEqualTo(new ToolCall.Read("/home/dev/.aws/credentials"));
        assertThat(Payloads.event("claude-code-grep").call()).isEqualTo(new ToolCall.Inert("Grep"));
        assertThat(Payloads.event("cursor-read").call()).isEqualTo(new ToolCall.Read("/home/dev/shop/src/index.ts"));
    }

    @Test
    void mcpCallsInEachAgentsForm() {
        assertThat(mcp("claude-code-mcp")).isEqualTo("postgres/query {\"sql\":\"DELETE FROM customers\"}");
        assertThat(mcp("codex-mcp")).isEqualTo("kubernetes/pods_delete {\"name\":\"api-0\",\"namespace\":\"prod\"}");
        assertThat(mcp("gemini-mcp")).isEqualTo("mongodb/drop_collection {\"collection\":\"orders\"}");
        assertThat(mcp("cursor-mcp")).isEqualTo("github/create_issue "
                + "{\"owner\":\"acme\",\"repo\":\"shop\",\"title\":\"flaky test\"}");
        assertThat(mcp("kiro-mcp")).isEqualTo("terraform/apply {\"workspace\":\"prod\"}");
    }

    @Test
    void cursorsMcpServersAreNamedByPackageProgramOrHost() {
        assertThat(PayloadReader.serverName("npx -y @modelcontextprotocol/server-github")).isEqualTo("github");
        assertThat(PayloadReader.serverName("uvx mcp-server-postgres@0.6.2 --readonly")).isEqualTo("postgres");
        assertThat(PayloadReader.serverName("node /opt/mcp/kubernetes-mcp-server.js")).isEqualTo("kubernetes");
        assertThat(PayloadReader.serverName("https://mcp.linear.app/sse")).isEqualTo("mcp.linear.app");
        assertThat(PayloadReader.serverName("docker run -i --rm ghcr.io/github/github-mcp-server")).isEqualTo("github");
    }

    @Test
    void codexArgvIsUnwrappedAndItsPatchesListEveryFile() {
        assertThat(Payloads.event("codex-bash").call()).isEqualTo(new ToolCall.Shell("helm uninstall kafka -n streaming"));
        ToolCall.Edit patch = (ToolCall.Edit) Payloads.event("codex-apply-patch").call();
        assertThat(patch.files()).extracting(ToolCall.EditedFile::path, ToolCall.EditedFile::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("src/app.py", "edit"),
                        org.assertj.core.groups.Tuple.tuple("terraform.tfstate", "delete"),
                        org.assertj.core.groups.Tuple.tuple("notes.md", "create"));
    }

    @Test
    void geminiShellRunsInItsDirPathAndItsWritesAreEdits() {
        HookEvent shell = Payloads.event("gemini-shell");
        assertThat(shell.call()).isEqualTo(new ToolCall.Shell("rm -rf ~/"));
        assertThat(shell.cwd()).isEqualTo("/home/dev/shop/.");
        assertThat(Payloads.event("gemini-write").call()).isEqualTo(edit("/home/dev/shop/.env", "write",
                "DATABASE_URL=postgres://prod-db.internal/shop\n"));
        assertThat(Payloads.event("gemini-replace").call()).isEqualTo(edit("/home/dev/shop/README.md", "edit", "Shop service"));
    }

    @Test
    void cursorShellTakesItsCommandAndWorkspace() {
        HookEvent e = Payloads.event("cursor-shell");
        assertThat(e.call()).isEqualTo(new ToolCall.Shell("psql \"$DATABASE_URL\" -c 'DROP TABLE users'"));
        assertThat(e.session()).isEqualTo("c-77");
        assertThat(e.cwd()).isEqualTo("/home/dev/shop");
    }

    @Test
    void copilotToolArgsAreAJsonString() {
        assertThat(Payloads.event("copilot-bash").call()).isEqualTo(new ToolCall.Shell("aws s3 rb s3://acme-prod-invoices --force"));
        assertThat(Payloads.event("copilot-edit").call()).isEqualTo(edit("/home/dev/shop/src/app.ts", "edit", "b"));
    }

    @Test
    void kiroShellWritesAndAwsCalls() {
        assertThat(Payloads.event("kiro-shell").call()).isEqualTo(new ToolCall.Shell("kubectl -n payments scale deploy/api --replicas=0"));
        assertThat(Payloads.event("kiro-fs-write").call()).isEqualTo(edit("/home/dev/shop/.github/workflows/deploy.yml", "write",
                "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh prod\n"));
        assertThat(Payloads.event("kiro-use-aws").call()).isEqualTo(new ToolCall.Shell(
                "aws rds delete-db-instance --db-instance-identifier 'shop-prod' --skip-final-snapshot --region 'eu-west-1'"));
    }

    @Test
    void anUnknownToolIsKeptForAnOpaqueDecision() {
        HookEvent e = read(Agent.CLAUDE_CODE, "{\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"DeployEverything\",\"tool_input\":{\"env\":\"prod\"}}");
        assertThat(e.call()).isInstanceOf(ToolCall.Unknown.class);
    }

    @Test
    void malformedPayloadsAreRefusedWithAReason() {
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "")).hasMessageContaining("empty payload");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "{\"tool_name\":")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "[1,2]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "{\"hook_event_name\":\"PreToolUse\"}")).hasMessageContaining("names no tool");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "{\"tool_name\":\"Bash\",\"tool_input\":{}}")).hasMessageContaining("no command");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "{\"tool_name\":\"Write\",\"tool_input\":{\"content\":\"x\"}}")).hasMessageContaining("names no file");
        assertThatThrownBy(() -> read(Agent.CLAUDE_CODE, "{\"tool_name\":\"mcp__broken\",\"tool_input\":{}}")).hasMessageContaining("mcp__SERVER__TOOL");
        assertThatThrownBy(() -> read(Agent.COPILOT, "{\"toolName\":\"bash\",\"toolArgs\":\"{not json\"}")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> read(Agent.CODEX, "{\"tool_name\":\"apply_patch\",\"tool_input\":{\"command\":\"rm x\"}}")).hasMessageContaining("Begin Patch");
        assertThatThrownBy(() -> read(Agent.CURSOR, "{\"hook_event_name\":\"beforeShellExecution\"}")).hasMessageContaining("'command'");
    }

    private static HookEvent read(Agent agent, String json) {
        return PayloadReader.read(agent, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String mcp(String fixture) {
        ToolCall.Mcp m = (ToolCall.Mcp) Payloads.event(fixture).call();
        return m.server() + "/" + m.tool() + " " + m.arguments();
    }

    private static ToolCall.Edit edit(String path, String action, String content) {
        return new ToolCall.Edit(java.util.List.of(new ToolCall.EditedFile(path, action, content, "")));
    }
}
