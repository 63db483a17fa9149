package dev.interlock.analysis.shell.recognizers.selfprotection;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfProtectionRecognizerTest {

    private final SelfProtectionRecognizer recognizer = new SelfProtectionRecognizer();
    private final RecordingNested nested = new RecordingNested();
    private final Workspace ws = Workspace.of("/home/dev/project");

    private Operation one(String program, String... args) {
        List<Operation> ops = recognizer.recognize(Invocation.of(program, args), nested);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void protectedPaths() {
        for (String p : List.of("~/.interlock/policies/prod.yaml", "/etc/interlock/config.yaml", ".claude/settings.json",
                ".claude/settings.local.json", "~/.claude/settings.json", ".codex/config.toml", "~/.codex/hooks.json",
                ".gemini/settings.json", ".cursor/hooks.json", ".github/hooks/pre.json", ".kiro/settings/hooks.json",
                "/opt/interlock/policies/prod.yaml")) {
            assertThat(SelfProtection.isProtectedPath(ws.resolve(p), ws)).as(p).isTrue();
        }
        for (String p : List.of("README.md", ".claude/commands/review.md", "docs/interlock.md", ".github/workflows/ci.yml",
                "/tmp/settings.json", "policies/custom.yaml")) {
            assertThat(SelfProtection.isProtectedPath(ws.resolve(p), ws)).as(p).isFalse();
        }
    }

    @Test
    void writingProtectedFilesIsAnInterlockChange() {
        Operation tee = one("tee", "-a", ".claude/settings.json");
        assertThat(tee.system()).isEqualTo("interlock");
        assertThat(tee.verb()).isEqualTo(Verb.UPDATE);
        assertThat(tee.resource().name()).isEqualTo("/home/dev/project/.claude/settings.json");
        Operation sed = one("sed", "-i", "s/deny/allow/", "/home/dev/.interlock/policies/p.yaml");
        assertThat(sed.system()).isEqualTo("interlock");
        assertThat(one("sed", "-i.bak", "-e", "s/a/b/", "~/.codex/config.toml").system()).isEqualTo("interlock");
    }

    @Test
    void interlockHomeFromTheEnvironmentIsProtected() {
        Invocation inv = Invocation.of("tee", "/opt/il/config.yaml").withEnv(Map.of("INTERLOCK_HOME", "/opt/il"));
        assertThat(recognizer.recognize(inv, nested).getFirst().system()).isEqualTo("interlock");
    }

    @Test
    void otherWritesRouteToTheirOwners() {
        assertThat(one("tee", "/etc/sudoers.d/agent").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("sed", "-i", "s/#%wheel/%wheel/", "/etc/sudoers").verb()).isEqualTo(Verb.ESCALATE);
        Operation plain = one("tee", "notes.txt");
        assertThat(plain.system()).isEqualTo("filesystem");
        assertThat(plain.verb()).isEqualTo(Verb.UPDATE);
        assertThat(one("sed", "-i", "", "s/a/b/", "README.md").resource().name()).isEqualTo("/home/dev/project/README.md");
        assertThat(one("sed", "-n", "1,5p", ".env").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("sed", "s/a/b/", "README.md").verb()).isEqualTo(Verb.READ);
        assertThat(one("tee", "/dev/null").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void theCliIsForHumansExceptChecksAndTests() {
        for (String[] cmd : List.of(new String[] {"approvals", "approve", "apr_1"}, new String[] {"approvals", "deny", "apr_1"},
                new String[] {"approvals", "cancel", "apr_1"}, new String[] {"token", "create"}, new String[] {"policy", "apply", "x.yaml"},
                new String[] {"install", "--agent", "claude"}, new String[] {"uninstall"})) {
            Operation op = one("interlock", cmd);
            assertThat(op.system()).isEqualTo("interlock");
            assertThat(op.verb()).as(String.join(" ", cmd)).isNotEqualTo(Verb.READ);
        }
        for (String[] cmd : List.of(new String[] {"check", "ls"}, new String[] {"policy", "test"}, new String[] {"policy", "lint"},
                new String[] {"policy", "show"}, new String[] {"demo"}, new String[] {"approvals", "list"},
                new String[] {"token", "create", "--help"})) {
            assertThat(one("interlock", cmd).verb()).as(String.join(" ", cmd)).isEqualTo(Verb.READ);
        }
        assertThat(one("interlock", "approvals", "approve", "apr_1").verb()).isEqualTo(Verb.GRANT);
    }
}
