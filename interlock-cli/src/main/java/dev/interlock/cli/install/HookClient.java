package dev.interlock.cli.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The server-mode hook: a POSIX shell script calling curl, with the server's URL and the hook's token beside it. */
final class HookClient {

    private HookClient() {
    }

    /** The data directory's default: {@code ${XDG_DATA_HOME:-~/.local/share}/interlock}, as the server's. */
    static Path defaultData(Path home) {
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("interlock");
    }

    /** Writes {@code DATA/bin/interlock-hook-client}, {@code DATA/hook-url} and (when given) {@code DATA/hook-token}. */
    static Path write(Path data, String url, String token) {
        try {
            Path bin = Files.createDirectories(data.resolve("bin"));
            Path script = bin.resolve("interlock-hook-client");
            try (InputStream in = HookClient.class.getResourceAsStream("/interlock/interlock-hook-client.sh")) {
                if (in == null) {
                    throw new IllegalStateException("the hook client script is missing from this build");
                }
                Files.write(script, in.readAllBytes());
            }
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(data.resolve("hook-url"), url.strip() + "\n");
            if (token != null && !token.isBlank()) {
                Path file = data.resolve("hook-token");
                Files.writeString(file, "");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(file, token.strip() + "\n");
            }
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hook client in " + data + ": " + e.getMessage(), e);
        }
    }
}
