package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.domain.event.DomainEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stored events and each handler's delivery state. Events get a gapless {@code position} in the order they
 * became visible (committed) — so a handler's cursor never skips an event that committed late — and every handler
 * keeps its own cursor, retry state, counts and dead letters. Methods join the caller's transaction.
 */
public interface Outbox {

    /** An event with its place in the delivery order. */
    record StoredEvent(long position, DomainEvent event) {
    }

    /**
     * A handler's delivery state: everything up to {@code position} is delivered or dead-lettered. {@code lastError}
     * stays for the record; {@code lastErrorAt} and {@code lastDeliveredAt} say whether delivery has recovered since.
     */
    record Cursor(String handler, long position, int attempts, Instant nextAttemptAt, String lastError,
                  Instant lastErrorAt, Instant lastDeliveredAt, long delivered, long failed, long deadLettered) {

        /** A new handler's cursor, at the start of the outbox. */
        public static Cursor start(String handler) {
            return new Cursor(handler, 0, 0, null, null, null, null, 0, 0, 0);
        }

        public Cursor delivered(long at, Instant now) {
            return new Cursor(handler, at, 0, null, lastError, lastErrorAt, now, delivered + 1, failed, deadLettered);
        }

        public Cursor failed(int attemptsSoFar, Instant retryAt, String error, Instant now) {
            return new Cursor(handler, position, attemptsSoFar, retryAt, error, now, lastDeliveredAt, delivered,
                    failed + 1, deadLettered);
        }

        public Cursor deadLettered(long at, String error, Instant now) {
            return new Cursor(handler, at, 0, null, error, now, lastDeliveredAt, delivered, failed + 1, deadLettered + 1);
        }

        public Cursor redelivered(Instant now) {
            return new Cursor(handler, position, attempts, nextAttemptAt, lastError, lastErrorAt, now, delivered + 1,
                    failed, deadLettered);
        }

        public Cursor failedAgain(String error, Instant now) {
            return new Cursor(handler, position, attempts, nextAttemptAt, error, now, lastDeliveredAt, delivered,
                    failed + 1, deadLettered);
        }

        /** Whether the last error is behind it: nothing failed yet, or a delivery succeeded after the last failure. */
        public boolean recovered() {
            return lastErrorAt == null || lastDeliveredAt != null && lastDeliveredAt.isAfter(lastErrorAt);
        }
    }

    /** Within the caller's transaction, becomes the one instance that stamps positions; false when another does. */
    boolean tryLeadStamping();

    /** Gives positions to up to {@code limit} unstamped events, oldest visible first; answers how many. */
    int stamp(int limit);

    /** Creates the handler's cursor at the start of the outbox unless it has one. */
    void register(String handler);

    /** The handler's cursor, locked for this transaction; empty when another instance holds it now. */
    Optional<Cursor> lock(String handler);

    /** Stamped events after {@code position}, in order. */
    List<StoredEvent> after(long position, int limit);

    void save(Cursor cursor);

    void deadLetter(DeadLetter letter);

    /** Dead letters of the handler that an admin asked to retry. */
    List<DeadLetter> retrying(String handler, int limit);

    /** Settles a retried dead letter: gone when delivered, dead again (one attempt more) when not. */
    void settleRetry(DeadLetter letter, boolean delivered, String error);

    /** Marks every dead letter of the handler for retry; answers how many. */
    int requestRetry(String handler);

    List<DeadLetter> deadLetters(String handler, int limit);

    boolean paused();

    void setPaused(boolean paused);

    List<Cursor> cursors();

    /** Events not yet delivered past {@code position}, stamped or not. */
    long pendingAfter(long position);

    /** When the oldest event not yet delivered to every one of {@code handlers} happened; empty when none waits. */
    Optional<Instant> oldestUndelivered(Collection<String> handlers);

    /** Deletes up to {@code limit} events every one of {@code handlers} is past and that happened before {@code before}. */
    int deleteDelivered(Collection<String> handlers, Instant before, int limit);
}
