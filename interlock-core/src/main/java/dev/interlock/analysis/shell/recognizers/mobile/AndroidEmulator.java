package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * The Android emulator and its virtual devices ({@code emulator}, {@code avdmanager}). An AVD is a disposable device
 * on this machine: wiping its data ({@code -wipe-data}) or deleting it is local work, like resetting an iOS simulator.
 */
public final class AndroidEmulator implements Recognizer {

    private static final Set<String> EMULATOR_VALUED = Set.of("-avd", "-sysdir", "-datadir", "-kernel", "-ramdisk",
            "-data", "-sdcard", "-port", "-ports", "-gpu", "-memory", "-cores", "-camera-back", "-camera-front", "-dns-server",
            "-http-proxy", "-netdelay", "-netspeed", "-snapshot", "-feature", "-qemu", "-partition-size", "-skin", "-timezone");
    private static final Set<String> AVDMANAGER_VALUED = Set.of("-n", "--name", "-k", "--package", "-d", "--device", "-p",
            "--path", "-r", "--rename", "-t", "--tag", "-b", "--abi", "-c", "--sdcard");

    @Override
    public Set<String> programs() {
        return Set.of("emulator", "avdmanager");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        if (inv.program().equals("emulator")) {
            ParsedArgs p = inv.parse(EMULATOR_VALUED);
            String avd = p.value("-avd").orElse(p.words().stream().filter(w -> w.startsWith("@")).map(w -> w.substring(1))
                    .findFirst().orElse(""));
            boolean wipes = inv.words().contains("-wipe-data");
            boolean lists = inv.words().contains("-list-avds") || inv.words().contains("-help") || inv.words().contains("-version");
            return List.of(op(inv, wipes ? Verb.DELETE : lists ? Verb.READ : Verb.EXECUTE, avd,
                    wipes ? "emulator -wipe-data resets the virtual device " + avd + " to a fresh state" : "runs the Android emulator"));
        }
        ParsedArgs p = inv.parse(AVDMANAGER_VALUED);
        String sub = p.positional(0).orElse("help");
        String avd = p.value("-n", "--name").orElse("");
        Verb verb = switch (sub) {
            case "delete" -> Verb.DELETE;
            case "create" -> Verb.CREATE;
            case "move" -> Verb.UPDATE;
            default -> Verb.READ;
        };
        return List.of(op(inv, verb, avd, "avdmanager " + sub + " of a virtual device on this machine"));
    }

    private static Operation op(Invocation inv, Verb verb, String avd, String note) {
        Operation.Builder b = Operation.builder("emulator", verb).resource("avd", avd).evidence(inv.evidence()).note(note);
        if (verb == Verb.DELETE) {
            b.reversible(false); // a virtual device's data is test data, not something kept
        }
        return LocalFiles.local(inv, b, "an Android virtual device on this machine").build();
    }
}
