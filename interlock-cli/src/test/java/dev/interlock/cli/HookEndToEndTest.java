package dev.interlock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code interlock hook AGENT} through the real launcher, in local mode, exactly as an agent runs it: the agent's
 * payload on stdin, its answer on stdout/stderr and in the exit code. The payloads are the hooks module's fixtures,
 * built from each agent's documented schema.
 */
class HookEndToEndTest {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path PAYLOADS = ROOT.resolve("interlock-hooks/src/test/resources/payloads");

    @TempDir
    static Path home;
    /** A developer machine whose kubeconfig points at production. */
    static Path prodHome;
    /** A developer machine with no kubeconfig at all. */
    static Path bareHome;

    record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void homes() throws IOException {
        prodHome = Files.createDirectories(home.resolve("prod"));
        Files.createDirectories(prodHome.resolve(".kube"));
        Files.writeString(prodHome.resolve(".kube/config"), """
                apiVersion: v1
                kind: Config
                current-context: prod-eu-1
                contexts:
                  - name: prod-eu-1
                    context: {cluster: prod-eu-1, user: admin}
                """);
        bareHome = Files.createDirectories(home.resolve("bare"));
    }

    static Result hook(Path home, byte[] stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 1];
        all[0] = "hook";
        System.arraycopy(args, 0, all, 1, args.length);
        return launcher(home, stdin, env, all);
    }

    static Result launcher(Path home, byte[] stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("interlock").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("INTERLOCK_") && !k.equals("INTERLOCK_JAVA") && !k.equals("INTERLOCK_DECIDER") || k.startsWith("AWS_")
                || k.equals("KUBECONFIG") || k.equals("XDG_CACHE_HOME") || k.startsWith("CLOUDSDK_"));
        e.put("HOME", home.toString());
        e.putAll(env);
        Process p = pb.start();
        try {
            p.getOutputStream().write(stdin);
            p.getOutputStream().close();
        } catch (IOException exitedBeforeReading) {
            // a usage error ends the process before it reads stdin
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    static Result fixture(String name, Path home, String... args) throws IOException, InterruptedException {
        String agent = name.startsWith("claude-code") ? "claude-code" : name.substring(0, name.indexOf('-'));
        String[] all = new String[args.length + 1];
        all[0] = agent;
        System.arraycopy(args, 0, all, 1, args.length);
        return hook(home, Files.readAllBytes(PAYLOADS.resolve(name + ".json")), Map.of(), all);
    }

    @Test
    void claudeCodeIsDeniedTheTeardownAndLeftAloneForTheHarmless() throws Exception {
        Result deny = fixture("claude-code-bash", prodHome);
        assertThat(deny.exit()).as(deny.err()).isZero();
        assertThat(deny.out()).contains("\"hookEventName\":\"PreToolUse\"").contains("\"permissionDecision\":\"deny\"")
                .contains("infra/prod");
        Result harmless = fixture("claude-code-bash-harmless", prodHome);
        assertThat(harmless.exit()).as(harmless.err()).isZero();
        assertThat(harmless.out()).isEmpty();
    }

    @Test
    void theAgentMachinesKubeconfigDecidesWhereHelmUninstallLands() throws Exception {
        Result prod = fixture("codex-bash", prodHome);
        assertThat(prod.out()).contains("\"permissionDecision\":\"deny\"").contains("need an Interlock server");
        Result bare = fixture("codex-bash", bareHome);
        assertThat(bare.exit()).isZero();
        assertThat(bare.out()).as("no kubeconfig: there is no cluster to uninstall from").isEmpty();
    }

    @Test
    void eachAgentBlocksInItsOwnFormat() throws Exception {
        assertThat(fixture("gemini-shell", prodHome).out()).startsWith("{\"decision\":\"deny\"").contains("~/");
        assertThat(fixture("cursor-shell", prodHome).out()).startsWith("{\"permission\":\"deny\"").contains("users");
        assertThat(fixture("cursor-read", prodHome).out()).isEqualTo("{\"permission\":\"allow\"}\n");
        Result copilot = fixture("copilot-bash", prodHome);
        assertThat(copilot.exit()).isZero();
        assertThat(copilot.out()).startsWith("{\"permissionDecision\":\"deny\"").contains("acme-prod-invoices");
        Result kiro = fixture("kiro-use-aws", prodHome);
        assertThat(kiro.exit()).isEqualTo(2);
        assertThat(kiro.out()).isEmpty();
        assertThat(kiro.err()).contains("shop-prod");
        Result kiroScale = fixture("kiro-shell", prodHome);
        assertThat(kiroScale.exit()).as("scaling production to zero").isEqualTo(2);
        Result mcp = fixture("claude-code-mcp", prodHome);
        assertThat(mcp.out()).contains("\"permissionDecision\":\"deny\"");
    }

    @Test
    void editsAreJudgedByWhatTheFileIsAndWhatItsContentWillDo() throws Exception {
        assertThat(fixture("claude-code-edit", prodHome).out()).contains("\"permissionDecision\":\"deny\"").contains(".claude/settings.json");
        assertThat(fixture("claude-code-write", prodHome).out()).as("an ordinary edit").isEmpty();
        assertThat(fixture("claude-code-multiedit", prodHome).out()).contains("\"permissionDecision\":\"ask\"").contains("delete table orders");
        assertThat(fixture("codex-apply-patch", prodHome).out()).contains("\"permissionDecision\":\"deny\"").contains("terraform.tfstate");
        assertThat(fixture("gemini-write", prodHome).out()).startsWith("{\"decision\":\"deny\"").contains(".env");
        assertThat(fixture("copilot-edit", prodHome).out()).isEmpty();
        Result workflow = fixture("kiro-fs-write", prodHome);
        assertThat(workflow.exit()).isEqualTo(2);
        assertThat(workflow.err()).contains("CI pipeline");
    }

    @Test
    void installedHooksAreVerifiedAsTheAgentRunsThemAndUninstalledCleanly(@TempDir Path project) throws Exception {
        byte[] none = new byte[0];
        for (String agent : List.of("claude-code", "cursor", "copilot")) {
            Result install = launcher(bareHome, none, Map.of(), "install", agent, "--dir", project.toString());
            assertThat(install.exit()).as(install.err()).isZero();
        }
        Result verify = launcher(bareHome, none, Map.of(), "verify", "--dir", project.toString());
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("Claude Code: installed").contains("Cursor: installed").contains("GitHub Copilot: installed")
                .contains("ok    blocks a destructive call").contains("ok    lets a harmless call through")
                .contains("ok    blocks when its decider cannot be reached").contains("ok    blocks when its policy cannot be loaded")
                .contains("ok    blocks when it cannot decide in time")
                .doesNotContain("FAIL");
        Result notThere = launcher(bareHome, none, Map.of(), "verify", "kiro", "--dir", project.toString());
        assertThat(notThere.exit()).isEqualTo(1);
        assertThat(notThere.out()).contains("not installed");
        assertThat(launcher(bareHome, none, Map.of(), "uninstall", "cursor", "--dir", project.toString()).exit()).isZero();
        assertThat(Files.readString(project.resolve(".cursor/hooks.json"))).doesNotContain("interlock");
    }

    @Test
    void aSubagentsCallIsJudgedLikeAnyOther() throws Exception {
        Result r = fixture("claude-code-subagent", prodHome);
        assertThat(r.out()).contains("\"permissionDecision\":\"deny\"").contains("payments");
    }

    @Test
    void everyFailureBlocks(@TempDir Path dir) throws Exception {
        Result garbled = hook(bareHome, "{\"tool_name\":".getBytes(StandardCharsets.UTF_8), Map.of(), "claude-code");
        assertThat(garbled.exit()).isEqualTo(2);
        assertThat(garbled.err()).contains("not JSON").contains("fail closed");
        Result copilot = hook(bareHome, "not json".getBytes(StandardCharsets.UTF_8), Map.of(), "copilot");
        assertThat(copilot.exit()).as("Copilot only stops on a deny answer").isZero();
        assertThat(copilot.out()).contains("\"permissionDecision\":\"deny\"");

        byte[] harmless = Files.readAllBytes(PAYLOADS.resolve("claude-code-bash-harmless.json"));
        Result slow = hook(bareHome, harmless, Map.of(), "claude-code", "--timeout", "0.001");
        assertThat(slow.exit()).isEqualTo(2);
        assertThat(slow.err()).contains("no decision within");

        Files.writeString(dir.resolve("p.yaml"), "apiVersion: interlock.dev/v1\nkind: Policy\nmetadata: {name: p}\nspec:\n  rules:\n    - {id: x, when: 'op.verb ==', effect: deny}\n");
        Result broken = hook(bareHome, harmless, Map.of(), "claude-code", "--policy", dir.toString());
        assertThat(broken.exit()).as(broken.out()).isEqualTo(2);
        assertThat(broken.err()).contains("p.yaml");

        Result noServer = hook(bareHome, harmless, Map.of("INTERLOCK_URL", "http://127.0.0.1:1", "INTERLOCK_TOKEN", "x"), "gemini");
        assertThat(noServer.exit()).isEqualTo(2);
        assertThat(noServer.err()).contains("127.0.0.1:1");

        Result noAgent = hook(bareHome, harmless, Map.of(), "emacs");
        assertThat(noAgent.exit()).isEqualTo(2);
        assertThat(noAgent.err()).contains("claude-code");
    }
}
