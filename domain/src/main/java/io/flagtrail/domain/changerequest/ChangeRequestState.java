package io.flagtrail.domain.changerequest;

/**
 * Where a change request is in its life. DRAFT → SUBMITTED → APPROVED | REJECTED | WITHDRAWN; APPROVED → APPLIED,
 * or SCHEDULED → APPLIED | CANCELLED; applying a request whose features moved on from the versions it was based on
 * makes it CONFLICTED, and an edit (a rebase) submits it again with no approval. REJECTED, WITHDRAWN, APPLIED and
 * CANCELLED are final: the request stays, with its reasons, for the record.
 */
public enum ChangeRequestState {
    DRAFT, SUBMITTED, APPROVED, SCHEDULED, CONFLICTED, REJECTED, WITHDRAWN, APPLIED, CANCELLED;

    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == APPLIED || this == CANCELLED;
    }

    /** Whether the author may still change what the request proposes (which voids every approval). */
    public boolean isEditable() {
        return this == DRAFT || this == SUBMITTED || this == APPROVED || this == CONFLICTED;
    }
}
