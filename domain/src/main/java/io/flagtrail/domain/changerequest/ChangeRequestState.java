package io.flagtrail.domain.changerequest;

/**
 * Where a change request is in its life. DRAFT → SUBMITTED → APPROVED | REJECTED | WITHDRAWN; APPROVED → APPLIED,
 * or SCHEDULED → APPLIED | CANCELLED; applying a request whose features moved on from the versions it was based on
 * makes it CONFLICTED, and an edit (a rebase) submits it again with no approval. REJECTED, WITHDRAWN, APPLIED and
 * CANCELLED are final: the request stays, with its reasons, for the record. A break-glass change is applied at once
 * and waits for its retrospective review (REVIEW_PENDING) until someone other than its author signs it off
 * (REVIEWED, final).
 */
public enum ChangeRequestState {
    DRAFT, SUBMITTED, APPROVED, SCHEDULED, CONFLICTED, REJECTED, WITHDRAWN, APPLIED, CANCELLED, REVIEW_PENDING,
    REVIEWED;

    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == APPLIED || this == CANCELLED || this == REVIEWED;
    }

    /** Whether the author may still change what the request proposes (which voids every approval). */
    public boolean isEditable() {
        return this == DRAFT || this == SUBMITTED || this == APPROVED || this == CONFLICTED;
    }
}
