package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.model.Operation;
import java.util.List;
import java.util.Set;

/**
 * Certificate tooling, one table per CLI: {@link OpensslKeys}, {@link Keytool}, {@link StepCli}, {@link Certutil}, and
 * {@link CertificateIssuers} for cfssl, cfssljson, mkcert and vcert.
 */
public final class PkiRecognizer implements Recognizer {

    @Override
    public Set<String> programs() {
        return Set.of("openssl", "keytool", "step", "step-cli", "certutil", "certutil.exe", "cfssl", "cfssljson", "mkcert",
                "vcert");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "openssl" -> OpensslKeys.recognize(inv, nested);
            case "keytool" -> Keytool.recognize(inv);
            case "certutil", "certutil.exe" -> Certutil.recognize(inv);
            case "cfssl", "cfssljson", "mkcert", "vcert" -> CertificateIssuers.recognize(inv, nested);
            default -> StepCli.recognize(inv);
        };
    }
}
