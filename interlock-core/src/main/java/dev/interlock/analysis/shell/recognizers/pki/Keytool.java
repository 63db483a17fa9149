package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * The JDK's {@code keytool}. Listing and printing show certificates, never a private key: reads. The other commands
 * change the keystore they name: a store in the workspace or a temporary directory is the project's own (a test
 * keystore); the JDK's {@code -cacerts} and any other store change what this machine or a service trusts.
 */
final class Keytool {

    private Keytool() {
    }

    /** Commands (and their old names) → what they do to the keystore. */
    private static final Map<String, Verb> COMMANDS = Map.ofEntries(
            Map.entry("-list", Verb.READ), Map.entry("-printcert", Verb.READ), Map.entry("-printcertreq", Verb.READ),
            Map.entry("-printcrl", Verb.READ), Map.entry("-showinfo", Verb.READ), Map.entry("-help", Verb.READ),
            Map.entry("-version", Verb.READ), Map.entry("-exportcert", Verb.READ), Map.entry("-export", Verb.READ),
            Map.entry("-certreq", Verb.READ),
            Map.entry("-genkeypair", Verb.CREATE), Map.entry("-genkey", Verb.CREATE), Map.entry("-genseckey", Verb.CREATE),
            Map.entry("-importcert", Verb.UPDATE), Map.entry("-import", Verb.UPDATE), Map.entry("-importpass", Verb.UPDATE),
            Map.entry("-importkeystore", Verb.UPDATE), Map.entry("-changealias", Verb.UPDATE), Map.entry("-keyclone", Verb.UPDATE),
            Map.entry("-storepasswd", Verb.UPDATE), Map.entry("-keypasswd", Verb.UPDATE), Map.entry("-selfcert", Verb.UPDATE),
            Map.entry("-gencert", Verb.CREATE), Map.entry("-delete", Verb.DELETE));
    private static final Set<String> VALUED = Set.of("-keystore", "-destkeystore", "-srckeystore", "-storepass", "-alias",
            "-file", "-keyalg", "-keysize", "-validity", "-dname", "-storetype", "-keypass", "-infile", "-outfile", "-ext",
            "-srcstorepass", "-deststorepass", "-srcalias", "-destalias", "-sigalg", "-startdate", "-providerclass",
            "-srcstoretype", "-deststoretype", "-new", "-groupname");

    /**
     * A test or build keystore: in a temporary directory, or in the workspace under a test or build directory or named
     * for tests. Being in the cwd alone is not enough: on a server the cwd is the deployed application ({@code /opt/app}).
     */
    private static final java.util.regex.Pattern TEST_STORES = java.util.regex.Pattern.compile(
            "(?i).*/(src/test|tests?|testdata|test-?resources|fixtures|build|target|tmp|\\.tmp)/.*|.*/[^/]*(test|dev|local)[^/]*");

    private static boolean projectOwn(Invocation inv, String store) {
        dev.interlock.analysis.shell.Workspace.Area area = inv.workspace().area(store);
        return area == dev.interlock.analysis.shell.Workspace.Area.TEMP
                || area == dev.interlock.analysis.shell.Workspace.Area.WORKSPACE
                && TEST_STORES.matcher(inv.workspace().resolve(store)).matches();
    }

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        String command = inv.words().stream().filter(COMMANDS::containsKey).findFirst().orElse("-help");
        Verb verb = COMMANDS.get(command);
        boolean cacerts = p.has("-cacerts");
        String store = cacerts ? "cacerts" : p.value(command.equals("-importkeystore") ? "-destkeystore" : "-keystore", "-keystore")
                .orElse("~/.keystore");
        if (verb == Verb.READ) {
            return List.of(LocalFiles.local(inv, Operation.builder("keystore", Verb.READ).resource("keystore", store)
                    .evidence(inv.evidence()).note("keytool " + command + " prints certificates, not private keys"), "a keystore on this machine").build());
        }
        String source = p.value("-srckeystore").orElse("");
        if (command.equals("-importkeystore") && !source.isEmpty() && !projectOwn(inv, source)) {
            // the source's private keys are copied into another store, under a password the command chooses
            return List.of(CredentialRecognizer.secretFile(inv, source).toBuilder().note("keytool -importkeystore copies the private keys of "
                    + source + " into " + store + (p.value("-deststorepass").isEmpty() ? " without a password" : "")).build());
        }
        if (!cacerts && projectOwn(inv, store)) {
            return List.of(LocalFiles.on(inv, verb, "keystore", store).note("keytool " + command + " changes the project's own keystore").build());
        }
        Operation.Builder b = Operation.builder("keystore", verb).resource("keystore", store).evidence(inv.evidence())
                .stateful(verb == Verb.DELETE).reversible(verb != Verb.DELETE)
                .note(cacerts ? "keytool " + command + " changes the JDK's trusted certificates for every Java program on this machine"
                        : "keytool " + command + " changes a keystore a service may trust or present");
        return List.of(b.build());
    }
}
