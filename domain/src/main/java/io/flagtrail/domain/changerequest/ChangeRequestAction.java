package io.flagtrail.domain.changerequest;

/** What a step did to a change request; each is one audit entry and one event. */
public enum ChangeRequestAction {
    DRAFTED, EDITED, SUBMITTED, APPROVED, REJECTED, WITHDRAWN, SCHEDULED, CANCELLED, CONFLICTED, APPLIED,
    /** A change made at once in an emergency, with a reason, to be reviewed afterwards. */
    BREAK_GLASS,
    /** Someone other than the author reviewed a break-glass change afterwards. */
    SIGNED_OFF
}
