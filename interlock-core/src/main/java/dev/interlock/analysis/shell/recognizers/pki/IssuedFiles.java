package dev.interlock.analysis.shell.recognizers.pki;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtection;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;

/**
 * What certificate tools do with key files, shared by their tables. A key or certificate a tool writes is a new file,
 * not a secret it reads: in the workspace, a temporary directory or the user's home it is the developer's own; written
 * anywhere else (/etc/ssl, /etc/cfssl/prod) it is what the services there will present or trust, placed by its
 * directory. A certificate signed with a CA's key is issued in that CA's name, local only when the CA is kept in the
 * workspace or a temporary directory. A private key that is not the project's own, read to be bundled elsewhere, is
 * a credential read.
 */
final class IssuedFiles {

    private IssuedFiles() {
    }

    static boolean disposable(Invocation inv, String path) {
        Workspace.Area area = inv.workspace().area(path);
        return area == Workspace.Area.WORKSPACE || area == Workspace.Area.TEMP;
    }

    static boolean own(Invocation inv, String path) {
        return disposable(inv, path) || inv.workspace().area(path) == Workspace.Area.HOME;
    }

    /** Each file written, then, when they land outside the user's own places, the key material placed there. */
    static List<Operation> written(Invocation inv, String tool, String type, List<String> files) {
        List<Operation> ops = new ArrayList<>();
        files.stream().filter(f -> !f.isEmpty() && !f.equals("-")).forEach(f -> ops.add(write(inv, tool, f)));
        files.stream().filter(f -> !f.isEmpty() && !f.equals("-") && !own(inv, f)).findFirst()
                .ifPresent(f -> ops.add(placed(inv, tool, type, f)));
        return ops;
    }

    /** A new key in the workspace or /tmp is a file created there; elsewhere it may overwrite a key in use. */
    private static Operation write(Invocation inv, String tool, String file) {
        if (!disposable(inv, file) || SelfProtection.isProtectedPath(inv.workspace().resolve(file), inv.workspace())) {
            return SelfProtectionRecognizer.write(inv, file, tool + " writes");
        }
        return LocalFiles.on(inv, Verb.CREATE, "file", file).note(tool + " writes a new " + file).build();
    }

    /** A key, certificate or CA put where a service or machine picks it up: the directory says whose it is. */
    static Operation placed(Invocation inv, String tool, String type, String path) {
        String resolved = inv.workspace().resolve(path);
        String directory = resolved.lastIndexOf('/') > 0 ? resolved.substring(0, resolved.lastIndexOf('/')) : resolved;
        Operation.Builder b = Operation.builder("pki", Verb.CREATE).resource(type, resolved).locator("directory", directory)
                .locator("path", resolved).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence())
                .note(tool + " puts a new " + type + " in " + directory + ", where what runs on that machine presents or trusts it");
        inv.locators().forEach(b::locator);
        return b.build();
    }

    /** A certificate (or CRL) issued with the key in {@code caKeys}; local only for a CA kept in the workspace or /tmp. */
    static Operation.Builder signedBy(Invocation inv, Operation.Builder b, List<String> caKeys) {
        boolean ownCa = !caKeys.isEmpty() && caKeys.stream().allMatch(f -> f.equals("-") || !f.isEmpty() && disposable(inv, f));
        return ownCa ? LocalFiles.local(inv, b, "a CA kept in the workspace") : b;
    }

    /**
     * A private key read to be copied into a bundle ({@code step certificate p12}, {@code keytool -importkeystore}): the
     * project's own key stays file work; any other key leaves its place in the copy.
     */
    static boolean exportsKey(Invocation inv, String key) {
        return !key.isEmpty() && !disposable(inv, key)
                && CredentialRecognizer.secret(inv, Arg.of(key));
    }
}
