package dev.interlock.server.approval;

/** An approval or grant operation was refused; {@link Kind} maps to the HTTP status the server answers with. */
public final class ApprovalException extends RuntimeException {

    public enum Kind {
        /** Malformed or unacceptable input (blank reason, wrong confirmation, a grant the rule does not allow). */
        INVALID(400),
        /** The caller may not do this (agents reviewing, reviewers outside the approvers, self-approval). */
        FORBIDDEN(403),
        NOT_FOUND(404),
        /** The approval is not in a state that allows this, or changed concurrently. */
        CONFLICT(409),
        /** The approval expired. */
        GONE(410),
        /** The reviewer has not yet looked at it for {@code min_review}. */
        TOO_EARLY(425);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    public ApprovalException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
