package dev.interlock.analysis.shell.recognizers.secrets;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bitnami's {@code kubeseal}, by mode. Sealing (the default) encrypts a Secret with the controller's public certificate:
 * nothing is revealed, and its output is ciphertext meant for git. {@code --fetch-cert} prints that public certificate;
 * {@code --validate} and {@code --re-encrypt} ask the controller about sealed secrets without opening them. Only
 * {@code --recovery-unseal} decrypts: with the controller's private key it prints the secrets in clear. The operations of
 * sealing and fetching carry the locator {@code output} ({@code sealed}, {@code certificate}) so the shell can tell that
 * what they write holds no secret.
 */
final class Kubeseal {

    private Kubeseal() {
    }

    private static final Set<String> VALUED = Set.of("--controller-name", "--controller-namespace", "--context", "--kubeconfig",
            "-n", "--namespace", "--cert", "-o", "--format", "--name", "--from-file", "--scope", "--merge-into",
            "--recovery-private-key", "--secret-file", "-w", "--sealed-secret-file", "--sealed-secrets-file", "--token",
            "--server", "--as", "--as-group", "--cluster", "--user", "--username", "--password", "--request-timeout",
            "--certificate-authority", "--client-certificate", "--client-key", "--tls-server-name");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        if (p.has("--recovery-unseal")) {
            String key = p.value("--recovery-private-key").orElse("");
            return List.of(LocalFiles.local(inv, Operation.builder("kubeseal", Verb.CREDENTIAL)
                    .resource("sealed-secret", p.value("--sealed-secret-file", "-w").orElse(""))
                    .evidence(inv.evidence())
                    .note("decrypts sealed secrets with the controller's private key" + (key.isEmpty() ? "" : " (" + key + ")")
                            + ": prints the secrets in clear"), "a private key file on this machine").build());
        }
        Optional<String> merge = p.value("--merge-into");
        if (merge.isPresent()) {
            // the sealed file is rewritten with the new ciphertext: a workspace file, no secret in clear
            return List.of(LocalFiles.on(inv, Verb.UPDATE, "file", merge.get()).locator("output", "sealed")
                    .note("merges newly sealed values into " + merge.get()).build());
        }
        if (p.has("--fetch-cert")) {
            return List.of(cluster(inv, p, Verb.READ, "certificate").locator("output", "certificate")
                    .note("fetches the controller's public certificate").build());
        }
        if (p.has("--validate", "--re-encrypt")) {
            return List.of(cluster(inv, p, Verb.READ, "sealed-secret")
                    .note("asks the controller to " + (p.has("--validate") ? "validate" : "re-encrypt") + " a sealed secret; nothing is opened")
                    .build());
        }
        String why = "seals a secret with the controller's public certificate: the output is ciphertext";
        if (p.value("--cert").isPresent()) {
            // offline: a certificate file (or URL) is all it needs
            return List.of(LocalFiles.local(inv, Operation.builder("kubeseal", Verb.READ).resource("sealed-secret", p.value("--name").orElse(""))
                    .locator("output", "sealed").evidence(inv.evidence()).note(why), "encrypts on this machine").build());
        }
        return List.of(cluster(inv, p, Verb.READ, "sealed-secret").locator("output", "sealed")
                .note(why + " (fetched from the controller)").build());
    }

    /** What kubeseal asks the controller: the cluster of {@code --context}/{@code --kubeconfig}, the controller's namespace. */
    private static Operation.Builder cluster(Invocation inv, ParsedArgs p, Verb verb, String type) {
        Operation.Builder b = Operation.builder("kubernetes", verb)
                .resource(type, p.value("--controller-name").orElse("sealed-secrets-controller"))
                .locator("namespace", p.value("--controller-namespace").orElse("kube-system"))
                .evidence(inv.evidence());
        p.value("--context").ifPresent(c -> b.locator("context", c));
        p.value("--kubeconfig").ifPresent(k -> b.locator("kubeconfig", k));
        p.value("--server").ifPresent(s -> b.locator("server", s));
        return b;
    }
}
