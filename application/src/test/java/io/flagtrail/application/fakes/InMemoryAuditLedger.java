package io.flagtrail.application.fakes;

import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.domain.ledger.LedgerHash;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import io.flagtrail.domain.audit.AuditEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The ledger as a list, with its hash chain alongside; can be told to fail the next appends, as a full disk or a
 * broken trigger would, and lets tests tamper with sealed entries as a database owner could.
 */
public final class InMemoryAuditLedger implements AuditLedger, LedgerChain, Rollbackable {

    private final List<AuditEntry> entries = new ArrayList<>();
    private final Map<Integer, Seal> seals = new HashMap<>();
    private final Map<Integer, Map<String, Object>> tampered = new HashMap<>();
    private Predicate<AuditEntry> refused = entry -> false;

    public synchronized void failAppends() {
        refuse(entry -> true);
    }

    /** From now on an append that holds an entry matching {@code rule} fails whole, as a check constraint would. */
    public synchronized void refuse(Predicate<AuditEntry> rule) {
        refused = rule;
    }

    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(List<AuditEntry> appended) {
        if (appended.stream().anyMatch(refused)) {
            throw new IllegalStateException("ledger unavailable");
        }
        entries.addAll(appended);
    }

    @Override
    public synchronized Page<AuditEntry> query(AuditQuery q) {
        var newestFirst = newestFirst();
        int start = q.cursor() == null ? 0 : newestFirst.indexOf(Integer.parseInt(q.cursor())) + 1;
        var matching = newestFirst.subList(start, newestFirst.size()).stream()
                .filter(i -> matches(entries.get(i), q)).limit(q.limit() + 1L).toList();
        var items = matching.stream().limit(q.limit()).map(entries::get).toList();
        String next = matching.size() > q.limit() ? String.valueOf(matching.get(q.limit() - 1)) : null;
        return new Page<>(items, next);
    }

    /** Indexes of the entries as the adapters list them: newest first by time, then by insertion (seq). */
    private List<Integer> newestFirst() {
        return IntStream.range(0, entries.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> entries.get(i).occurredAt())
                        .thenComparing(i -> i).reversed())
                .toList();
    }

    private static boolean matches(AuditEntry e, AuditQuery q) {
        return (q.subjectType() == null || q.subjectType().equals(e.subject().type()))
                && (q.subjectId() == null || q.subjectId().equals(e.subject().id()))
                && (q.subjectKey() == null || q.subjectKey().equals(e.subject().key()))
                && (q.actorId() == null || q.actorId().equals(e.actor().id()))
                && (q.action() == null || q.action() == e.action())
                && (q.category() == null || q.category() == e.category())
                && (q.project() == null || e.place() != null && q.project().equals(e.place().project()))
                && (q.environment() == null || e.place() != null && q.environment().equals(e.place().environment()))
                && (q.from() == null || !e.occurredAt().isBefore(q.from()))
                && (q.to() == null || e.occurredAt().isBefore(q.to()));
    }

    /** Overwrites the reason of the sealed entry at {@code position}, leaving its hash as it was. */
    public synchronized void tamperReason(long position, String reason) {
        int index = indexOf(position);
        var fields = new HashMap<>(fields(index));
        fields.put("reason", reason);
        tampered.put(index, fields);
    }

    @Override
    public boolean tryLead() {
        return true;
    }

    @Override
    public synchronized Head head() {
        return seals.values().stream().max(Comparator.comparingLong(Seal::position))
                .map(s -> new Head(s.position(), s.hash())).orElse(new Head(0, LedgerHash.GENESIS));
    }

    @Override
    public synchronized List<Pending> pending(int limit) {
        return IntStream.range(0, entries.size()).filter(i -> !seals.containsKey(i)).limit(limit)
                .mapToObj(i -> new Pending(i, fields(i))).toList();
    }

    @Override
    public synchronized void seal(List<Seal> sealed) {
        sealed.forEach(s -> seals.put((int) s.ref(), s));
    }

    @Override
    public synchronized String hashAt(long position) {
        // null for a position not sealed, as the table's look-up answers
        return seals.values().stream().filter(s -> s.position() == position).map(Seal::hash).findFirst().orElse(null);
    }

    @Override
    public synchronized void read(long from, long to, Predicate<Link> each) {
        var inOrder = seals.entrySet().stream()
                .filter(e -> e.getValue().position() >= from && e.getValue().position() <= to)
                .sorted(Comparator.comparingLong(e -> e.getValue().position())).toList();
        for (var e : inOrder) {
            var s = e.getValue();
            if (!each.test(new Link(s.position(), s.prevHash(), s.hash(), fields(e.getKey())))) {
                return;
            }
        }
    }

    @Override
    public synchronized void export(AuditQuery q, Predicate<Link> each) {
        for (int i : newestFirst()) {
            if (matches(entries.get(i), q)) {
                var s = seals.get(i);
                var link = s == null ? new Link(null, null, null, fields(i)) : new Link(s.position(), s.prevHash(), s.hash(), fields(i));
                if (!each.test(link)) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized Backlog backlog() {
        var unsealed = IntStream.range(0, entries.size()).filter(i -> !seals.containsKey(i)).boxed().toList();
        return new Backlog(Math.min(unsealed.size(), Backlog.COUNTED_UP_TO),
                unsealed.isEmpty() ? null : entries.get(unsealed.getFirst()).occurredAt());
    }

    /** What the fake hashes: enough of the entry that any change to it shows. */
    private Map<String, Object> fields(int index) {
        if (tampered.containsKey(index)) {
            return tampered.get(index);
        }
        var e = entries.get(index);
        var fields = new HashMap<String, Object>();
        fields.put("id", e.id().toString());
        fields.put("category", e.action().category().name());
        fields.put("action", e.action().name());
        fields.put("outcome", e.outcome().name());
        fields.put("severity", e.severity().name());
        // the entry as the real ledger form has it, so that a bundle's selection and report read it alike
        var actor = new java.util.LinkedHashMap<String, Object>();
        actor.put("type", e.actor().type().name());
        actor.put("id", e.actor().id());
        actor.put("displayName", e.actor().displayName());
        actor.put("email", e.actor().email());
        fields.put("actor", actor);
        fields.put("changes", e.changes().stream().map(c -> {
            var change = new java.util.LinkedHashMap<String, Object>();
            change.put("field", c.field());
            change.put("from", c.from());
            change.put("to", c.to());
            return change;
        }).toList());
        var context = new java.util.LinkedHashMap<String, Object>();
        context.put("requestId", e.context().requestId());
        context.put("traceparent", e.context().traceparent());
        context.put("channel", e.context().channel().name());
        context.put("ip", e.context().ip());
        context.put("userAgent", e.context().userAgent());
        fields.put("context", context);
        var subject = new java.util.LinkedHashMap<String, Object>();
        subject.put("type", e.subject().type());
        subject.put("id", e.subject().id());
        subject.put("key", e.subject().key());
        fields.put("subject", subject);
        fields.put("reason", e.reason());
        fields.put("before", e.before());
        fields.put("after", e.after());
        fields.put("occurredAt", e.occurredAt().toString());
        return fields;
    }

    private int indexOf(long position) {
        return seals.entrySet().stream().filter(e -> e.getValue().position() == position).findFirst()
                .orElseThrow().getKey();
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
