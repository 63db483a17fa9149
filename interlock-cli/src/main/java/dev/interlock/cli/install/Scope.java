package dev.interlock.cli.install;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which configuration: the project's (default, in {@code --dir} or the current directory) or the user's. */
public final class Scope {

    @Option(names = "--project", description = "The project's configuration (default), in --dir or the current directory.")
    boolean project;

    @Option(names = "--user", description = "The user's configuration, under the home directory.")
    boolean user;

    @Option(names = "--dir", paramLabel = "DIR", description = "The project directory (default: the current directory).")
    Path dir;

    @Option(names = "--home", paramLabel = "DIR", hidden = true, description = "The home directory (default: $HOME).")
    Path home;

    @Option(names = "--agent-name", paramLabel = "NAME", defaultValue = "interlock",
            description = "Kiro only: the agent configuration to put the hook in (default: ${DEFAULT-VALUE}).")
    String kiroName;

    /** The agent's configuration file this scope names. */
    Path file(HookLayout layout) {
        return layout.file(isUser(), projectDir(), homeDir());
    }

    boolean isUser() {
        if (project && user) {
            throw new InstallException("--project and --user exclude each other");
        }
        return user;
    }

    Path projectDir() {
        return (dir != null ? dir : Path.of(System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    Path homeDir() {
        if (home != null) {
            return home.toAbsolutePath();
        }
        String env = System.getenv("HOME");
        return Path.of(env == null || env.isBlank() ? System.getProperty("user.home") : env);
    }
}
