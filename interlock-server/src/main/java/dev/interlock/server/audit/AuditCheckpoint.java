package dev.interlock.server.audit;

import java.time.Instant;

/**
 * A signed head of the chain: {@code signature = Ed25519(key, seq + ":" + headHash)}, base64. {@code keyId} and
 * {@code publicKey} say which key claims to have signed; a verifier never trusts them and checks the signature against
 * the keys it was given.
 */
public record AuditCheckpoint(long seq, Instant at, String headHash, String keyId, String publicKey, String signature) {

    /** The exact text that is signed. */
    public String signedText() {
        return AuditChain.signedText(seq, headHash);
    }
}
