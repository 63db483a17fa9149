package dev.interlock.server.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The public keys whose checkpoint signatures a data directory trusts: its own {@value AuditKey#PUBLIC_FILE}, plus
 * every {@code *.pub} in {@code trusted-keys/} (the other servers sharing one PostgreSQL each sign with their own key).
 */
public final class TrustedKeys {

    public static final String DIRECTORY = "trusted-keys";

    private TrustedKeys() {
    }

    public static List<PublicKey> of(Path dataDir) {
        List<PublicKey> keys = new ArrayList<>();
        Path own = dataDir.resolve(AuditKey.PUBLIC_FILE);
        if (Files.isRegularFile(own)) {
            keys.add(AuditKey.readPublicKey(own));
        }
        Path dir = dataDir.resolve(DIRECTORY);
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".pub")).sorted().toList()) {
                    keys.add(AuditKey.readPublicKey(p));
                }
            } catch (IOException e) {
                throw new AuditKeyException("cannot list " + dir + ": " + e.getMessage(), e);
            }
        }
        return keys;
    }
}
