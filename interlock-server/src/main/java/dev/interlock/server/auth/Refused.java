package dev.interlock.server.auth;

/**
 * An operation on the server's state was refused (a token, an approval, a grant); {@link Kind} maps to the HTTP
 * status the server answers with. Each service has its own subclass, so a caller can tell whose rule refused.
 */
public abstract class Refused extends RuntimeException {

    public enum Kind {
        /** Malformed or unacceptable input (blank reason, wrong confirmation, a grant the rule does not allow). */
        INVALID(400),
        /** The caller may not do this (agents reviewing, reviewers outside the approvers, self-approval). */
        FORBIDDEN(403),
        NOT_FOUND(404),
        /** Not in a state that allows this, or changed concurrently. */
        CONFLICT(409),
        /** Expired. */
        GONE(410),
        /**
         * The reviewer has not yet looked at it for {@code min_review}: a conflict with the approval's state, as
         * docs/api.md says (not 425, which is about TLS early data).
         */
        TOO_EARLY(409);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    protected Refused(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
