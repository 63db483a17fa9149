package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code adb} aimed at an Android emulator ({@code -e}, {@code -s emulator-5554}, {@code ANDROID_SERIAL=emulator-…}):
 * the emulator is a disposable virtual device on this machine, so installing, uninstalling and clearing app data there
 * is local work. A physical device (a USB serial, {@code -d}) or a device over the network is someone's phone and is
 * judged like any unfamiliar program ({@link UnrecognizedProgram}).
 */
public final class AndroidDebugBridge implements Recognizer {

    private static final Set<String> VALUED = Set.of("-s", "-t", "-H", "-P", "-L");
    /** Commands that remove an app or its data from the device. */
    private static final Set<String> REMOVES = Set.of("uninstall", "clear", "rm");

    @Override
    public Set<String> programs() {
        return Set.of("adb");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String serial = p.value("-s").orElse(inv.env().getOrDefault("ANDROID_SERIAL", ""));
        boolean emulator = p.has("-e") || Regex.matches(serial, "emulator-\\d+");
        if (!emulator || p.has("-d", "-H", "-L")) {
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        List<String> words = p.words();
        boolean removes = words.stream().anyMatch(REMOVES::contains);
        String app = words.isEmpty() ? "" : words.getLast();
        Operation.Builder b = Operation.builder("device", removes ? Verb.DELETE : Verb.EXECUTE)
                .resource("emulator", serial.isEmpty() ? "the emulator" : serial).evidence(inv.evidence())
                .note("adb " + String.join(" ", words) + " on an emulator" + (removes ? " (" + app + ")" : ""));
        return List.of(LocalFiles.local(inv, b, "an Android emulator on this machine").build());
    }
}
