package dev.interlock.analysis.shell.recognizers.embedded;

import dev.interlock.analysis.shell.Arg;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.filesystem.FileTarget;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Disk imagers that write an OS image onto a drive: {@code rpi-imager --cli IMAGE DEVICE}, balena Etcher's CLI
 * ({@code balena-etcher-cli IMAGE --drive /dev/sdb}), {@code bmaptool copy IMAGE DEVICE}. Whatever was on that drive of
 * this machine is gone, as with {@code dd of=/dev/sdb}: it may be the wrong disk, so it is never routine. Without a
 * command line ({@code rpi-imager} alone) the GUI asks the user for the drive itself.
 */
public final class DiskImagers implements Recognizer {

    /** Valued options per program: the positionals left are the image and the drive. */
    private static final Map<String, Set<String>> VALUED = Map.of(
            "rpi-imager", Set.of("--first-run-script", "--sha256", "--cloudinit-userdata", "--cloudinit-networkconfig"),
            "balena-etcher-cli", Set.of("-d", "--drive", "-c", "--config"),
            "etcher-cli", Set.of("-d", "--drive", "-c", "--config"),
            "bmaptool", Set.of("--bmap", "--bmap-sig", "--psplash-pipe", "-o", "--output"));

    @Override
    public Set<String> programs() {
        return VALUED.keySet();
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED.get(inv.program()));
        List<Arg> positionals = p.positionals();
        Optional<Arg> drive = switch (inv.program()) {
            case "rpi-imager" -> p.has("--cli") && positionals.size() >= 2 ? Optional.of(positionals.getLast()) : Optional.empty();
            case "bmaptool" -> p.positional(0).filter("copy"::equals).isPresent() && positionals.size() >= 3
                    ? Optional.of(positionals.getLast()) : Optional.empty();
            default -> p.value("-d", "--drive").map(Arg::of).or(() -> positionals.isEmpty() || p.has("--help", "--version")
                    ? Optional.empty() : Optional.of(Arg.of("")));
        };
        if (drive.isEmpty()) {
            // the GUI, bmaptool create, help: nothing is written yet
            return List.of(LocalFiles.local(inv,
                    Operation.builder("process", Verb.EXECUTE).resource("program", inv.program()).evidence(inv.evidence()),
                    "runs on this machine").build());
        }
        return List.of(written(inv, drive.get(), inv.program() + " writes a disk image over the whole drive"));
    }

    /** An image written over a drive of this machine: everything on it is replaced ({@code balena local flash} too). */
    public static Operation written(Invocation inv, Arg drive, String note) {
        if (drive.value().isEmpty()) {
            // etcher picks a drive interactively or by --yes: a drive of this machine all the same
            return LocalFiles.local(inv, Operation.builder("filesystem", Verb.REPLACE).resource("device", "").scope(Scope.ALL)
                    .stateful(true).reversible(false).confidence(Confidence.INFERRED).evidence(inv.evidence()).note(note),
                    "a drive of this machine").build();
        }
        FileTarget t = FileTarget.of(drive, inv);
        return LocalFiles.local(inv, Operation.builder("filesystem", Verb.REPLACE).resource("device", t.path())
                .locator("path", t.path()).locator("area", t.area().wire()).scope(Scope.ALL).stateful(true).reversible(false)
                .confidence(t.exact() ? Confidence.EXACT : Confidence.INFERRED).evidence(inv.evidence()).note(note),
                "a drive of this machine").build();
    }
}
