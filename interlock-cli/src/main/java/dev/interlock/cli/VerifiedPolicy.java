package dev.interlock.cli;

import dev.interlock.Interlock;
import dev.interlock.policy.PolicyFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A policy is compiled and its tests run the first time this exact policy, inventory and Interlock build are seen;
 * after that a marker in the cache directory lets later processes (hooks, check, plan, exec, mcp) load it without the
 * tests and compile only the CEL of rules that match — hundreds of milliseconds saved on every start.
 */
public final class VerifiedPolicy {

    private VerifiedPolicy() {
    }

    /** Builds {@code builder} (already given {@code files} and the inventory), verifying the policy once. */
    public static Interlock build(Interlock.Builder builder, List<PolicyFile> files, String inventory) {
        Path marker = cacheDir().resolve(key(files, inventory));
        if (Files.isRegularFile(marker)) {
            return builder.verifiedPolicy().build();
        }
        Interlock engine = builder.build();
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, engine.policy().version() + "\n");
        } catch (IOException | RuntimeException e) {
            // Only speed is lost: the next process verifies again.
        }
        return engine;
    }

    public static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("interlock").resolve("verified-policies");
    }

    /** This policy's text, this inventory and this build of Interlock: any change verifies again. */
    public static String key(List<PolicyFile> files, String inventory) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(PolicyFile.version(files).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(inventory.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(build().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String build() {
        try {
            Path jar = Path.of(Interlock.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            return "unknown-build:" + System.nanoTime();
        }
    }
}
