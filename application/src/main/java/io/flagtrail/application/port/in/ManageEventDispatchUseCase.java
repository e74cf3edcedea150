package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.DeadLetter;
import java.time.Instant;
import java.util.List;

/** What an admin sees and does with event dispatch: handlers with their counts, pause, resume, retry dead letters. */
public interface ManageEventDispatchUseCase {

    /**
     * One handler. {@code lastError} is kept for the record with {@code lastErrorAt}; {@code recovered} says whether a
     * delivery has succeeded since ({@code lastDeliveredAt} after it), so an old error next to {@code pending: 0} is
     * read as history, not as a current fault.
     */
    record HandlerStatus(String name, long delivered, long failed, long pending, long deadLettered, int attempts,
                         Instant nextAttemptAt, String lastError, Instant lastErrorAt, Instant lastDeliveredAt,
                         boolean recovered) {
    }

    /** {@code lagMillis} is the age of the oldest event some handler has not had yet (0 when none waits). */
    record DispatchStatus(boolean recording, boolean paused, long lagMillis, List<String> eventTypes,
                          List<HandlerStatus> handlers) {
    }

    DispatchStatus status();

    void pause(Origin origin);

    void resume(Origin origin);

    /** Asks for every dead letter of the handler to be delivered again; answers how many. */
    int retryDeadLetters(String handler, Origin origin);

    List<DeadLetter> deadLetters(String handler, int limit);
}
