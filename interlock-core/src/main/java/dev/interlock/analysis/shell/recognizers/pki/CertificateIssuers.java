package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cloudflare's {@code cfssl} and {@code cfssljson}, {@code mkcert} and Venafi's {@code vcert}: tools that make keys and
 * certificates. Making them on this machine (a new key, a dev CA, a certificate signed by a CA kept in the workspace,
 * {@code vcert --test-mode}) is local work, and the files written are outputs, not secrets read ({@link IssuedFiles}).
 * Certificates read are public. A CA elsewhere ({@code -remote}, a Venafi platform, a CA key outside the workspace)
 * issues or revokes in its own name; {@code mkcert -install} changes what this machine trusts.
 */
final class CertificateIssuers {

    private CertificateIssuers() {
    }

    /** Where a command acts: this machine, the CA it names, or this machine's trust store. */
    private enum Where { HERE, CA, TRUST }

    private record Act(Verb verb, String type, Where where) {
    }

    /** Subcommand → act; a subcommand not listed is judged like any other program. */
    private static final Map<String, Map<String, Act>> COMMANDS = Map.of(
            "cfssl", Map.ofEntries(
                    Map.entry("certinfo", new Act(Verb.READ, "certificate", Where.HERE)),
                    Map.entry("bundle", new Act(Verb.READ, "certificate", Where.HERE)),
                    Map.entry("version", new Act(Verb.READ, "configuration", Where.HERE)),
                    Map.entry("print-defaults", new Act(Verb.READ, "configuration", Where.HERE)),
                    Map.entry("info", new Act(Verb.READ, "ca", Where.CA)),
                    Map.entry("genkey", new Act(Verb.CREATE, "key", Where.HERE)),
                    Map.entry("gencsr", new Act(Verb.CREATE, "csr", Where.HERE)),
                    Map.entry("selfsign", new Act(Verb.CREATE, "certificate", Where.HERE)),
                    Map.entry("gencert", new Act(Verb.CREATE, "certificate", Where.HERE)),
                    Map.entry("sign", new Act(Verb.CREATE, "certificate", Where.HERE)),
                    Map.entry("gencrl", new Act(Verb.CREATE, "crl", Where.CA)),
                    Map.entry("revoke", new Act(Verb.DELETE, "certificate", Where.CA))),
            "vcert", Map.ofEntries(
                    Map.entry("gencsr", new Act(Verb.CREATE, "csr", Where.HERE)),
                    Map.entry("checkcred", new Act(Verb.READ, "credential", Where.CA)),
                    Map.entry("sshgetconfig", new Act(Verb.READ, "configuration", Where.CA)),
                    Map.entry("enroll", new Act(Verb.CREATE, "certificate", Where.CA)),
                    Map.entry("pickup", new Act(Verb.CREATE, "certificate", Where.CA)),
                    Map.entry("renew", new Act(Verb.CREATE, "certificate", Where.CA)),
                    Map.entry("sshenroll", new Act(Verb.CREATE, "certificate", Where.CA)),
                    Map.entry("sshpickup", new Act(Verb.CREATE, "certificate", Where.CA)),
                    Map.entry("getcred", new Act(Verb.CREDENTIAL, "token", Where.CA)),
                    Map.entry("revoke", new Act(Verb.DELETE, "certificate", Where.CA)),
                    Map.entry("retire", new Act(Verb.DELETE, "certificate", Where.CA))),
            // mkcert has no subcommands: its names are certificates from the local CA, its flags the exceptions
            "mkcert", Map.of(
                    "", new Act(Verb.CREATE, "certificate", Where.HERE),
                    "-CAROOT", new Act(Verb.READ, "configuration", Where.HERE),
                    "-install", new Act(Verb.UPDATE, "trust-store", Where.TRUST),
                    "-uninstall", new Act(Verb.UPDATE, "trust-store", Where.TRUST)));

    /** Options (either dash count) that take a value; the rest are switches. */
    private static final Set<String> VALUED = Set.of("ca", "ca-key", "config", "profile", "hostname", "remote", "label", "cert",
            "domain", "csr", "db-config", "serial", "aki", "loglevel", "intermediates", "ca-bundle", "int-bundle", "key", "f",
            "cert-file", "key-file", "p12-file", "chain-file", "csr-file", "file", "pickup-id-file", "z", "zone", "cn", "u",
            "url", "k", "apiKey", "t", "token", "key-password", "id", "key-type", "key-size", "san-dns", "san-ip",
            "san-email", "format", "trust-bundle", "platform", "timeout", "username", "password", "tpp-user", "tpp-password");
    /** Options naming a file the tool writes. */
    private static final List<String> OUTPUTS = List.of("key-file", "cert-file", "p12-file", "chain-file", "csr-file", "file",
            "pickup-id-file");
    /** Options naming a certificate, request or bundle the tool reads: public halves. */
    private static final List<String> CERTIFICATES = List.of("cert", "ca", "csr", "intermediates", "ca-bundle", "int-bundle");
    /** Options naming where the CA is. */
    private static final List<String> CA_PLACES = List.of("remote", "u", "url");

    static List<Operation> recognize(Invocation inv, Nested nested) {
        Map<String, String> flags = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        List<String> words = inv.words();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String name = w.replaceFirst("^--?", "");
            if (w.length() < 2 || !w.startsWith("-")) {
                positionals.add(w);
            } else if (name.contains("=")) {
                flags.put(name.substring(0, name.indexOf('=')), name.substring(name.indexOf('=') + 1));
            } else {
                flags.put(name, VALUED.contains(name) && i + 1 < words.size() ? words.get(++i) : "");
            }
        }
        if (inv.program().equals("cfssljson")) {
            return cfssljson(inv, flags, positionals);
        }
        Map<String, Act> table = COMMANDS.get(inv.program());
        String command = inv.program().equals("mkcert")
                ? table.keySet().stream().filter(k -> !k.isEmpty() && flags.containsKey(k.substring(1))).findFirst().orElse("")
                : positionals.isEmpty() ? "?" : positionals.getFirst();
        Act act = table.get(command);
        if (act == null) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        String label = inv.program() + (command.isEmpty() ? "" : " " + command);
        boolean initCa = flags.containsKey("initca");
        boolean testMode = flags.containsKey("test-mode");
        List<Operation> ops = new ArrayList<>();
        for (String flag : CERTIFICATES) {
            String file = flags.getOrDefault(flag, "");
            if (!file.isEmpty() && !file.startsWith("pkcs11:")) {
                String resolved = inv.workspace().resolve(file);
                ops.add(SecretFiles.certificateIsSecret(resolved) ? CredentialRecognizer.secretFile(inv, file) : LocalFiles.read(inv, file));
            }
        }
        Operation.Builder b = Operation.builder("pki", act.verb()).resource(initCa ? "ca" : act.type(), flags.getOrDefault("cn", ""))
                .confidence(Confidence.EXACT).evidence(inv.evidence()).note(label + (initCa ? " makes a new CA key and certificate" : ""));
        String caPlace = CA_PLACES.stream().map(f -> flags.getOrDefault(f, "")).filter(v -> !v.isEmpty()).findFirst().orElse("");
        if (act.where() == Where.CA && testMode) {
            b.note(label + " --test-mode makes a certificate on this machine without asking the CA");
            LocalFiles.local(inv, b, "vcert's test mode asks no CA");
        } else if (act.where() == Where.CA || !caPlace.isEmpty()) {
            b.reversible(act.verb() != Verb.DELETE);
            if (!caPlace.isEmpty()) {
                b.locator("host", Hosts.of(caPlace));
            }
            inv.locators().forEach(b::locator);
        } else if (act.where() == Where.TRUST) {
            b.reversible(true).note(label + " changes what every program on this machine trusts");
        } else if (flags.containsKey("ca-key")) {
            IssuedFiles.signedBy(inv, b.reversible(false).note(label + " signs a certificate with the CA's private key "
                    + flags.get("ca-key")), List.of(flags.get("ca-key")));
        } else {
            LocalFiles.local(inv, b, "a new key or certificate made on this machine");
        }
        ops.add(b.build());
        List<String> outputs = OUTPUTS.stream().map(f -> flags.getOrDefault(f, "")).filter(v -> !v.isEmpty()).toList();
        ops.addAll(IssuedFiles.written(inv, label, "key", outputs));
        return ops;
    }

    /** cfssljson [-bare] [-f RESPONSE] BASE writes BASE.pem, BASE-key.pem and BASE.csr from cfssl's answer. */
    private static List<Operation> cfssljson(Invocation inv, Map<String, String> flags, List<String> positionals) {
        List<Operation> ops = new ArrayList<>();
        String response = flags.getOrDefault("f", "");
        if (!response.isEmpty() && !response.equals("-")) {
            ops.add(LocalFiles.read(inv, response));
        }
        if (flags.containsKey("stdout") || positionals.isEmpty()) {
            // the answer, private key included, goes to the screen: what a pipe into cfssljson -stdout prints
            ops.add(LocalFiles.local(inv, Operation.builder("pki", Verb.READ).resource("key", "stdout").evidence(inv.evidence())
                    .note("cfssljson prints what cfssl made"), "cfssl's output on this machine").build());
            return ops;
        }
        String base = positionals.getFirst();
        ops.addAll(IssuedFiles.written(inv, "cfssljson", "key", List.of(base + "-key.pem", base + ".pem", base + ".csr")));
        return ops;
    }
}
