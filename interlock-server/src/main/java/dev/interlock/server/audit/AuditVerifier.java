package dev.interlock.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.json.Json;
import dev.interlock.server.audit.Verification.Breakage;
import dev.interlock.server.storage.Database;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Recomputes the hash chain and checks the signed checkpoints against trusted public keys, and names the first broken
 * link. Trust comes only from the keys given here (the data directory's {@value AuditKey#PUBLIC_FILE} or
 * {@code --public-key}): the {@code public_key} column of a checkpoint is what an attacker would rewrite.
 *
 * <p>Events are streamed: memory holds one page of events and the checkpoints (one per thousand events by default).
 */
public final class AuditVerifier {

    private final List<PublicKey> trusted;

    public AuditVerifier(Collection<PublicKey> trustedKeys) {
        if (trustedKeys.isEmpty()) {
            throw new IllegalArgumentException("verifying the audit log needs at least one trusted public key");
        }
        this.trusted = List.copyOf(trustedKeys);
    }

    /** Verifies everything stored in {@code db}; the chain must start at seq 1. */
    public Verification verify(Database db) {
        AuditReader reader = new AuditReader(db);
        return verify(reader.stream(0), reader.checkpoints(0), true);
    }

    /**
     * Verifies {@code events} (oldest first). Unless {@code fromGenesis}, the first event may be later than seq 1 (an
     * export since some time): its prev_hash is then taken as given, checkpoints before it are skipped, and the
     * message says so.
     */
    public Verification verify(Iterator<AuditEvent> events, Collection<AuditCheckpoint> checkpoints, boolean fromGenesis) {
        TreeMap<Long, AuditCheckpoint> bySeq = new TreeMap<>();
        for (AuditCheckpoint c : checkpoints) {
            bySeq.put(c.seq(), c);
        }
        long checked = 0;
        int signed = 0;
        long firstSeq = 0;
        AuditEvent previous = null;
        while (events.hasNext()) {
            AuditEvent e = events.next();
            if (previous == null) {
                firstSeq = e.seq();
                if (fromGenesis && e.seq() != 1) {
                    return Verification.broken(checked, signed, 1, Breakage.ROW_DELETED,
                            "seq 1" + (e.seq() > 2 ? ".." + (e.seq() - 1) : "") + " missing: the log starts at seq " + e.seq());
                }
                if (e.seq() == 1 && !AuditChain.GENESIS.equals(e.prevHash())) {
                    return Verification.broken(checked, signed, 1, Breakage.PREV_HASH_MISMATCH,
                            "the first event's prev_hash is " + e.prevHash() + ", not 64 zeros");
                }
            } else if (e.seq() != previous.seq() + 1) {
                if (e.seq() > previous.seq() + 1) {
                    long missing = previous.seq() + 1;
                    return Verification.broken(checked, signed, missing, Breakage.ROW_DELETED,
                            "seq " + missing + (e.seq() - 1 > missing ? ".." + (e.seq() - 1) : "")
                                    + " missing: seq " + previous.seq() + " is followed by seq " + e.seq());
                }
                return Verification.broken(checked, signed, e.seq(), Breakage.ROW_MOVED,
                        "seq " + e.seq() + " comes after seq " + previous.seq() + " (out of order or duplicated)");
            }
            Problem problem = checkEvent(e, previous);
            if (problem != null) {
                return Verification.broken(checked, signed, e.seq(), problem.kind(), problem.detail());
            }
            checked++;
            AuditCheckpoint c = bySeq.get(e.seq());
            if (c != null) {
                if (!c.headHash().equals(e.hash())) {
                    return Verification.broken(checked, signed, e.seq(), Breakage.CHECKPOINT_MISMATCH,
                            "the checkpoint at seq " + c.seq() + " signs head hash " + c.headHash() + " but event "
                                    + e.seq() + " has hash " + e.hash() + " (the log was cut and rewritten after it)");
                }
                String bad = signatureProblem(c);
                if (bad != null) {
                    return Verification.broken(checked, signed, c.seq(), Breakage.BAD_SIGNATURE, bad);
                }
                signed++;
            }
            previous = e;
        }
        long last = previous == null ? 0 : previous.seq();
        Map.Entry<Long, AuditCheckpoint> beyond = bySeq.higherEntry(last);
        if (beyond != null) {
            AuditCheckpoint c = bySeq.lastEntry().getValue();
            String bad = signatureProblem(c);
            if (bad != null) {
                return Verification.broken(checked, signed, c.seq(), Breakage.BAD_SIGNATURE, bad);
            }
            return Verification.broken(checked, signed, last + 1, Breakage.TRUNCATED,
                    "a checkpoint signed seq " + c.seq() + " but the log ends at seq " + last + ": events " + (last + 1)
                            + ".." + c.seq() + " were removed");
        }
        return Verification.ok(checked, signed, summary(checked, signed, firstSeq, last, bySeq));
    }

    private static String summary(long checked, int signed, long firstSeq, long last, TreeMap<Long, AuditCheckpoint> bySeq) {
        if (checked == 0) {
            return "the audit log is empty";
        }
        StringBuilder s = new StringBuilder("ok: " + checked + " events (seq " + firstSeq + ".." + last + ") chain intact, "
                + signed + " checkpoints verified");
        if (firstSeq > 1) {
            s.append("; the export starts at seq ").append(firstSeq).append(", so its first prev_hash is taken as given");
        }
        Long lastSigned = bySeq.floorKey(last);
        if (lastSigned == null || lastSigned < firstSeq) {
            s.append("; no checkpoint covers these events, so a cut tail could not be noticed");
        } else if (lastSigned < last) {
            s.append("; events after seq ").append(lastSigned).append(" are not yet covered by a signed checkpoint");
        }
        return s.toString();
    }

    private record Problem(Breakage kind, String detail) {
    }

    /** The first problem inside one event, or null. */
    private static Problem checkEvent(AuditEvent e, AuditEvent previous) {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(e.body());
        } catch (Exception ex) {
            return new Problem(Breakage.MALFORMED, "the body of seq " + e.seq() + " is not JSON: " + ex.getMessage());
        }
        if (body == null || !body.path("seq").canConvertToLong()) {
            return new Problem(Breakage.MALFORMED, "the body of seq " + e.seq() + " has no seq");
        }
        long bodySeq = body.path("seq").asLong();
        if (bodySeq != e.seq()) {
            return new Problem(Breakage.ROW_MOVED, "row seq " + e.seq() + " holds the body of seq " + bodySeq);
        }
        if (!body.path("type").asText().equals(e.type()) || !sameInstant(body.path("at").asText(), e.at())) {
            return new Problem(Breakage.COLUMNS_EDITED, "the type/at columns of seq " + e.seq() + " (" + e.type() + ", " + e.at()
                    + ") differ from its hashed body (" + body.path("type").asText() + ", " + body.path("at").asText() + ")");
        }
        if (previous != null && !previous.hash().equals(e.prevHash())) {
            return new Problem(Breakage.PREV_HASH_MISMATCH, "seq " + e.seq() + " has prev_hash " + e.prevHash() + " but seq " + previous.seq()
                    + " has hash " + previous.hash() + " (seq " + previous.seq() + " was rewritten or replaced)");
        }
        String computed = AuditChain.hash(e.prevHash(), e.body());
        if (!computed.equals(e.hash())) {
            return new Problem(Breakage.BODY_EDITED, "seq " + e.seq() + " stores hash " + e.hash() + " but SHA-256(prev_hash + body) is "
                    + computed + " (its body or hash was edited)");
        }
        return null;
    }

    private static boolean sameInstant(String iso, Instant at) {
        try {
            return Instant.parse(iso).equals(at);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why {@code c} does not verify with any trusted key, or null when it does. */
    private String signatureProblem(AuditCheckpoint c) {
        for (PublicKey key : trusted) {
            if (AuditKey.verifies(key, c.signedText(), c.signature())) {
                return null;
            }
        }
        String trustedIds = trusted.stream().map(AuditKey::keyId).collect(Collectors.joining(", "));
        boolean foreignKey = trusted.stream().noneMatch(k -> AuditKey.keyId(k).equals(c.keyId()));
        return "the checkpoint at seq " + c.seq() + " does not verify with the trusted key " + trustedIds
                + (foreignKey ? "; it claims key " + c.keyId() + ", which is not trusted (key replaced?)"
                        : " although it claims to be signed by it (signature or head hash edited)");
    }
}
