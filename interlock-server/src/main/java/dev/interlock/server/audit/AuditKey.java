package dev.interlock.server.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The server's Ed25519 key that signs audit checkpoints. It lives in the data directory: {@value #PRIVATE_FILE}
 * (PKCS#8, mode 0600) and {@value #PUBLIC_FILE} (X.509, base64 text). The public file is what an auditor copies
 * elsewhere and passes to {@code interlock audit verify --public-key}; trust comes from that copy, never from the
 * database.
 */
public final class AuditKey {

    public static final String PRIVATE_FILE = "audit-ed25519.key";
    public static final String PUBLIC_FILE = "audit-ed25519.pub";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private AuditKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /** Loads the key pair from {@code dataDir}, creating it on first start. */
    public static AuditKey loadOrCreate(Path dataDir) {
        Path privateFile = dataDir.resolve(PRIVATE_FILE);
        Path publicFile = dataDir.resolve(PUBLIC_FILE);
        if (!Files.exists(privateFile)) {
            create(dataDir, privateFile, publicFile);
        }
        return load(privateFile, publicFile);
    }

    /** A fresh key that is never written anywhere (tests, and an attacker's key in tamper tests). */
    public static AuditKey generate() {
        KeyPair pair = newPair();
        return new AuditKey(pair.getPrivate(), pair.getPublic());
    }

    /** Reads a public key written as {@value #PUBLIC_FILE}: X.509 DER, base64 text. */
    public static PublicKey readPublicKey(Path file) {
        try {
            return decodePublicKey(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new AuditKeyException("cannot read the audit public key " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new AuditKeyException("the audit public key " + file + " is not a base64 X.509 Ed25519 key ("
                    + e.getMessage() + "); copy " + PUBLIC_FILE + " from the server's data directory", e);
        }
    }

    /** A public key from its base64 X.509 encoding. */
    public static PublicKey decodePublicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    /** First 16 hex digits of SHA-256 of the X.509 encoding: short enough to read, long enough to tell keys apart. */
    public static String keyId(PublicKey key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** True when {@code signatureBase64} is {@code key}'s Ed25519 signature of {@code text}. */
    public static boolean verifies(PublicKey key, String text, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Base64 Ed25519 signature of {@code text}. */
    public String sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new AuditKeyException("cannot sign with the audit key " + keyId + ": " + e.getMessage(), e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String keyId() {
        return keyId;
    }

    private static KeyPair newPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static void create(Path dataDir, Path privateFile, Path publicFile) {
        KeyPair pair = newPair();
        try {
            Files.createDirectories(dataDir);
            // Written aside then moved: a crash never leaves half a key, and when two servers start on one data
            // directory at once the second move fails and both load the winner's key.
            Path tmpPublic = Files.createTempFile(dataDir, PUBLIC_FILE, ".tmp");
            Files.writeString(tmpPublic, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n",
                    StandardCharsets.US_ASCII);
            Path tmpPrivate = ownerOnlyTempFile(dataDir);
            Files.write(tmpPrivate, pair.getPrivate().getEncoded());
            Files.move(tmpPublic, publicFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(tmpPrivate, privateFile, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmpPrivate);
            }
        } catch (IOException e) {
            throw new AuditKeyException("cannot create the audit key in " + dataDir + ": " + e.getMessage()
                    + "; the data directory must be writable by the server", e);
        }
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        try {
            return Files.createTempFile(dir, PRIVATE_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(dir, PRIVATE_FILE, ".tmp");
        }
    }

    private static AuditKey load(Path privateFile, Path publicFile) {
        PrivateKey privateKey;
        try {
            privateKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile)));
        } catch (IOException | GeneralSecurityException e) {
            throw new AuditKeyException("cannot read the audit private key " + privateFile + ": " + e.getMessage()
                    + "; restore it from backup, or move it away to start a new key (old checkpoints then verify only"
                    + " with the old " + PUBLIC_FILE + ")", e);
        }
        if (!Files.exists(publicFile)) {
            throw new AuditKeyException("the audit public key " + publicFile + " is missing next to " + privateFile
                    + "; restore it from backup or from the copy given to auditors");
        }
        PublicKey publicKey = readPublicKey(publicFile);
        AuditKey key = new AuditKey(privateKey, publicKey);
        String probe = "interlock-audit-key-check";
        if (!verifies(publicKey, probe, key.sign(probe))) {
            throw new AuditKeyException(publicFile + " is not the public half of " + privateFile
                    + "; restore the matching pair from backup");
        }
        return key;
    }
}
