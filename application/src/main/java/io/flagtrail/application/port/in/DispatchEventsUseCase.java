package io.flagtrail.application.port.in;

import java.util.List;

/**
 * The relay's work, one step at a time, for whatever drives it: stamp newly committed events, deliver a batch to
 * one handler, clean up what every handler is past. Each step is its own transaction.
 */
public interface DispatchEventsUseCase {

    /** What one delivery round to one handler did; {@code skipped} when paused, backing off or held elsewhere. */
    record DeliveryRound(String handler, int delivered, int failed, int deadLettered, boolean skipped) {
    }

    /** The names of every handler, in a stable order. */
    List<String> handlers();

    /** Gives every handler a cursor; call once at start. */
    void registerHandlers();

    int stampPending();

    DeliveryRound deliver(String handler);

    /** Deletes events every handler is past and that are older than the keep period. */
    int cleanUp();
}
