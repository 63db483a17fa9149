package dev.interlock.analysis.shell.recognizers.embedded;

import dev.interlock.analysis.Regex;
import java.util.Optional;

/**
 * Where a development board is attached: a serial or USB port of this machine, a UF2 bootloader's mass-storage mount,
 * or a port served over the network by another host. A board on a port of this machine is a sandbox; a port behind
 * {@code rfc2217://HOST} is that host's.
 */
public final class BoardPorts {

    private BoardPorts() {
    }

    /**
     * A serial or USB device node ({@code /dev/ttyUSB0}, {@code /dev/ttyACM0}, {@code /dev/cu.usbserial-1410},
     * {@code /dev/serial/by-id/…}, {@code /dev/bus/usb/…}): passing it to a container hands over one board, not the host.
     * Block devices and {@code /dev/mem} are not ports.
     */
    public static boolean serial(String path) {
        String p = path.contains(":") ? path.substring(0, path.indexOf(':')) : path;
        if (!p.startsWith("/dev/")) {
            return false;
        }
        return p.startsWith("/dev/ttyUSB") || p.startsWith("/dev/ttyACM") || p.startsWith("/dev/cu.")
                || p.startsWith("/dev/tty.usb") || p.startsWith("/dev/serial/") || p.startsWith("/dev/bus/usb/");
    }

    /** The host serving a network port ({@code rfc2217://bench:4000}, {@code socket://…}, avrdude's {@code net:host:port}). */
    public static Optional<String> remoteHost(String port) {
        if (!port.contains(":") || port.startsWith("/dev/")) {
            return Optional.empty();
        }
        java.util.regex.Matcher m = REMOTE.matcher(port);
        return m.matches() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    private static final java.util.regex.Pattern REMOTE =
            java.util.regex.Pattern.compile("(?:rfc2217|socket|tcp)://([^:/]+).*|net:([^:]+):.*");

    /**
     * A removable volume's mount point or a file directly in it ({@code /media/dev/RPI-RP2/}, {@code /run/media/dev/RP2350},
     * {@code /Volumes/RPI-RP2/blink.uf2}), where a UF2 bootloader shows up when the board is plugged in.
     */
    public static boolean removableMount(String path) {
        if (!(path.startsWith("/media/") || path.startsWith("/run/media/") || path.startsWith("/Volumes/"))) {
            return false;
        }
        return Regex.matches(path, "(/run)?/media/[^/]+/[^/]+(/[^/]+\\.uf2)?/?|/Volumes/[^/]+(/[^/]+\\.uf2)?/?");
    }
}
