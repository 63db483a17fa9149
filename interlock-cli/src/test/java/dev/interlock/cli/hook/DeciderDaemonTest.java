package dev.interlock.cli.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeciderDaemonTest {

    @TempDir
    Path dir;

    @Test
    void theSocketsDirectoryIsMadeForItsUserAlone() throws Exception {
        Path run = dir.resolve("cache/interlock/run");
        DeciderDaemon.privateDirectory(run);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(run))).isEqualTo("rwx------");
        DeciderDaemon.privateDirectory(run); // and accepted as it is the next time
    }

    @Test
    void aDirectoryOthersCanEnterIsRefusedAndNothingIsServed() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThatThrownBy(() -> DeciderDaemon.privateDirectory(shared)).hasMessageContaining("mode 0700").hasMessageContaining("not serving");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int exit = DeciderDaemon.run(shared.resolve("decider.sock"), Duration.ofMinutes(1), new PrintStream(log, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("not serving");
        assertThat(shared.resolve("decider.sock")).doesNotExist();
    }
}
