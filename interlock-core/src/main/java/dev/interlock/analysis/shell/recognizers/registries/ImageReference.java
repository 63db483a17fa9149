package dev.interlock.analysis.shell.recognizers.registries;

import dev.interlock.analysis.Regex;
import dev.interlock.environment.Hosts;
import java.util.List;

/**
 * Where an image a registry client names lives: in a registry ({@code registry.prod.acme.io/api:v1},
 * {@code docker://…}), in this machine's image store ({@code docker-daemon:api:v1}, {@code containers-storage:…}), or in
 * local files ({@code oci:./layout:v1}, {@code dir:/tmp/x}, {@code ocidir://out}). {@code location} is the reference
 * without its transport, or the path for files.
 */
public record ImageReference(String text, Place place, String location) {

    public enum Place { REGISTRY, DAEMON, FILES }

    /** skopeo's and regctl's transports that name this machine's image store or files, not a registry. */
    private static final List<String> DAEMON_TRANSPORTS = List.of("docker-daemon:", "containers-storage:");
    private static final List<String> FILE_TRANSPORTS = List.of("ocidir://", "oci-layout://", "oci-archive:", "oci:",
            "docker-archive:", "dir:", "sif:", "tarball:");

    public static ImageReference of(String text) {
        if (text.startsWith("docker://")) {
            return new ImageReference(text, Place.REGISTRY, text.substring("docker://".length()));
        }
        for (String t : DAEMON_TRANSPORTS) {
            if (text.startsWith(t)) {
                return new ImageReference(text, Place.DAEMON, text.substring(t.length()));
            }
        }
        for (String t : FILE_TRANSPORTS) {
            if (text.startsWith(t)) {
                return inFiles(text, text.substring(t.length()));
            }
        }
        return path(text) ? new ImageReference(text, Place.FILES, text) : new ImageReference(text, Place.REGISTRY, text);
    }

    /** An image in files here: {@code /tmp/layout:v1} → /tmp/layout (after the path's last colon comes a tag). */
    public static ImageReference inFiles(String text, String pathAndTag) {
        return new ImageReference(text, Place.FILES, Regex.replaceFirst(pathAndTag, ":[\\w.-]+$", ""));
    }

    /** A local path rather than a reference: {@code ./base-mirror}, {@code /tmp/x}, {@code ~/images}, {@code -} (stdout). */
    private static boolean path(String text) {
        return text.startsWith("/") || text.startsWith("./") || text.startsWith("../") || text.startsWith("~")
                || text.equals(".") || text.equals("-");
    }

    /**
     * Whether an operand names an image rather than a file, a media type or a value: it has a transport, or a registry
     * host before its first slash, or a tag or digest after a repository path. {@code policy.rego:application/vnd…} and
     * {@code keys/owner.pub} are files.
     */
    public static boolean looksLikeOne(String text) {
        if (text.startsWith("docker://") || DAEMON_TRANSPORTS.stream().anyMatch(text::startsWith)
                || FILE_TRANSPORTS.stream().anyMatch(text::startsWith)) {
            return true;
        }
        if (text.contains("://") || text.contains("=") || path(text) || text.indexOf('/') < 0
                || Regex.matches(text, ".*:(application|text|image|audio|video|font|model|multipart|message)/.*")) {
            return false;
        }
        String first = text.substring(0, text.indexOf('/'));
        return first.contains(".") || first.contains(":") || first.equals("localhost")
                || Regex.matches(text.substring(text.lastIndexOf('/') + 1), "[\\w.-]+(:[\\w.-]+|@sha256:[0-9a-fA-F]+)");
    }

    /** The registry an image reference names: its first part when that is a host, else Docker Hub. */
    public static String registryOf(String image) {
        int slash = image.indexOf('/');
        if (slash > 0) {
            String first = image.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                return first;
            }
        }
        return "docker.io";
    }

    /**
     * The registry host an operand names, whether an image ({@code registry.prod.acme.io/api:v1}) or a registry alone
     * ({@code registry.prod.acme.io}, {@code localhost:5000}, as for {@code crane auth get} or {@code crane catalog}).
     */
    public String host() {
        String name = location.contains("/") ? registryOf(location) : location;
        boolean bareHost = Regex.matches(name, "[\\w.-]+\\.[\\w.-]+(:\\d+)?|localhost(:\\d+)?|\\[[0-9a-fA-F:]+\\](:\\d+)?");
        return Hosts.of(bareHost ? name : registryOf(location));
    }

    /** In a registry on this machine ({@code localhost:5000}). */
    public boolean onThisMachine() {
        return place != Place.REGISTRY || Hosts.loopback(host()) || host().equals("host.docker.internal");
    }
}
