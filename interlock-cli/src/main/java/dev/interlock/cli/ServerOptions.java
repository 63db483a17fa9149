package dev.interlock.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the server is and who we are to it: {@code --server}, {@code --token}, {@code --token-file}, or the environment. */
final class ServerOptions {

    static final String DEFAULT_URL = "http://127.0.0.1:8470";

    @Option(names = "--server", paramLabel = "URL",
            description = "The Interlock server (default: $INTERLOCK_URL, else " + DEFAULT_URL + ").")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token (default: --token-file, else $INTERLOCK_TOKEN). Prefer --token-file: argv is visible to other users.")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the bearer token from FILE.")
    Path tokenFile;

    /** The environment, read once; tests substitute their own. */
    Map<String, String> env = System.getenv();

    /** True when the user named a server ({@code --server} or {@code INTERLOCK_URL}); exec decides locally otherwise. */
    boolean named() {
        return server != null && !server.isBlank() || !env.getOrDefault("INTERLOCK_URL", "").isBlank();
    }

    String url() {
        if (server != null && !server.isBlank()) {
            return server.strip();
        }
        String fromEnv = env.getOrDefault("INTERLOCK_URL", "");
        return fromEnv.isBlank() ? DEFAULT_URL : fromEnv.strip();
    }

    /** Explicit flags win over the environment; no token at all is allowed (the server answers 401 with why). */
    String token() {
        if (token != null) {
            return token.strip();
        }
        if (tokenFile != null) {
            try {
                return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                String why = e instanceof java.nio.file.NoSuchFileException ? "no such file"
                        : Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
                throw new ServerClient.ServerException(0, "cannot read the token file " + tokenFile + ": " + why);
            }
        }
        return env.getOrDefault("INTERLOCK_TOKEN", "").strip();
    }

    ServerClient client() {
        return new ServerClient(url(), token());
    }
}
