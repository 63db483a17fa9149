package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Verb;
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
                "vcert", "opendkim-genkey");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        return switch (inv.program()) {
            case "openssl" -> OpensslKeys.recognize(inv, nested);
            case "keytool" -> Keytool.recognize(inv);
            case "certutil", "certutil.exe" -> Certutil.recognize(inv);
            case "cfssl", "cfssljson", "mkcert", "vcert" -> CertificateIssuers.recognize(inv, nested);
            case "opendkim-genkey" -> List.of(dkimKey(inv));
            default -> StepCli.recognize(inv);
        };
    }

    /**
     * {@code opendkim-genkey} writes a new key pair ({@code SELECTOR.private}, {@code SELECTOR.txt}) into {@code -D}'s
     * directory: files created there, no existing key read.
     */
    private static Operation dkimKey(Invocation inv) {
        ParsedArgs p = inv.parse(Set.of("-D", "--directory", "-s", "--selector", "-d", "--domain", "-b", "--bits",
                "-h", "--hash-algorithms", "-n", "--note", "-t", "--testmode"));
        String dir = p.value("-D", "--directory").orElse(".");
        String selector = p.value("-s", "--selector").orElse("default");
        return LocalFiles.on(inv, Verb.CREATE, "file", dir.replaceFirst("/+$", "") + "/" + selector + ".private")
                .note("generates a new DKIM key pair").build();
    }
}
