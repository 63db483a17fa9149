package dev.interlock.analysis.shell.recognizers.mobile;

import dev.interlock.analysis.Regex;
import dev.interlock.analysis.shell.Invocation;
import dev.interlock.analysis.shell.Nested;
import dev.interlock.analysis.shell.ParsedArgs;
import dev.interlock.analysis.shell.Recognizer;
import dev.interlock.analysis.shell.recognizers.LocalFiles;
import dev.interlock.analysis.shell.recognizers.UnrecognizedProgram;
import dev.interlock.analysis.shell.recognizers.secrets.SecretFiles;
import dev.interlock.model.Confidence;
import dev.interlock.model.Operation;
import dev.interlock.model.Verb;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code adb} aimed at an Android emulator ({@code -e}, {@code -s emulator-5554}, {@code ANDROID_SERIAL=emulator-…}):
 * the emulator is a disposable virtual device on this machine, so installing, uninstalling and clearing app data there
 * is local work. A physical device (a USB serial, {@code -d}) or a device over the network is someone's phone and is
 * judged like any unfamiliar program ({@link UnrecognizedProgram}), except where the words say more: a debug build
 * ({@code com.shop.app.debug}) is the developer's own on any device, so uninstalling it or clearing its data is local; rooting the device
 * or switching SELinux off is an escalation on it, and printing an app's stored tokens out of its sandbox
 * ({@code run-as PKG cat shared_prefs/auth_tokens.xml}) is a credential read on any device.
 */
public final class AndroidDebugBridge implements Recognizer {

    private static final Set<String> VALUED = Set.of("-s", "-t", "-H", "-P", "-L");
    /** Commands that remove an app or its data from the device. */
    private static final Set<String> REMOVES = Set.of("uninstall", "clear", "rm");
    /** adb commands that give adbd, or the shell, root or drop the device's verified boot. */
    private static final Set<String> ROOTS = Set.of("root", "disable-verity");
    /** Device shell words that raise the shell's privileges or switch off SELinux enforcement. */
    private static final Set<String> ESCALATES = Set.of("su", "setenforce");
    /** Device shell programs that print a file's contents. */
    private static final Set<String> PRINTERS = Set.of("cat", "head", "tail", "more", "less", "strings", "xxd", "od", "base64",
            "hexdump");
    /** Files in an app's sandbox that hold its logins: tokens, sessions, cookies, keys. */
    private static final String APP_SECRET = "(?i)(.*/)?[^/]*(token|auth|session|cookie|credential|secret|passw|api[-_]?key)[^/]*";

    /** Package names of debug and dev builds ({@code applicationIdSuffix ".debug"}): {@code com.shop.app.debug}. */
    private static final String DEBUG_BUILD = "[A-Za-z][\\w]*(\\.[\\w]+)+\\.(debug|dev)";

    /** The words of removing a package or its data: {@code uninstall [-k] PKG}, {@code shell pm clear [--user 0] PKG}. */
    private static final Set<String> PACKAGE_WORDS = Set.of("shell", "pm", "cmd", "package", "uninstall", "clear");

    @Override
    public Set<String> programs() {
        return Set.of("adb");
    }

    @Override
    public List<Operation> recognize(Invocation inv, Nested nested) {
        ParsedArgs p = inv.parse(VALUED);
        String serial = p.value("-s").orElse(inv.env().getOrDefault("ANDROID_SERIAL", ""));
        boolean emulator = (p.has("-e") || Regex.matches(serial, "emulator-\\d+")) && !p.has("-d", "-H", "-L");
        // adb shell 'run-as pkg cat f' and adb shell run-as pkg cat f are the same device command
        List<String> words = p.words().stream().flatMap(w -> Arrays.stream(w.trim().split("\\s+"))).filter(w -> !w.isEmpty()).toList();
        String device = serial.isEmpty() ? emulator ? "the emulator" : "the device" : serial;
        Optional<Operation> secret = appSecret(inv, words, device);
        if (secret.isPresent()) {
            return List.of(emulator ? LocalFiles.local(inv, secret.get().toBuilder(), "an Android emulator on this machine").build()
                    : secret.get());
        }
        boolean removes = words.stream().anyMatch(REMOVES::contains);
        String app = words.isEmpty() ? "" : words.getLast();
        if (!emulator) {
            boolean shell = !words.isEmpty() && Set.of("shell", "exec-out").contains(words.getFirst());
            boolean roots = !words.isEmpty() && ROOTS.contains(words.getFirst())
                    || shell && words.stream().skip(1).anyMatch(w -> ESCALATES.contains(w)) && !words.contains("1");
            if (roots) {
                return List.of(Operation.builder("device", Verb.ESCALATE).resource("device", device).confidence(Confidence.INFERRED)
                        .evidence(inv.evidence()).note("adb " + String.join(" ", words) + " gives root on the device or switches SELinux off").build());
            }
            // only the package command itself: `shell "rm -rf /sdcard/*; pm clear x.debug"` is more than the debug build
            if (words.stream().anyMatch(w -> w.equals("uninstall") || w.equals("clear")) && Regex.matches(app, DEBUG_BUILD)
                    && words.stream().allMatch(w -> PACKAGE_WORDS.contains(w) || w.startsWith("-") || Regex.matches(w, "\\d+")
                    || w.equals(app))) {
                // a debug build is the developer's own, installed from this machine's build: its data is test data
                Operation.Builder b = Operation.builder("device", Verb.DELETE).resource("app", app).evidence(inv.evidence())
                        .note("adb " + String.join(" ", words) + ": a debug build of the app, reinstalled by the next run");
                return List.of(LocalFiles.local(inv, b, "a debug build installed from this machine").build());
            }
            return new UnrecognizedProgram().recognize(inv, nested);
        }
        Operation.Builder b = Operation.builder("device", removes ? Verb.DELETE : Verb.EXECUTE)
                .resource("emulator", device).evidence(inv.evidence())
                .note("adb " + String.join(" ", words) + " on an emulator" + (removes ? " (" + app + ")" : ""));
        return List.of(LocalFiles.local(inv, b, "an Android emulator on this machine").build());
    }

    /** {@code run-as PKG cat FILE} or {@code pull /data/data/PKG/…} of a file that holds the app's logins. */
    private static Optional<Operation> appSecret(Invocation inv, List<String> words, String device) {
        int runAs = words.indexOf("run-as");
        List<String> files = List.of();
        if (runAs >= 0 && runAs + 2 < words.size() && PRINTERS.contains(words.get(runAs + 2))) {
            files = words.subList(runAs + 3, words.size());
        } else if (!words.isEmpty() && words.getFirst().equals("pull") && words.size() > 1) {
            files = words.subList(1, 2);
        } else if (!words.isEmpty() && Set.of("shell", "exec-out").contains(words.getFirst()) && words.size() > 2 && PRINTERS.contains(words.get(1))) {
            files = words.subList(2, words.size());
        }
        return files.stream().filter(f -> !f.startsWith("-") && (Regex.matches(f, APP_SECRET) || SecretFiles.isSecret(f))).findFirst()
                .map(f -> Operation.builder("device", Verb.CREDENTIAL).resource("file", f).confidence(Confidence.INFERRED)
                        .evidence(inv.evidence()).locator("device", device)
                        .note("prints " + f + " from an app's sandbox on the device: the app's stored logins").build());
    }
}
