package dev.interlock.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A policy source: a name to report errors against (a path) and its text. */
public record PolicyFile(String name, String text) {

    public static final String DEFAULT_PACK = "/interlock/policies/production-guardrails.yaml";

    /** The shipped pack, {@code production-guardrails}. */
    public static List<PolicyFile> defaults() {
        try (InputStream in = PolicyFile.class.getResourceAsStream(DEFAULT_PACK)) {
            if (in == null) {
                throw new PolicyException("the shipped policy pack " + DEFAULT_PACK + " is missing from the build");
            }
            return List.of(new PolicyFile("production-guardrails.yaml (shipped)", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new PolicyException("cannot read the shipped policy pack: " + e.getMessage());
        }
    }

    /** Every {@code *.yaml}/{@code *.yml} file in a directory (not recursive), in name order; or one file. */
    public static List<PolicyFile> read(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return List.of(new PolicyFile(path.toString(), Files.readString(path)));
            }
            if (!Files.isDirectory(path)) {
                throw new PolicyException(path + ": no such policy file or directory");
            }
            List<PolicyFile> files = new ArrayList<>();
            try (Stream<Path> entries = Files.list(path)) {
                for (Path p : entries.sorted().toList()) {
                    String n = p.getFileName().toString();
                    if (Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"))) {
                        files.add(new PolicyFile(p.toString(), Files.readString(p)));
                    }
                }
            }
            if (files.isEmpty()) {
                throw new PolicyException(path + ": no *.yaml policy files in this directory");
            }
            return files;
        } catch (IOException e) {
            throw new PolicyException(path + ": cannot read: " + e.getMessage());
        }
    }

    /** A short hash of the sources' texts, in order: the policy's version in decisions and audit events. */
    public static String version(List<PolicyFile> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (PolicyFile f : files) {
                sha.update(f.text().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
