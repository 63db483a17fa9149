package dev.interlock.server.audit;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@link AuditVerifier} found. When {@code ok} is false, {@code firstBrokenSeq} and {@code breakage} locate the
 * first broken link and {@code message} says in words what is wrong there; when it is true, the message says what was
 * covered (and what was not: events after the last checkpoint are chained but not yet signed).
 */
public record Verification(boolean ok, long eventsChecked, OptionalLong firstBrokenSeq, Optional<Breakage> breakage,
                           String message, int checkpointsChecked) {

    /** The kinds of broken link, each with the words used in messages. */
    public enum Breakage {
        /** The stored hash is not SHA-256(prev_hash + body): the body (or the hash) was edited. */
        BODY_EDITED("body edited"),
        /** A seq is missing from the chain: a row was deleted. */
        ROW_DELETED("row deleted"),
        /** A row holds another seq's body: rows were swapped or moved. */
        ROW_MOVED("rows swapped or moved"),
        /** prev_hash does not match the previous event's hash: the previous row was rewritten or replaced. */
        PREV_HASH_MISMATCH("prev_hash mismatch"),
        /** The seq, time or type columns disagree with the hashed body. */
        COLUMNS_EDITED("columns edited"),
        /** A signed checkpoint lies beyond the last event: the tail was cut off. */
        TRUNCATED("tail truncated"),
        /** A checkpoint signs a head hash that the event at its seq does not have. */
        CHECKPOINT_MISMATCH("checkpoint head mismatch"),
        /** A checkpoint's signature does not verify with any trusted key. */
        BAD_SIGNATURE("bad checkpoint signature"),
        /** The input cannot be read as audit events. */
        MALFORMED("malformed");

        private final String words;

        Breakage(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    static Verification ok(long events, int checkpoints, String message) {
        return new Verification(true, events, OptionalLong.empty(), Optional.empty(), message, checkpoints);
    }

    static Verification broken(long events, int checkpoints, long seq, Breakage breakage, String detail) {
        return new Verification(false, events, OptionalLong.of(seq), Optional.of(breakage),
                "broken at seq " + seq + " (" + breakage.words() + "): " + detail, checkpoints);
    }
}
