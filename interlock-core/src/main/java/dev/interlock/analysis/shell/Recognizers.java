package dev.interlock.analysis.shell;

import dev.interlock.analysis.shell.recognizers.*;
import java.util.List;

/** Every recognizer, registered in one place. */
final class Recognizers {
    private Recognizers() {
    }

    static List<Recognizer> all() {
        return List.of(
                new AwsRecognizer(),
                new AzRecognizer(),
                new CdkRecognizer(),
                new CredentialRecognizer(),
                new DatabaseClientRecognizer(),
                new DockerRecognizer(),
                new EksctlRecognizer(),
                new FileServers(),
                new FilesystemRecognizer(),
                new GcloudRecognizer(),
                new GitRecognizer(),
                new HelmRecognizer(),
                new InterpreterRecognizer(),
                new KubectlRecognizer(),
                new LocalMachines(),
                new MigrationRecognizer(),
                new NetworkRecognizer(),
                new PackagePublishRecognizer(),
                new PrivilegeRecognizer(),
                new PulumiRecognizer(),
                new SelfProtectionRecognizer(),
                new ServiceControlRecognizer(),
                new SystemSettings(),
                new TerraformRecognizer());
    }

    /** For programs no recognizer claims. */
    static Recognizer fallback() {
        return new UnrecognizedProgram();
    }
}
