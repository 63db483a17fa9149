package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.*;
import java.util.List;

/** Every recognizer, registered in one place. */
final class Recognizers {
    private Recognizers() {
    }

    static List<Recognizer> all() {
        return List.of(
                new KubectlRecognizer(),
                new HelmRecognizer(),
                new EksctlRecognizer(),
                new InterpreterRecognizer(),
                new CredentialRecognizer(),
                new PrivilegeRecognizer(),
                new NetworkRecognizer(),
                new SelfProtectionRecognizer());
    }

    /** For programs no recognizer claims. */
    static Recognizer fallback() {
        return new UnrecognizedProgram();
    }
}
