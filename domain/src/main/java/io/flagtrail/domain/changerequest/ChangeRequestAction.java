package io.flagtrail.domain.changerequest;

/** What a step did to a change request; each is one audit entry and one event. */
public enum ChangeRequestAction {
    DRAFTED, EDITED, SUBMITTED, APPROVED, REJECTED, WITHDRAWN, SCHEDULED, CANCELLED, CONFLICTED, APPLIED
}
