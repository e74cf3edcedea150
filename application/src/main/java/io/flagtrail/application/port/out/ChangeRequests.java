package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where change requests live (issue 19, ADR 0014). A request is never deleted: rejected, withdrawn and cancelled
 * ones stay with their reasons. Each step stores the request after it only if it is still at the version the step
 * started from, so two steps taken at once cannot both land.
 */
public interface ChangeRequests {

    void add(ChangeRequest request);

    /** Stores the request after a step; false, storing nothing, when it is no longer at {@code expectedVersion}. */
    boolean update(ChangeRequest after, long expectedVersion);

    Optional<ChangeRequest> find(UUID id);

    /**
     * The same, locked until the caller's transaction ends: the scheduler of each instance locks a due request before
     * applying it, so a second instance waits, then finds it applied and stands by.
     */
    Optional<ChangeRequest> lock(UUID id);

    /** Scheduled requests whose instant is at or before {@code now}, the earliest first, at most {@code limit}. */
    List<ChangeRequest> due(Instant now, int limit);

    /**
     * The requests of one environment, newest first, in any of {@code states} (every state when empty), by the
     * {@code author} and approved by the {@code approver} (actor references such as {@code user:<id>}; null: anyone).
     */
    Page<ChangeRequest> list(Scope scope, Set<ChangeRequestState> states, String author, String approver, int limit,
                             String cursor);
}
