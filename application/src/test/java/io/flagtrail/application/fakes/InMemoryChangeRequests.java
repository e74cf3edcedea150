package io.flagtrail.application.fakes;

import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.ChangeRequests;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Change requests in a map by id; newest first is id descending (ids are time-ordered, as UUIDv7 are). */
public final class InMemoryChangeRequests implements ChangeRequests, Rollbackable {

    private final Map<UUID, ChangeRequest> byId = new LinkedHashMap<>();

    @Override
    public synchronized void add(ChangeRequest request) {
        if (byId.putIfAbsent(request.id(), request) != null) {
            throw new IllegalStateException("a change request with id " + request.id() + " exists");
        }
    }

    @Override
    public synchronized boolean update(ChangeRequest after, long expectedVersion) {
        var stored = byId.get(after.id());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        byId.put(after.id(), after);
        return true;
    }

    @Override
    public synchronized Optional<ChangeRequest> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<ChangeRequest> lock(UUID id) {
        return find(id); // every call here is serialised already
    }

    @Override
    public synchronized List<ChangeRequest> due(Instant now, int limit) {
        return byId.values().stream().filter(r -> r.state() == ChangeRequestState.SCHEDULED)
                .filter(r -> !r.scheduledFor().isAfter(now)).sorted(Comparator.comparing(ChangeRequest::scheduledFor))
                .limit(limit).toList();
    }

    @Override
    public synchronized Page<ChangeRequest> list(Scope scope, Set<ChangeRequestState> states, String author,
                                                 String approver, int limit, String cursor) {
        var matching = byId.values().stream().filter(r -> r.scope().equals(scope))
                .filter(r -> states.isEmpty() || states.contains(r.state()))
                .filter(r -> author == null || r.author().reference().equals(author))
                .filter(r -> approver == null || r.approvals().stream()
                        .anyMatch(a -> a.approver().reference().equals(approver)))
                .filter(r -> cursor == null || r.id().compareTo(UUID.fromString(cursor)) < 0)
                .sorted(Comparator.comparing(ChangeRequest::id).reversed()).toList();
        var items = matching.stream().limit(limit).toList();
        return new Page<>(items, matching.size() > limit ? items.getLast().id().toString() : null);
    }

    @Override
    public synchronized Object snapshot() {
        return Map.copyOf(byId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byId.clear();
        byId.putAll((Map<UUID, ChangeRequest>) snapshot);
    }
}
