package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The openssl commands that touch private keys. A key command ({@code rsa}, {@code pkey}, {@code ec}, {@code pkcs12}, …)
 * prints or writes the key it reads in clear unless it only prints the public half or checks it: a credential read of
 * its {@code -in}. {@code openssl ca} and {@code x509 -CAkey} sign with a CA's key: a certificate issued in that CA's
 * name, which only a CA kept in the workspace or a temporary directory makes local. Everything else (certificates,
 * requests, {@code s_client}, new keys) is judged like any other program.
 */
final class OpensslKeys {

    private OpensslKeys() {
    }

    private static final Set<String> KEY_COMMANDS = Set.of("rsa", "pkey", "ec", "dsa", "pkcs8", "pkcs12");
    /** Flags after which nothing secret is printed: public halves, checks, certificates only. */
    private static final Set<String> PUBLIC_ONLY = Set.of("-pubout", "-nokeys", "-RSAPublicKey_out", "-text_pub");
    private static final Set<String> VALUED = Set.of("-in", "-out", "-inkey", "-config", "-keyfile", "-cert", "-CA", "-CAkey",
            "-passin", "-passout", "-inform", "-outform", "-days", "-name", "-extfile", "-extensions", "-revoke", "-ss_cert",
            "-spkac", "-infiles", "-outdir", "-policy", "-subj", "-md", "-key", "-signkey", "-set_serial", "-CAserial",
            "-crl_reason", "-startdate", "-enddate", "-crldays", "-crlhours", "-certform", "-keyform", "-CAform", "-CAkeyform");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String sub = words.isEmpty() ? "" : words.getFirst();
        Optional<String> in = p.value("-in");
        if (KEY_COMMANDS.contains(sub) && in.isPresent() && printsKey(inv, sub)) {
            return List.of(CredentialRecognizer.secretFile(inv, in.get()).toBuilder()
                    .note("openssl " + sub + " prints or writes the private key in " + in.get() + " in clear").build());
        }
        if (KEY_COMMANDS.contains(sub) && in.isPresent() && !inv.words().contains("-export")) {
            // only the public half, the certificates or a check: the key file is read, nothing secret is printed
            return List.of(LocalFiles.on(inv, Verb.READ, "file", in.get())
                    .note("openssl " + sub + " prints only the public half or a check").build());
        }
        if (sub.equals("ca") || sub.equals("x509") && p.has("-CAkey")) {
            return List.of(signs(inv, p, sub));
        }
        return new UnrecognizedProgram().recognize(inv, nested);
    }

    private static boolean printsKey(Invocation inv, String sub) {
        List<String> words = inv.words();
        if (words.stream().anyMatch(PUBLIC_ONLY::contains) || sub.equals("pkcs12") && words.contains("-export")) {
            return false;
        }
        // -noout alone only checks (rsa -check -noout); -text still prints the key's numbers
        return !words.contains("-noout") || words.contains("-text");
    }

    /** A certificate signed with a CA's key; the CA's configuration and key files say whose CA it is. */
    private static Operation signs(Invocation inv, ParsedArgs p, String sub) {
        List<String> files = sub.equals("ca")
                ? List.of(p.value("-config").orElse(""), p.value("-keyfile").orElse(p.value("-config").isPresent() ? "-" : ""))
                : List.of(p.value("-CAkey").orElse(""));
        String what = p.has("-gencrl") ? "crl" : p.has("-revoke") ? "revocation" : "certificate";
        Operation.Builder b = Operation.builder("pki", p.has("-revoke") ? Verb.UPDATE : Verb.CREATE)
                .resource(what, p.value("-out", "-revoke", "-in").orElse(""))
                .confidence(Confidence.INFERRED).reversible(false).evidence(inv.evidence())
                .note(switch (what) {
                    case "crl" -> "openssl ca publishes a revocation list signed with the CA's key";
                    case "revocation" -> "openssl ca revokes a certificate in the CA's database";
                    default -> "openssl " + sub + " signs a certificate with the CA's private key";
                });
        return IssuedFiles.signedBy(inv, b, files).build();
    }
}
