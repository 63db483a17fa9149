package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * smallstep's {@code step}. Commands on the CA ({@code step ca …}, {@code step ssh …}) act where {@code --ca-url} points:
 * issuing and renewing certificates creates them there, revoking cannot be undone, provisioners and admins decide who
 * may get certificates. Inspecting certificates only reads; creating keys and certificates with {@code step certificate}
 * or {@code step crypto} writes files on this machine. The certificate and key a command writes are outputs, not
 * secrets it reads.
 */
final class StepCli {

    private StepCli() {
    }

    /** Where a command acts. */
    private enum Where { CA, HERE }

    private record Act(Verb verb, String type, Where where) {
    }

    private static Act ca(Verb verb, String type) {
        return new Act(verb, type, Where.CA);
    }

    private static Act here(Verb verb, String type) {
        return new Act(verb, type, Where.HERE);
    }

    /** Group and command → act; a group alone is the act of its commands not listed. */
    private static final Map<String, Act> COMMANDS = Map.ofEntries(
            Map.entry("ca health", ca(Verb.READ, "ca")), Map.entry("ca roots", ca(Verb.READ, "ca")),
            Map.entry("ca root", ca(Verb.READ, "ca")), Map.entry("ca federation", ca(Verb.READ, "ca")),
            Map.entry("ca provisioner list", ca(Verb.READ, "provisioner")), Map.entry("ca admin list", ca(Verb.READ, "admin")),
            Map.entry("ca policy view", ca(Verb.READ, "policy")), Map.entry("ca acme eab list", ca(Verb.READ, "acme")),
            Map.entry("ca certificate", ca(Verb.CREATE, "certificate")), Map.entry("ca sign", ca(Verb.CREATE, "certificate")),
            Map.entry("ca renew", ca(Verb.CREATE, "certificate")), Map.entry("ca rekey", ca(Verb.CREATE, "certificate")),
            Map.entry("ca token", ca(Verb.CREATE, "token")), Map.entry("ca revoke", ca(Verb.DELETE, "certificate")),
            Map.entry("ca provisioner", ca(Verb.GRANT, "provisioner")), Map.entry("ca admin", ca(Verb.GRANT, "admin")),
            Map.entry("ca policy", ca(Verb.GRANT, "policy")), Map.entry("ca acme", ca(Verb.GRANT, "acme")),
            Map.entry("ca bootstrap", here(Verb.UPDATE, "configuration")), Map.entry("ca init", here(Verb.CREATE, "ca")),
            Map.entry("ssh list", here(Verb.READ, "ssh-agent")), Map.entry("ssh hosts", ca(Verb.READ, "host")),
            Map.entry("ssh config", here(Verb.READ, "configuration")), Map.entry("ssh inspect", here(Verb.READ, "certificate")),
            Map.entry("ssh fingerprint", here(Verb.READ, "certificate")), Map.entry("ssh needs-renewal", here(Verb.READ, "certificate")),
            Map.entry("ssh revoke", ca(Verb.DELETE, "certificate")), Map.entry("ssh", ca(Verb.CREATE, "certificate")),
            Map.entry("certificate inspect", here(Verb.READ, "certificate")),
            Map.entry("certificate fingerprint", here(Verb.READ, "certificate")),
            Map.entry("certificate verify", here(Verb.READ, "certificate")), Map.entry("certificate lint", here(Verb.READ, "certificate")),
            Map.entry("certificate needs-renewal", here(Verb.READ, "certificate")),
            Map.entry("certificate format", here(Verb.READ, "certificate")), Map.entry("certificate key", here(Verb.READ, "certificate")),
            // install and uninstall change the trust store of this machine: what every program on it trusts
            Map.entry("certificate install", new Act(Verb.UPDATE, "trust-store", Where.CA)),
            Map.entry("certificate uninstall", new Act(Verb.UPDATE, "trust-store", Where.CA)),
            Map.entry("certificate", here(Verb.CREATE, "certificate")), Map.entry("crypto", here(Verb.CREATE, "key")),
            Map.entry("path", here(Verb.READ, "configuration")), Map.entry("version", here(Verb.READ, "configuration")),
            Map.entry("help", here(Verb.READ, "configuration")), Map.entry("context", here(Verb.UPDATE, "configuration")),
            Map.entry("context current", here(Verb.READ, "configuration")), Map.entry("context list", here(Verb.READ, "configuration")),
            Map.entry("completion", here(Verb.READ, "configuration")), Map.entry("oauth", ca(Verb.CREDENTIAL, "token")),
            Map.entry("beta", ca(Verb.UPDATE, "ca")));
    private static final Set<String> VALUED = Set.of("--ca-url", "--root", "--provisioner", "--issuer", "--provisioner-password-file",
            "--password-file", "--not-after", "--not-before", "--kty", "--crv", "--size", "--profile", "--san", "--context",
            "--token", "--reason", "--reasonCode", "--serial", "--ca", "--ca-key", "--set", "--set-file", "--template",
            "--admin-subject", "--admin-provisioner", "--admin-password-file", "--type", "--x5c-cert", "--x5c-key",
            "--principal", "--expires-in", "--crl", "--exec", "--format", "--out", "--key");

    /** Commands that write new keys and certificates: the operands they write, after those they read. */
    private static final Map<String, Integer> WRITERS = Map.of("certificate create", 1, "certificate p12", 0,
            "crypto keypair", 0);

    /**
     * Work on this machine's files. A CA's key signing ({@code --ca-key}, {@code certificate sign CSR CRT KEY}) makes it
     * the CA's; a key that is not the project's own bundled into a PKCS#12 file ({@code certificate p12}) is exported;
     * {@code ca init} writes a new CA where {@code STEPPATH} says. The files written are outputs ({@link IssuedFiles}).
     */
    private static List<Operation> here(Invocation inv, ParsedArgs p, Operation.Builder b) {
        List<String> words = p.words();
        String command = words.size() < 2 ? "" : words.get(0) + " " + words.get(1);
        List<String> operands = words.subList(Math.min(words.size(), 2), words.size());
        String key = command.equals("certificate p12") && operands.size() > 2 ? operands.get(2) : "";
        if (IssuedFiles.exportsKey(inv, key)) {
            return List.of(CredentialRecognizer.secretFile(inv, key).toBuilder()
                    .note("step certificate p12 copies the private key in " + key + " into " + operands.getFirst()
                            + (p.has("--no-password") ? ", unencrypted" : "")).build());
        }
        String caKey = command.equals("certificate sign") && operands.size() > 2 ? operands.get(2) : p.value("--ca-key").orElse("");
        List<Operation> ops = new ArrayList<>();
        ops.add(caKey.isEmpty() ? LocalFiles.local(inv, b, "step works on files on this machine").build()
                : IssuedFiles.signedBy(inv, b.reversible(false).note("step " + command + " signs with the CA's key " + caKey), List.of(caKey)).build());
        if (WRITERS.containsKey(command)) {
            List<String> written = operands.subList(Math.min(operands.size(), WRITERS.get(command)), Math.min(operands.size(),
                    WRITERS.get(command) + 2));
            ops.addAll(IssuedFiles.written(inv, "step " + command, command.equals("crypto keypair") ? "key" : "certificate",
                    command.equals("certificate p12") ? written.subList(0, Math.min(1, written.size())) : written));
        }
        if (command.equals("ca init")) {
            String stepPath = inv.env().getOrDefault("STEPPATH", "~/.step");
            if (!IssuedFiles.own(inv, stepPath)) {
                ops.add(IssuedFiles.placed(inv, "step ca init", "ca", stepPath + "/secrets/root_ca_key"));
            }
        }
        return ops;
    }

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        int depth = Math.min(3, words.size());
        String command = "";
        Act act = here(Verb.READ, "configuration");
        for (int n = depth; n > 0; n--) {
            String key = String.join(" ", words.subList(0, n));
            if (COMMANDS.containsKey(key)) {
                command = key;
                act = COMMANDS.get(key);
                break;
            }
        }
        String name = words.size() > command.split(" ").length ? words.get(command.split(" ").length) : "";
        Operation.Builder b = Operation.builder("pki", act.verb()).resource(act.type(), name)
                .confidence(command.isEmpty() ? Confidence.INFERRED : Confidence.EXACT).evidence(inv.evidence())
                .note("step " + command);
        if (act.verb() == Verb.DELETE) {
            b.reversible(false).note("step " + command + " revokes a certificate for good");
        }
        // offline (--offline) or without a CA, the command signs with keys on this machine
        if (act.where() == Where.HERE) {
            return here(inv, p, b);
        }
        String url = p.value("--ca-url").orElse(inv.env().getOrDefault("STEP_CA_URL", ""));
        return List.of(b.locator("host", Hosts.of(url)).build());
    }
}
