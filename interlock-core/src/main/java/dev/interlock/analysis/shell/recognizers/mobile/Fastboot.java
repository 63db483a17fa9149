package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.model.Operation;
import dev.interlock.model.Scope;
import dev.interlock.model.Verb;
import java.util.List;
import java.util.Set;

/**
 * {@code fastboot}, which talks to a phone's bootloader. Unlocking or locking the bootloader factory-resets the device
 * and changes its verified boot; erasing, formatting and flashing partitions replace what is on them. A phone is not a
 * disposable workspace thing, so these are deletes of the device's data in an environment nothing names. Listing
 * devices and reading variables only look; anything else is judged like an unfamiliar program.
 */
public final class Fastboot implements Recognizer {

    private static final Set<String> VALUED = Set.of("-s", "-S", "--slot", "-c", "--cmdline", "-i", "-p", "-b", "--base",
            "-n", "--page-size", "--kernel-offset", "--ramdisk-offset", "--tags-offset", "--header-version", "--os-version",
            "--os-patch-level");
    /** Commands that wipe or overwrite partitions. */
    private static final Set<String> WIPES = Set.of("erase", "format", "flash", "flashall", "update", "wipe-super", "flash:raw");
    /** {@code flashing …} and {@code oem …} commands that unlock or lock the bootloader (both wipe userdata). */
    private static final Set<String> LOCKS = Set.of("unlock", "unlock_critical", "lock", "lock_critical");
    private static final Set<String> READS = Set.of("devices", "getvar", "help", "--version", "--help", "-h");

    @Override
    public Set<String> programs() {
        return Set.of("fastboot");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        List<String> words = p.words();
        String command = words.isEmpty() ? "" : words.getFirst();
        String device = p.value("-s").orElse(inv.env().getOrDefault("ANDROID_SERIAL", "the device"));
        boolean locks = Set.of("flashing", "oem").contains(command) && words.size() > 1 && LOCKS.contains(words.get(1));
        if (locks || WIPES.contains(command) || p.has("-w")) {
            String what = locks ? String.join(" ", words.subList(0, 2)) : p.has("-w") && !WIPES.contains(command) ? "-w" : command;
            return List.of(Operation.builder("device", Verb.DELETE).resource("device", device)
                    .scope(locks || p.has("-w") || command.equals("flashall") ? Scope.ALL : Scope.ONE).stateful(true).reversible(false)
                    .evidence(inv.evidence())
                    .note("fastboot " + what + (locks ? " factory-resets the device and changes its verified boot"
                            : " overwrites the device's partitions (" + String.join(" ", words.subList(Math.min(1, words.size()), words.size())) + ")"))
                    .build());
        }
        if (READS.contains(command) || command.isEmpty() || command.equals("oem") && words.contains("device-info")) {
            return List.of(LocalFiles.local(inv, Operation.builder("device", Verb.READ).resource("device", device)
                    .evidence(inv.evidence()), "reads the device's bootloader").build());
        }
        return new UnrecognizedProgram().recognize(inv, nested);
    }
}
