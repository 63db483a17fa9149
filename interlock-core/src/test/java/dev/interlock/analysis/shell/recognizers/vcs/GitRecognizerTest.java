package dev.interlock.analysis.shell.recognizers.vcs;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitRecognizerTest {

    private final GitRecognizer git = new GitRecognizer();
    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String... args) {
        return git.recognize(Invocation.of("git", args), nested);
    }

    private Operation only(String... args) {
        List<Operation> ops = run(args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void readsAreLocalReads() {
        for (String sub : List.of("status", "log", "diff", "show", "blame", "fetch", "ls-files")) {
            Operation op = only(sub);
            assertThat(op.verb()).as(sub).isEqualTo(Verb.READ);
            assertThat(op.environment()).isEqualTo(Tier.LOCAL);
            assertThat(op.system()).isEqualTo("git");
        }
        assertThat(only("branch", "-a").verb()).isEqualTo(Verb.READ);
        assertThat(only("stash", "list").verb()).isEqualTo(Verb.READ);
        assertThat(only("config", "--get", "user.email").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void helpAndVersionAreNothing() {
        assertThat(run("--version")).isEmpty();
        assertThat(run("help", "reset")).isEmpty();
        assertThat(run()).isEmpty();
        assertThat(run("reset", "--help")).isEmpty();
    }

    @Test
    void hardResetDiscardsUncommittedWork() {
        Operation op = only("reset", "--hard", "HEAD~2");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("working-tree");
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        assertThat(op.note()).contains("HEAD~2");
    }

    @Test
    void softAndMixedResetsAreUpdates() {
        assertThat(only("reset", "--soft", "HEAD~1").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("reset", "HEAD~1").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("reset", "--", "file.txt").stateful()).isFalse();
    }

    @Test
    void checkoutOfPathsDiscardsButSwitchingBranchesDoesNot() {
        assertThat(only("checkout", "main").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("checkout", "feature/login").verb()).isEqualTo(Verb.UPDATE);
        Operation create = only("checkout", "-b", "feature/x", "origin/main");
        assertThat(create.verb()).isEqualTo(Verb.CREATE);
        assertThat(create.resource().name()).isEqualTo("feature/x");
        Operation dot = only("checkout", ".");
        assertThat(dot.verb()).isEqualTo(Verb.DELETE);
        assertThat(dot.scope()).isEqualTo(Scope.MANY);
        Operation file = only("checkout", "--", "src/App.java");
        assertThat(file.verb()).isEqualTo(Verb.DELETE);
        assertThat(file.scope()).isEqualTo(Scope.ONE);
        assertThat(only("checkout", "HEAD~1", "README.md").verb()).isEqualTo(Verb.DELETE);
        assertThat(run("checkout", "-f", "main")).extracting(Operation::verb).contains(Verb.DELETE);
    }

    @Test
    void restoreStagedOnlyUnstages() {
        assertThat(only("restore", "--staged", "f.txt").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("restore", "f.txt").verb()).isEqualTo(Verb.DELETE);
        assertThat(only("restore", "-S", "-W", "f.txt").verb()).isEqualTo(Verb.DELETE);
    }

    @Test
    void cleanDeletesUntrackedFilesUnlessDryRun() {
        assertThat(only("clean", "-n").verb()).isEqualTo(Verb.READ);
        Operation op = only("clean", "-fdx");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.stateful()).isTrue();
        assertThat(op.note()).contains("ignored");
    }

    @Test
    void stashDropAndClearLoseWork() {
        assertThat(only("stash").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("stash", "pop").verb()).isEqualTo(Verb.UPDATE);
        Operation drop = only("stash", "drop", "stash@{2}");
        assertThat(drop.verb()).isEqualTo(Verb.DELETE);
        assertThat(drop.resource().name()).isEqualTo("stash@{2}");
        assertThat(drop.stateful()).isTrue();
        assertThat(only("stash", "clear").scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void branchDeletionDependsOnForce() {
        Operation safe = only("branch", "-d", "merged");
        assertThat(safe.verb()).isEqualTo(Verb.DELETE);
        assertThat(safe.stateful()).isFalse();
        assertThat(safe.reversible()).isTrue();
        for (List<String> forced : List.of(List.of("branch", "-D", "x"), List.of("branch", "--delete", "--force", "x"),
                List.of("branch", "-d", "-f", "x"))) {
            Operation op = only(forced.toArray(String[]::new));
            assertThat(op.stateful()).as(forced.toString()).isTrue();
            assertThat(op.resource().locator("branch")).isEqualTo("x");
        }
        assertThat(only("branch", "new-feature").verb()).isEqualTo(Verb.CREATE);
    }

    @Test
    void pushNamesTheBranchFromTheRefspec() {
        Operation plain = only("push", "origin", "main");
        assertThat(plain.verb()).isEqualTo(Verb.UPDATE);
        assertThat(plain.resource().name()).isEqualTo("main");
        assertThat(plain.resource().locator("remote")).isEqualTo("origin");
        Operation forced = only("push", "--force", "origin", "HEAD:main");
        assertThat(forced.verb()).isEqualTo(Verb.REPLACE);
        assertThat(forced.resource().type()).isEqualTo("branch");
        assertThat(forced.resource().name()).isEqualTo("main");
        assertThat(forced.stateful()).isTrue();
        assertThat(only("push", "origin", "+feature/x").verb()).isEqualTo(Verb.REPLACE);
        assertThat(only("push", "--force=true", "origin", "main").verb()).isEqualTo(Verb.REPLACE);
        assertThat(only("push", "origin", "main", "-f").verb()).isEqualTo(Verb.REPLACE);
        assertThat(only("push", "origin", "refs/heads/main:refs/heads/release/2").resource().name()).isEqualTo("release/2");
    }

    @Test
    void forcePushOfTheCurrentBranchTouchesMany() {
        Operation op = only("push", "-f");
        assertThat(op.verb()).isEqualTo(Verb.REPLACE);
        assertThat(op.resource().name()).isEmpty();
        assertThat(op.scope()).isEqualTo(Scope.MANY);
        assertThat(only("push", "--force", "origin", "HEAD").scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void forceWithLeaseReplacesButCannotDropUnseenWork() {
        Operation op = only("push", "--force-with-lease", "origin", "feature/x");
        assertThat(op.verb()).isEqualTo(Verb.REPLACE);
        assertThat(op.stateful()).isFalse();
        assertThat(op.reversible()).as("rewriting one's own feature branch with a lease is routine").isTrue();
        Operation shared = only("push", "--force-with-lease", "origin", "main");
        assertThat(shared.reversible()).isFalse();
        assertThat(only("push", "origin", "--delete", "feature/old").reversible()).isTrue();
        assertThat(only("push", "origin", ":refs/tags/v1.2.0").reversible()).as("tags are published").isFalse();
        assertThat(only("push", "origin", "--delete", "release/2.3").stateful()).isTrue();
    }

    @Test
    void pushDeletesAndMirrors() {
        Operation del = only("push", "origin", "--delete", "old");
        assertThat(del.verb()).isEqualTo(Verb.DELETE);
        assertThat(del.resource().name()).isEqualTo("old");
        assertThat(only("push", "origin", ":old").verb()).isEqualTo(Verb.DELETE);
        assertThat(only("push", "--mirror").scope()).isEqualTo(Scope.ALL);
        assertThat(only("push", "--dry-run", "-f", "origin", "main").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void commitMessagesAreData() {
        Operation op = only("commit", "-m", "rm -rf / && git reset --hard");
        assertThat(op.verb()).isEqualTo(Verb.UPDATE);
        assertThat(nested.commands).isEmpty();
    }

    @Test
    void commandsInConfigAreAnalyzedAsShell() {
        List<Operation> ops = run("-c", "alias.nuke=!rm -rf ~", "nuke");
        assertThat(nested.commands).containsExactly("rm -rf ~");
        assertThat(ops).extracting(Operation::verb).contains(Verb.EXECUTE, Verb.UNKNOWN);
        run("config", "core.sshCommand", "ssh -i key");
        assertThat(nested.commands).contains("ssh -i key");
        run("rebase", "-x", "make test", "main");
        assertThat(nested.commands).contains("make test");
        run("submodule", "foreach", "--recursive", "git", "reset", "--hard");
        assertThat(nested.commands).contains("git reset --hard");
    }

    @Test
    void hooksOutsideTheWorkspaceAreOpaque() {
        List<Operation> ops = run("config", "core.hooksPath", "/tmp/hooks");
        assertThat(ops).anySatisfy(op -> {
            assertThat(op.verb()).isEqualTo(Verb.EXECUTE);
            assertThat(op.confidence()).isEqualTo(dev.interlock.model.Confidence.OPAQUE);
        });
    }

    @Test
    void historyMaintenance() {
        assertThat(only("reflog", "expire", "--expire=now", "--all").verb()).isEqualTo(Verb.DELETE);
        assertThat(only("reflog", "expire").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("gc", "--prune=now").verb()).isEqualTo(Verb.DELETE);
        assertThat(only("gc").verb()).isEqualTo(Verb.UPDATE);
        Operation ref = only("update-ref", "-d", "refs/heads/topic");
        assertThat(ref.resource().type()).isEqualTo("branch");
        assertThat(ref.resource().name()).isEqualTo("topic");
        assertThat(only("filter-repo", "--path", "x").verb()).isEqualTo(Verb.REPLACE);
    }

    @Test
    void globalOptionsAreSkippedAndKept() {
        Operation op = only("-C", "../other", "--no-pager", "reset", "--hard");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().locator("directory")).isEqualTo("../other");
        assertThat(op.resource().locator("path")).isEqualTo("/home/dev/other");
    }

    @Test
    void credentialHelpersByNameAreNotCommands() {
        assertThat(run("config", "--global", "credential.helper", "store")).extracting(Operation::verb)
                .containsExactly(Verb.UPDATE);
        assertThat(nested.commands).isEmpty();
        run("config", "credential.helper", "!f() { echo password=x; }; f");
        assertThat(nested.commands).containsExactly("f() { echo password=x; }; f");
    }

    @Test
    void workTreeAndEnvironmentNameTheRepository() {
        Operation op = only("--git-dir=/srv/repo.git", "--work-tree=/srv/www", "reset", "--hard");
        assertThat(op.resource().locator("directory")).isEqualTo("/srv/www");
        Invocation inv = new Invocation("git", List.of(dev.interlock.analysis.shell.Arg.of("status")),
                java.util.Map.of("GIT_DIR", "/other/.git"), dev.interlock.analysis.shell.Workspace.of("/home/dev/project"),
                dev.interlock.model.Evidence.NONE, java.util.Optional.empty(), java.util.Map.of());
        assertThat(git.recognize(inv, nested).getFirst().resource().locator("path")).isEqualTo("/other/.git");
    }

    @Test
    void aSubcommandFromAVariableCouldBeAnything() {
        Invocation inv = new Invocation("git", List.of(new dev.interlock.analysis.shell.Arg("$CMD", false, false,
                dev.interlock.model.Evidence.NONE)), java.util.Map.of(), dev.interlock.analysis.shell.Workspace.of("/home/dev/project"),
                dev.interlock.model.Evidence.NONE, java.util.Optional.empty(), java.util.Map.of());
        Operation op = git.recognize(inv, nested).getFirst();
        assertThat(op.confidence()).isEqualTo(dev.interlock.model.Confidence.INFERRED);
        assertThat(op.stateful()).isTrue();
    }

    @Test
    void sendEmailSendsDataOut() {
        assertThat(only("send-email", "--to", "x@y.z", "0001.patch").verb()).isEqualTo(Verb.TRANSFER);
    }

    @Test
    void unknownSubcommandsAreGuesses() {
        Operation op = only("git", "git");
        assertThat(op.verb()).isEqualTo(Verb.UNKNOWN);
        assertThat(op.reversible()).isTrue();
    }
}
