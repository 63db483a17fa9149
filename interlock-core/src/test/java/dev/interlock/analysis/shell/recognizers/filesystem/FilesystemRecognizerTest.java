package dev.interlock.analysis.shell.recognizers.filesystem;

import dev.interlock.analysis.shell.recognizers.RecordingNested;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.model.Confidence;
import dev.interlock.model.Evidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Tier;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FilesystemRecognizerTest {

    private final FilesystemRecognizer fs = new FilesystemRecognizer();
    private final RecordingNested nested = new RecordingNested();

    private List<Operation> run(String program, String... args) {
        return fs.recognize(Invocation.of(program, args), nested);
    }

    private Operation only(String program, String... args) {
        List<Operation> ops = run(program, args);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    /** As the shell analyzer hands over {@code $VAR} words: not literal, raw text with its quotes. */
    private Operation withRaw(String program, String flag, String raw, boolean glob) {
        return with(program, flag, new Arg(raw, false, glob, Evidence.text(raw)));
    }

    /** An unquoted wildcard: literal text, marked as a glob. */
    private Operation globbed(String program, String flag, String pattern) {
        return with(program, flag, new Arg(pattern, true, true, Evidence.text(pattern)));
    }

    private Operation with(String program, String flag, Arg arg) {
        String raw = arg.value();
        List<Arg> args = new ArrayList<>(List.of(Arg.of(flag), arg));
        Invocation inv = new Invocation(program, args, Map.of(), Workspace.of("/home/dev/project"), Evidence.text(raw),
                Optional.empty(), Map.of());
        List<Operation> ops = fs.recognize(inv, nested);
        assertThat(ops).hasSize(1);
        return ops.getFirst();
    }

    @Test
    void oneWorkspaceFileIsACheapDelete() {
        Operation op = only("rm", "file.txt");
        assertThat(op.verb()).isEqualTo(Verb.DELETE);
        assertThat(op.resource().type()).isEqualTo("file");
        assertThat(op.resource().locator("area")).isEqualTo("workspace");
        assertThat(op.resource().locator("path")).isEqualTo("/home/dev/project/file.txt");
        assertThat(op.scope()).isEqualTo(Scope.ONE);
        assertThat(op.stateful()).isFalse();
        assertThat(op.environment()).isEqualTo(Tier.LOCAL);
        assertThat(run("rm", "a", "b", "c")).hasSize(3).allSatisfy(o -> assertThat(o.scope()).isEqualTo(Scope.ONE));
    }

    @Test
    void recursiveDeleteInTheWorkspaceLosesWork() {
        for (String flag : List.of("-rf", "-fr", "-R", "--recursive")) {
            Operation op = only("rm", flag, "./build");
            assertThat(op.resource().type()).as(flag).isEqualTo("directory");
            assertThat(op.scope()).isEqualTo(Scope.MANY);
            assertThat(op.stateful()).isTrue();
            assertThat(op.reversible()).isFalse();
        }
    }

    @Test
    void regenerableDirectoriesAreReversible() {
        for (String dir : List.of("node_modules", "frontend/node_modules/", "target", ".venv", "__pycache__")) {
            Operation op = only("rm", "-rf", dir);
            assertThat(op.stateful()).as(dir).isFalse();
            assertThat(op.reversible()).as(dir).isTrue();
        }
        assertThat(only("rm", "-rf", "build").stateful()).isTrue();
    }

    @Test
    void tempIsDisposable() {
        Operation op = only("rm", "-rf", "/tmp/build");
        assertThat(op.resource().locator("area")).isEqualTo("temp");
        assertThat(op.stateful()).isFalse();
        assertThat(withRaw("rm", "-rf", "$TMPDIR/build", false).resource().locator("area")).isEqualTo("temp");
        assertThat(withRaw("rm", "-rf", "\"${TMPDIR:-/tmp}/build\"", false).resource().locator("area")).isEqualTo("temp");
        Operation glob = globbed("rm", "-rf", "/tmp/*");
        assertThat(glob.resource().locator("area")).isEqualTo("temp");
    }

    @Test
    void rootsHomesAndSystemDirectoriesAreEverything() {
        assertThat(only("rm", "-rf", "/").resource().locator("area")).isEqualTo("root");
        assertThat(only("rm", "-rf", "~").resource().locator("area")).isEqualTo("home-root");
        assertThat(only("rm", "-rf", ".").resource().locator("area")).isEqualTo("home-root");
        assertThat(only("rm", "-rf", "/etc").resource().locator("area")).isEqualTo("system");
        assertThat(only("rm", "-rf", "/etc").scope()).isEqualTo(Scope.ALL);
        assertThat(only("rm", "-rf", "~alice").resource().locator("path")).isEqualTo("/home/alice");
        assertThat(only("rm", "-rf", "~alice").resource().locator("area")).isEqualTo("home-root");
        Operation home = withRaw("rm", "-rf", "\"$HOME\"", false);
        assertThat(home.resource().locator("area")).isEqualTo("home-root");
        assertThat(withRaw("rm", "-rf", "$PWD", false).resource().locator("area")).isEqualTo("home-root");
    }

    @Test
    void wildcardsOverTheWorkspaceAreAll() {
        Operation star = globbed("rm", "-rf", "*");
        assertThat(star.scope()).isEqualTo(Scope.ALL);
        assertThat(star.resource().locator("area")).isEqualTo("home-root");
        assertThat(globbed("rm", "-rf", ".*").scope()).isEqualTo(Scope.ALL);
        assertThat(globbed("rm", "-rf", "/*").resource().locator("area")).isEqualTo("root");
        assertThat(globbed("rm", "-rf", "build/*").scope()).isEqualTo(Scope.MANY);
        assertThat(globbed("rm", "-rf", "~/*").resource().locator("area")).isEqualTo("home-root");
        Operation logs = globbed("rm", "-f", "*.log");
        assertThat(logs.scope()).isEqualTo(Scope.MANY);
        assertThat(logs.resource().locator("area")).isEqualTo("workspace");
    }

    @Test
    void unknownVariablesAreInferred() {
        Operation op = withRaw("rm", "-rf", "$DIR/out", false);
        assertThat(op.resource().locator("area")).isEqualTo("other");
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(op.stateful()).isTrue();
    }

    @Test
    void aBareVariableMayHoldRecursiveFlags() {
        List<Arg> args = List.of(new Arg("$OPTS", false, false, Evidence.NONE), Arg.of("src"));
        Invocation inv = new Invocation("rm", args, Map.of(), Workspace.of("/home/dev/project"), Evidence.NONE,
                Optional.empty(), Map.of());
        assertThat(fs.recognize(inv, nested)).anySatisfy(op -> {
            assertThat(op.resource().name()).isEqualTo("src");
            assertThat(op.stateful()).isTrue();
            assertThat(op.scope()).isEqualTo(Scope.MANY);
        });
    }

    @Test
    void credentialDirectoriesInHomeAreAll() {
        assertThat(only("rm", "-rf", "~/.ssh").scope()).isEqualTo(Scope.ALL);
        assertThat(only("rm", "-rf", "~/Documents").scope()).isEqualTo(Scope.MANY);
    }

    @Test
    void bareRmDoesNothingButBareRecursiveRmIsAGuess() {
        assertThat(run("rm")).isEmpty();
        assertThat(run("rm", "--help")).isEmpty();
        Operation op = only("rm", "-rf");
        assertThat(op.confidence()).isEqualTo(Confidence.INFERRED);
        assertThat(op.stateful()).isTrue();
    }

    @Test
    void rmdirOnlyRemovesEmptyDirectories() {
        Operation op = only("rmdir", "empty");
        assertThat(op.stateful()).isFalse();
        assertThat(op.reversible()).isTrue();
    }

    @Test
    void copiesUpdateTheDestination() {
        Operation mv = only("mv", "old.txt", "new.txt");
        assertThat(mv.verb()).isEqualTo(Verb.UPDATE);
        assertThat(mv.resource().name()).isEqualTo("new.txt");
        assertThat(mv.scope()).isEqualTo(Scope.ONE);
        Operation cp = only("cp", "-r", "conf/", "/etc/nginx/");
        assertThat(cp.resource().locator("area")).isEqualTo("system");
        assertThat(cp.scope()).isEqualTo(Scope.MANY);
        assertThat(only("cp", "sudoers", "/etc/sudoers").verb()).isEqualTo(Verb.ESCALATE);
        assertThat(only("mv", "secret.txt", "/dev/null").verb()).isEqualTo(Verb.DELETE);
        assertThat(run("mv", "/etc", "/etc.bak")).anySatisfy(op -> {
            assertThat(op.verb()).isEqualTo(Verb.DELETE);
            assertThat(op.resource().locator("area")).isEqualTo("system");
        });
    }

    @Test
    void writesIntoHomeOrTempLandInside() {
        assertThat(only("cp", "/etc/hosts", "/tmp/").resource().locator("area")).isEqualTo("temp");
        Operation home = only("cp", "-r", "dist", "~/");
        assertThat(home.resource().locator("area")).isEqualTo("home");
        assertThat(home.scope()).isEqualTo(Scope.MANY);
        assertThat(only("cp", "-r", "../other/src", ".").resource().locator("area")).isEqualTo("workspace");
        assertThat(only("cp", "-r", "x", "/etc/").resource().locator("area")).isEqualTo("system");
    }

    @Test
    void interlocksOwnConfigurationIsSelfProtection() {
        assertThat(run("rm", "-rf", "~/.config/interlock")).extracting(Operation::system).contains("interlock");
        assertThat(run("chmod", "777", ".claude/settings.json")).extracting(Operation::system).contains("interlock");
        assertThat(run("rm", "-rf", "build")).extracting(Operation::system).containsOnly("filesystem");
    }

    @Test
    void copyingASecretReadsIt() {
        assertThat(run("cp", "~/.aws/credentials", "/tmp/c")).extracting(Operation::verb).contains(Verb.CREDENTIAL);
        assertThat(run("cp", ".env.example", ".env")).extracting(Operation::verb).containsOnly(Verb.UPDATE);
        assertThat(run("mv", ".env", "config/.env")).extracting(Operation::verb).containsOnly(Verb.UPDATE);
    }

    @Test
    void rsyncDeleteAndRemoteDestinations() {
        List<Operation> local = run("rsync", "-a", "--delete", "src/", "backup/");
        assertThat(local).extracting(Operation::verb).containsExactly(Verb.UPDATE, Verb.DELETE);
        List<Operation> remote = run("rsync", "-avz", "--delete", "dist/", "deploy@prod-web-1:/var/www");
        assertThat(remote).extracting(Operation::verb).containsExactly(Verb.TRANSFER, Verb.DELETE);
        assertThat(remote).allSatisfy(op -> {
            assertThat(op.resource().locator("host")).isEqualTo("prod-web-1");
            assertThat(op.environment()).isEqualTo(Tier.UNKNOWN);
        });
        assertThat(run("rsync", "-avn", "--delete", "a/", "b/")).extracting(Operation::verb).containsOnly(Verb.READ);
    }

    @Test
    void modesAndSetuid() {
        Operation r = only("chmod", "-R", "755", "/etc");
        assertThat(r.verb()).isEqualTo(Verb.UPDATE);
        assertThat(r.scope()).isEqualTo(Scope.ALL);
        assertThat(only("chmod", "-R", "755", ".").resource().locator("area")).isEqualTo("workspace");
        assertThat(run("chmod", "u+s", "tool")).extracting(Operation::verb).contains(Verb.ESCALATE);
        assertThat(run("chmod", "4755", "tool")).extracting(Operation::verb).contains(Verb.ESCALATE);
        assertThat(run("chmod", "0755", "tool")).extracting(Operation::verb).containsOnly(Verb.UPDATE);
        assertThat(run("chmod", "-x", "tool")).extracting(o -> o.resource().name()).containsOnly("tool");
    }

    @Test
    void disksAreDevices() {
        Operation dd = only("dd", "if=/dev/zero", "of=/dev/sda", "bs=1M");
        assertThat(dd.verb()).isEqualTo(Verb.REPLACE);
        assertThat(dd.resource().type()).isEqualTo("device");
        assertThat(only("dd", "if=/dev/zero", "of=disk.img").verb()).isEqualTo(Verb.UPDATE);
        assertThat(only("dd", "if=/dev/sda", "of=/dev/null").verb()).isEqualTo(Verb.READ);
        assertThat(only("mkfs.ext4", "-L", "data", "/dev/sdb1").resource().name()).isEqualTo("/dev/sdb1");
        assertThat(only("wipefs", "-a", "/dev/sdb").resource().type()).isEqualTo("device");
        assertThat(only("wipefs", "/dev/sdb").verb()).isEqualTo(Verb.READ);
        assertThat(only("parted", "/dev/sda", "print").verb()).isEqualTo(Verb.READ);
        assertThat(only("parted", "-s", "/dev/sda", "mklabel", "gpt").verb()).isEqualTo(Verb.REPLACE);
        assertThat(only("fdisk", "-l").verb()).isEqualTo(Verb.READ);
    }

    @Test
    void truncateToZeroDeletesContents() {
        assertThat(only("truncate", "-s", "0", "app.log").verb()).isEqualTo(Verb.DELETE);
        assertThat(only("truncate", "-s", "0", "data/app.db").stateful()).isTrue();
        // the project's own log, emptied as cp /dev/null would
        assertThat(only("truncate", "-s", "0", "app.log").stateful()).isFalse();
        assertThat(only("truncate", "-s", "+1M", "app.log").verb()).isEqualTo(Verb.UPDATE);
    }

    @Test
    void shredDestroysContent() {
        Operation op = only("shred", "-u", "secrets.env");
        assertThat(op.stateful()).isTrue();
        assertThat(op.reversible()).isFalse();
    }

    @Test
    void findPlaceholderIsOneFileUnderTheRoot() {
        List<Arg> args = List.of(new Arg("./{}", true, true, Evidence.NONE));
        Invocation inv = new Invocation("rm", args, Map.of(), Workspace.of("/home/dev/project"), Evidence.NONE,
                Optional.empty(), Map.of());
        Operation op = fs.recognize(inv, nested).getFirst();
        assertThat(op.resource().locator("area")).isEqualTo("workspace");
        assertThat(op.scope()).isEqualTo(Scope.ONE);
    }

    @Test
    void remoteRunsLeaveTheEnvironmentOpen() {
        Invocation inv = new Invocation("rm", List.of(Arg.of("-rf"), Arg.of("/var/lib/app")), Map.of(),
                Workspace.of("/home/dev/project"), Evidence.NONE, Optional.empty(), Map.of("host", "prod-db-1"));
        assertThat(fs.recognize(inv, nested).getFirst().environment()).isEqualTo(Tier.UNKNOWN);
    }
}
