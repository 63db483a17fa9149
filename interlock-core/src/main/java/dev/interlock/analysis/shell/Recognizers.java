package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.*;
import java.util.List;

/** Every recognizer, registered in one place. */
final class Recognizers {
    private Recognizers() {
    }

    static List<Recognizer> all() {
        return List.of(
                new FilesystemRecognizer(),
                new GitRecognizer(),
                new DockerRecognizer());
    }

    /** For programs no recognizer claims. */
    static Recognizer fallback() {
        return new FallbackRecognizer();
    }
}
