package dev.interlock.analysis.shell.recognizers.fleet;

import static dev.interlock.analysis.shell.recognizers.CommandTable.local;
import static dev.interlock.analysis.shell.recognizers.CommandTable.read;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Workspace;
import dev.interlock.analysis.shell.recognizers.CommandTable;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.secrets.CredentialRecognizer;
import dev.interlock.analysis.shell.recognizers.selfprotection.SelfProtectionRecognizer;
import dev.interlock.environment.Hosts;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Mender's {@code mender-artifact}: builds, reads, signs and edits {@code .mender} artifact files on this machine
 * ({@code write rootfs-image -f core-image.ext4 -o out/app.mender}, {@code sign out/app.mender -k signing.key}). No
 * device changes until a deployment on the Mender server rolls the artifact out, so this is build work: the artifact
 * written is a file, judged where it lands. Two exceptions: a root filesystem snapshotted from a running device
 * ({@code -f ssh://root@gw-17}) freezes that device's filesystem while it is read, and a private key kept outside the
 * workspace or a temporary directory is a secret read as it is for any program.
 */
final class MenderArtifact {

    private MenderArtifact() {
    }

    /** Commands that change an artifact (or copy a file out of one). */
    private static final Set<String> EDITS = Set.of("sign", "modify", "cp", "install", "rm");
    private static final CommandTable TABLE = CommandTable.builder()
            .add("", "read validate cat ls dump", read("artifact"))
            .add("", "write", local("artifact").note("builds an artifact file on this machine"))
            .add("", String.join(" ", EDITS), local("artifact").note("changes an artifact file on this machine"))
            .build();
    private static final Set<String> VALUED = Set.of("-t", "--device-type", "-n", "--artifact-name", "-f", "--file",
            "-o", "--output-path", "-k", "--key", "-N", "--artifact-name-depends", "-v", "--version", "-p", "--provides",
            "-d", "--depends", "-g", "--provides-group", "-G", "--depends-groups", "-s", "--script", "-T", "--type",
            "-m", "--meta-data", "--software-name", "--software-version", "--software-filesystem", "--compression",
            "--key-pkcs11", "--ssh-args", "--gcp-kms-key", "--vault-transit-key", "--augment-file", "--augment-type",
            "--files", "--scripts", "--clears-provides");

    static List<Operation> recognize(Invocation inv) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        CommandTable.Found found = TABLE.findOrGuess(words, 1, "artifact");
        List<Operation> ops = new ArrayList<>();
        Optional<String> snapshot = p.value("-f", "--file").filter(f -> f.startsWith("ssh://"));
        if (snapshot.isPresent()) {
            String host = Hosts.of(snapshot.get());
            Operation.Builder b = Operation.builder("mender", Verb.EXECUTE).resource("device", host).locator("host", host)
                    .evidence(inv.evidence()).note("snapshots the root filesystem of a running device, frozen while it is read");
            inv.locators().forEach(b::locator);
            ops.add(b.build());
        }
        written(found.command(), p).ifPresent(file -> ops.add(SelfProtectionRecognizer.write(inv, file, "mender-artifact writes")));
        p.value("-k", "--key").filter(key -> outsideOwnPlaces(inv, key) && CredentialRecognizer.secret(inv, Arg.of(key)))
                .ifPresent(key -> ops.add(CredentialRecognizer.secretFile(inv, key)));
        if (ops.isEmpty() || found.act().verb() == Verb.READ) {
            ops.addFirst(LocalFiles.local(inv, found.act().operation(inv, "mender", found.name(words)), "an artifact file on this machine").build());
        }
        return ops;
    }

    /**
     * The file a command writes: {@code -o}, else the artifact it edits in place, or the destination of cp and install
     * (an artifact's {@code FILE.mender:/path} names the artifact; a plain path is a file copied out of one).
     */
    private static Optional<String> written(String command, ParsedArgs p) {
        Optional<String> output = p.value("-o", "--output-path");
        List<String> operands = p.words().subList(Math.min(1, p.words().size()), p.words().size());
        if (output.isPresent() || !EDITS.contains(command) || operands.isEmpty()) {
            return output;
        }
        String target = command.equals("cp") || command.equals("install") ? operands.getLast() : operands.getFirst();
        int inside = target.indexOf(".mender:");
        return Optional.of(inside >= 0 ? target.substring(0, inside + ".mender".length()) : target);
    }

    private static boolean outsideOwnPlaces(Invocation inv, String path) {
        Workspace.Area area = inv.workspace().area(path);
        return area != Workspace.Area.WORKSPACE && area != Workspace.Area.TEMP;
    }
}
