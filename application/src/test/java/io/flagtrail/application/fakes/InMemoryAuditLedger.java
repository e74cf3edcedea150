package io.flagtrail.application.fakes;

import io.flagtrail.application.port.in.AuditQuery;
import io.flagtrail.application.port.in.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.domain.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/** The ledger as a list; can be told to fail the next appends, as a full disk or a broken trigger would. */
public final class InMemoryAuditLedger implements AuditLedger, Rollbackable {

    private final List<AuditEntry> entries = new ArrayList<>();
    private boolean failing;

    public synchronized void failAppends() {
        failing = true;
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(List<AuditEntry> appended) {
        if (failing) {
            throw new IllegalStateException("ledger unavailable");
        }
        entries.addAll(appended);
    }

    @Override
    public synchronized Page<AuditEntry> query(AuditQuery q) {
        int before = q.cursor() == null ? entries.size() : Integer.parseInt(q.cursor());
        var matching = IntStream.iterate(before - 1, i -> i >= 0, i -> i - 1)
                .filter(i -> matches(entries.get(i), q)).limit(q.limit() + 1L).boxed().toList();
        var items = matching.stream().limit(q.limit()).map(entries::get).toList();
        String next = matching.size() > q.limit() ? String.valueOf(matching.get(q.limit() - 1)) : null;
        return new Page<>(items, next);
    }

    private static boolean matches(AuditEntry e, AuditQuery q) {
        return (q.subjectType() == null || q.subjectType().equals(e.subject().type()))
                && (q.subjectId() == null || q.subjectId().equals(e.subject().id()))
                && (q.subjectKey() == null || q.subjectKey().equals(e.subject().key()))
                && (q.actorId() == null || q.actorId().equals(e.actor().id()))
                && (q.action() == null || q.action() == e.action())
                && (q.category() == null || q.category() == e.category())
                && (q.from() == null || !e.occurredAt().isBefore(q.from()))
                && (q.to() == null || e.occurredAt().isBefore(q.to()));
    }

    @Override
    public synchronized Object snapshot() {
        return entries.size();
    }

    @Override
    public synchronized void restore(Object snapshot) {
        int size = (Integer) Objects.requireNonNull(snapshot);
        entries.subList(size, entries.size()).clear();
    }
}
