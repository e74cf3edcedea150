package io.flagtrail.domain.changerequest;

import java.util.Objects;

/** The step a request took: the request before (null when drafted) and after. */
public record ChangeRequestChanged(ChangeRequestAction action, ChangeRequest before, ChangeRequest after) {

    public ChangeRequestChanged {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(after, "after");
    }
}
