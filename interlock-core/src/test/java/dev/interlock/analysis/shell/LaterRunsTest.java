package dev.interlock.analysis.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which files run code by themselves later, and the script each stages. */
class LaterRunsTest {

    @Test
    void aliasesShadowingEverydayCommandsAreCalled() {
        String script = LaterRuns.of("/home/dev/.bash_aliases", "alias ls='rm -rf'\nalias k=kubectl\nalias cp='cp -i'\n").getFirst().script();
        assertThat(script).endsWith("ls \"$@\"\n").doesNotContain("k \"$@\"").doesNotContain("cp \"$@\"");
        assertThat(LaterRuns.of("/home/dev/.bashrc", "alias ls='ls --color=auto'\n").getFirst().script()).doesNotContain("\"$@\"");
    }

    @Test
    void folderOpenTasksOnly() {
        String tasks = """
                {
                  // JSON with comments
                  "tasks": [
                    {"label": "a", "type": "shell", "command": "make", "args": ["setup"], "runOptions": {"runOn": "folderOpen"}},
                    {"label": "b", "type": "shell", "command": "make deploy"},
                  ]
                }
                """;
        List<LaterRuns.Run> runs = LaterRuns.of("/w/.vscode/tasks.json", tasks);
        assertThat(runs).singleElement().extracting(LaterRuns.Run::script).isEqualTo("make setup\n");
        assertThat(LaterRuns.of("/w/config/tasks.json", tasks)).isEmpty();
    }

    @Test
    void devContainerHostAndContainerCommands() {
        List<LaterRuns.Run> runs = LaterRuns.of("/w/.devcontainer/devcontainer.json",
                "{\"initializeCommand\": [\"docker\", \"pull\", \"x y\"], \"postCreateCommand\": {\"a\": \"npm ci\", \"b\": \"pip install -e .\"}}");
        assertThat(runs).extracting(LaterRuns.Run::reach).containsExactly(LaterRuns.Reach.HOOK, LaterRuns.Reach.CONTAINER);
        assertThat(runs.getFirst().script()).isEqualTo("docker pull 'x y'\n");
        assertThat(runs.get(1).script()).isEqualTo("npm ci\npip install -e .\n");
        assertThat(LaterRuns.of("/w/.devcontainer/devcontainer.json", "{\"postCreateCommand\": ")).isEmpty();
    }

    @Test
    void dockerfilesAndStartupFilesByName() {
        assertThat(LaterRuns.of("/w/Dockerfile.x", "FROM a\nRUN make\n")).singleElement()
                .extracting(LaterRuns.Run::reach).isEqualTo(LaterRuns.Reach.BUILD);
        assertThat(LaterRuns.shellStartup("/home/dev/.config/fish/conf.d/x.fish")).isTrue();
        assertThat(LaterRuns.shellStartup("/etc/profile.d/proxy.sh")).isTrue();
        assertThat(LaterRuns.shellStartup("/home/dev/shop/src/profile.py")).isFalse();
        assertThat(LaterRuns.of("/home/dev/shop/notes.txt", "alias ls='rm -rf'")).isEmpty();
    }
}
