package dev.interlock.server.audit;

import dev.interlock.json.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chain's formulas, in one place so that the writer, the verifier and the docs agree:
 * <pre>
 *   body      = CanonicalJson({"seq": seq, "at": ISO-8601 UTC (millisecond precision), "type": type, "data": redacted data})
 *   hash      = hex(SHA-256(UTF-8(prev_hash_hex + body)))        prev_hash of seq 1 = {@link #GENESIS} (64 zeros)
 *   signature = base64(Ed25519(key, UTF-8(seq + ":" + head_hash_hex)))
 * </pre>
 */
public final class AuditChain {

    /** The prev_hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    // Verifying a million events hashes a million times: one digest per thread instead of a provider lookup each time.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    });

    private AuditChain() {
    }

    public static String body(long seq, Instant at, String type, Object redactedData) {
        return body(seq, at, type, CanonicalJson.write(redactedData));
    }

    /**
     * The same body from data already in canonical JSON: the keys {@code at < data < seq < type} are in canonical
     * order, so the body can be put together around data written on the caller's thread, and the single writer
     * thread does no JSON work.
     */
    public static String body(long seq, Instant at, String type, String canonicalData) {
        return "{\"at\":" + CanonicalJson.write(at.toString()) + ",\"data\":" + canonicalData + ",\"seq\":" + seq
                + ",\"type\":" + CanonicalJson.write(type) + "}";
    }

    public static String hash(String prevHash, String body) {
        MessageDigest digest = SHA256.get();
        digest.update(prevHash.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    public static String signedText(long seq, String headHash) {
        return seq + ":" + headHash;
    }
}
