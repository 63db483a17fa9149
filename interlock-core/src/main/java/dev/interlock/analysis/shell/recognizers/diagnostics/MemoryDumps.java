package dev.interlock.analysis.shell.recognizers.diagnostics;

import java.util.regex.Pattern;

/**
 * Files that hold a process's memory: core dumps ({@code core.1234}, systemd-coredump's {@code core.java.1001.….zst},
 * {@code /var/crash}), JVM heap dumps ({@code .hprof}), V8 heap snapshots, Windows minidumps, flight recordings (they
 * carry environment variables and system properties). Fetched from a server, they are a copy of what it held:
 * customer data, sessions, keys.
 */
public final class MemoryDumps {

    /** {@code core}, {@code core.1234}, {@code core.java.1001.<boot>.<pid>.<time>.zst}; not {@code core.py}. */
    private static final Pattern NAMES = Pattern.compile(
            "(?i)(vg)?core(\\.\\d+)?|core\\.[\\w*-]+\\.[\\d*].*|.*\\.(core|hprof|heapsnapshot|dmp|mdmp|jfr|crash)(\\.(gz|zst|xz|lz4|bz2))?");
    /** Where systems keep them: systemd-coredump, apport and kdump, macOS. */
    private static final Pattern PLACES = Pattern.compile("(?i)(.*/)?(systemd/coredump|var/crash)(/.*)?|/cores(/.*)?");

    private MemoryDumps() {
    }

    public static boolean holds(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return NAMES.matcher(name).matches() || PLACES.matcher(path).matches();
    }
}
