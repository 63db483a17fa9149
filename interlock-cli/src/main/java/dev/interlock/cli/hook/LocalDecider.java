package dev.interlock.cli.hook;

import dev.interlock.Interlock;
import dev.interlock.environment.AmbientContext;
import dev.interlock.hooks.HookVerdict;
import dev.interlock.model.Request;
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
 * Decides in this process from the policy and inventory (local mode). A policy is compiled and its tests run the first
 * time this exact policy, inventory and Interlock build are seen; after that a marker in the cache directory lets later
 * hook processes load it without the tests and compile only the CEL of rules that match — the difference between
 * hundreds of milliseconds and tens on every tool call.
 */
final class LocalDecider {

    private final Interlock engine;

    private LocalDecider(Interlock engine) {
        this.engine = engine;
    }

    static LocalDecider create(HookMain.HookOptions options) {
        List<PolicyFile> files = options.policy() == null ? PolicyFile.defaults() : PolicyFile.read(options.policy());
        String inventory = "";
        if (options.inventory() != null) {
            try {
                inventory = Files.readString(options.inventory());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the inventory " + options.inventory() + ": " + e.getMessage());
            }
        }
        Path marker = cacheDir().resolve(key(files, inventory));
        Interlock.Builder b = Interlock.builder().ambient(AmbientContext.detect()).policy(files);
        if (options.inventory() != null) {
            b.inventory(options.inventory());
        }
        if (Files.isRegularFile(marker)) {
            return new LocalDecider(b.verifiedPolicy().build());
        }
        Interlock engine = b.build();
        try {
            Files.createDirectories(marker.getParent());
            Files.writeString(marker, engine.policy().version() + "\n");
        } catch (IOException | RuntimeException e) {
            // Only speed is lost: the next hook process verifies again.
        }
        return new LocalDecider(engine);
    }

    HookVerdict decide(Request request) {
        return HookVerdict.local(engine.decide(dev.interlock.cli.ManifestReader.withManifests(engine, request)));
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return base.resolve("interlock").resolve("verified-policies");
    }

    /** This policy's text, this inventory and this build of Interlock: any change verifies again. */
    static String key(List<PolicyFile> files, String inventory) {
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
