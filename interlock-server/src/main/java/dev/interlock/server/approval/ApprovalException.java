package dev.interlock.server.approval;

import dev.interlock.server.auth.Refused;

/** An approval or grant operation was refused. */
public final class ApprovalException extends Refused {

    public ApprovalException(Kind kind, String message) {
        super(kind, message);
    }
}
