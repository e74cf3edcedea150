package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.EventPublisher;
import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.application.port.out.Outbox;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outbox as lists and maps, taking part in {@link InMemoryTransactions}. It can be told to crash the next time a
 * cursor is saved — after the handler ran, before its delivery is marked — as a process killed there would.
 */
public final class InMemoryOutbox implements EventPublisher, Outbox, Rollbackable {

    private List<DomainEvent> unstamped = new ArrayList<>();
    private TreeMap<Long, DomainEvent> stamped = new TreeMap<>();
    private Map<String, Cursor> cursors = new LinkedHashMap<>();
    private Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
    private boolean paused;
    private int crashesOnSave;

    public synchronized void crashOnNextSave() {
        crashesOnSave++;
    }

    public synchronized List<DomainEvent> published() {
        var all = new ArrayList<>(stamped.values());
        all.addAll(unstamped);
        return all;
    }

    @Override
    public synchronized void publish(List<DomainEvent> events) {
        unstamped.addAll(events);
    }

    @Override
    public boolean tryLeadStamping() {
        return true;
    }

    @Override
    public synchronized int stamp(int limit) {
        int count = Math.min(limit, unstamped.size());
        for (int i = 0; i < count; i++) {
            stamped.put(stamped.isEmpty() ? 1 : stamped.lastKey() + 1, unstamped.removeFirst());
        }
        return count;
    }

    @Override
    public synchronized void register(String handler) {
        cursors.putIfAbsent(handler, Cursor.start(handler));
    }

    @Override
    public synchronized Optional<Cursor> lock(String handler) {
        return Optional.ofNullable(cursors.get(handler));
    }

    @Override
    public synchronized List<StoredEvent> after(long position, int limit) {
        return stamped.tailMap(position, false).entrySet().stream().limit(limit)
                .map(e -> new StoredEvent(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized void save(Cursor cursor) {
        if (crashesOnSave > 0) {
            crashesOnSave--;
            throw new IllegalStateException("crashed before the delivery was marked");
        }
        cursors.put(cursor.handler(), cursor);
    }

    @Override
    public synchronized void deadLetter(DeadLetter letter) {
        deadLetters.put(letter.handler() + "@" + letter.position(), letter);
    }

    @Override
    public synchronized List<DeadLetter> retrying(String handler, int limit) {
        return deadLetters(handler, Integer.MAX_VALUE).stream().filter(DeadLetter::retry).limit(limit).toList();
    }

    @Override
    public synchronized void settleRetry(DeadLetter letter, boolean delivered, String error) {
        String id = letter.handler() + "@" + letter.position();
        if (delivered) {
            deadLetters.remove(id);
        } else {
            deadLetters.put(id, new DeadLetter(letter.handler(), letter.position(), letter.event(),
                    letter.attempts() + 1, error, letter.deadAt(), false));
        }
    }

    @Override
    public synchronized int requestRetry(String handler) {
        int asked = 0;
        for (var entry : deadLetters.entrySet()) {
            var d = entry.getValue();
            if (d.handler().equals(handler) && !d.retry()) {
                entry.setValue(new DeadLetter(d.handler(), d.position(), d.event(), d.attempts(), d.lastError(),
                        d.deadAt(), true));
                asked++;
            }
        }
        return asked;
    }

    @Override
    public synchronized List<DeadLetter> deadLetters(String handler, int limit) {
        return deadLetters.values().stream().filter(d -> d.handler().equals(handler)).limit(limit).toList();
    }

    @Override
    public synchronized boolean paused() {
        return paused;
    }

    @Override
    public synchronized void setPaused(boolean paused) {
        this.paused = paused;
    }

    @Override
    public synchronized List<Cursor> cursors() {
        return List.copyOf(cursors.values());
    }

    @Override
    public synchronized long pendingAfter(long position) {
        return stamped.tailMap(position, false).size() + unstamped.size();
    }

    @Override
    public synchronized Optional<Instant> oldestUndelivered(Collection<String> handlers) {
        long lowest = handlers.stream().mapToLong(h -> cursors.get(h).position()).min().orElse(Long.MAX_VALUE);
        return java.util.stream.Stream.concat(stamped.tailMap(lowest, false).values().stream(), unstamped.stream())
                .map(DomainEvent::occurredAt).min(Instant::compareTo);
    }

    @Override
    public synchronized int deleteDelivered(Collection<String> handlers, Instant before, int limit) {
        long lowest = handlers.stream().mapToLong(h -> cursors.get(h).position()).min().orElse(0);
        var gone = stamped.headMap(lowest, true).entrySet().stream()
                .filter(e -> e.getValue().occurredAt().isBefore(before)).limit(limit).map(Map.Entry::getKey).toList();
        gone.forEach(stamped::remove);
        return gone.size();
    }

    @Override
    public synchronized Object snapshot() {
        return new Object[]{new ArrayList<>(unstamped), new TreeMap<>(stamped), new LinkedHashMap<>(cursors),
                new LinkedHashMap<>(deadLetters), paused};
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        var parts = (Object[]) snapshot;
        unstamped = (List<DomainEvent>) parts[0];
        stamped = (TreeMap<Long, DomainEvent>) parts[1];
        cursors = (Map<String, Cursor>) parts[2];
        deadLetters = (Map<String, DeadLetter>) parts[3];
        paused = (Boolean) parts[4];
    }
}
