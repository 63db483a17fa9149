package dev.interlock.analysis.shell.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrivilegeRecognizerTest {

    private final PrivilegeRecognizer recognizer = new PrivilegeRecognizer();
    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String... args) {
        return recognizer.recognize(Invocation.of(program, args), nested);
    }

    private Operation one(String program, String... args) {
        List<Operation> ops = run(program, args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void interactiveRootShellsEscalate() {
        assertThat(one("sudo", "-i").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("sudo", "-s").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("sudo", "su", "-").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("sudo", "bash").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("sudo", "-u", "root", "-i").resource().name()).isEqualTo("root");
        assertThat(one("doas", "-s").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("su").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("su", "-").resource().name()).isEqualTo("root");
    }

    @Test
    void sudoWithACommandIsJudgedByTheCommand() {
        List<Operation> ops = run("sudo", "git", "status");
        assertThat(ops).singleElement().satisfies(op -> assertThat(op.system()).isEqualTo("nested"));
        assertThat(nested.commands).containsExactly("git status");
        assertThat(one("sudo", "-l").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void suWithACommandEscalatesAndAnalyzesIt() {
        List<Operation> ops = run("su", "-c", "systemctl restart nginx", "root");
        assertThat(ops).extracting(Operation::verb).containsExactly(Verb.ESCALATE, Verb.UNKNOWN);
        assertThat(nested.commands).containsExactly("systemctl restart nginx");
    }

    @Test
    void sudoersAndPrivilegedGroups() {
        assertThat(one("visudo").resource().type()).isEqualTo("sudoers");
        assertThat(one("visudo", "-c").verb()).isEqualTo(Verb.READ);
        assertThat(PrivilegeRecognizer.isSudoers("/etc/sudoers.d/agent")).isTrue();
        assertThat(PrivilegeRecognizer.isSudoers("/etc/sudoers")).isTrue();
        assertThat(PrivilegeRecognizer.isSudoers("/etc/hosts")).isFalse();
        Operation group = one("usermod", "-aG", "docker", "dev");
        assertThat(group.verb()).isEqualTo(Verb.ESCALATE);
        assertThat(group.resource().name()).isEqualTo("docker");
        assertThat(one("usermod", "--append", "--groups", "wheel,video", "dev").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("usermod", "-aG", "video", "dev").verb()).isEqualTo(Verb.GRANT);
        assertThat(one("gpasswd", "-a", "dev", "sudo").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("adduser", "dev", "sudo").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("useradd", "-m", "dev").verb()).isEqualTo(Verb.CREATE);
    }

    @Test
    void passwordsCapabilitiesAndGroups() {
        assertThat(one("passwd").verb()).isEqualTo(Verb.CREDENTIAL);
        assertThat(one("setcap", "cap_net_raw+ep", "/usr/bin/python3").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(one("newgrp", "docker").verb()).isEqualTo(Verb.ESCALATE);
    }

    @Test
    void agentsTurningOffTheirPermissionChecksEscalate() {
        for (String[] cmd : List.of(new String[] {"claude", "--dangerously-skip-permissions"},
                new String[] {"claude", "--permission-mode", "bypassPermissions"},
                new String[] {"codex", "--dangerously-bypass-approvals-and-sandbox"}, new String[] {"codex", "exec", "--full-auto", "x"},
                new String[] {"codex", "--sandbox", "danger-full-access"}, new String[] {"gemini", "--yolo"},
                new String[] {"gemini", "-y", "-p", "x"}, new String[] {"cursor-agent", "--force", "x"})) {
            Operation op = one(cmd[0], java.util.Arrays.copyOfRange(cmd, 1, cmd.length));
            assertThat(op.verb()).as(String.join(" ", cmd)).isEqualTo(Verb.ESCALATE);
            assertThat(op.system()).isEqualTo("agent");
        }
        assertThat(one("claude", "-p", "summarize").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("codex", "--sandbox", "workspace-write").verb()).isEqualTo(Verb.EXECUTE);
        assertThat(one("cursor-agent", "fix lint").verb()).isEqualTo(Verb.EXECUTE);
    }

    @Test
    void deletingAccounts() {
        Operation op = one("userdel", "-r", "olduser");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().name()).isEqualTo("olduser");
        assertThat(op.reversible()).isFalse();
    }

    @Test
    void sshKeysAreLocalCreates() {
        assertThat(one("ssh-keygen", "-t", "ed25519").verb()).isEqualTo(Verb.CREATE);
        assertThat(one("ssh-add", "-l").verb()).isEqualTo(Verb.READ);
    }
}
