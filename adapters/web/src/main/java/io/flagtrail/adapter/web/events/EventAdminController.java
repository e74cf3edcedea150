package io.flagtrail.adapter.web.events;

import io.flagtrail.adapter.web.http.NotFoundResponse;
import io.flagtrail.adapter.web.http.Origins;
import io.flagtrail.adapter.web.http.PageResponse;
import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.http.ProblemResponses;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase.DispatchStatus;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase.HandlerStatus;
import io.flagtrail.application.port.in.ManageEventDispatchUseCase;
import io.flagtrail.application.port.in.QueryEventLogUseCase;
import io.flagtrail.application.port.model.DeadLetter;
import io.flagtrail.application.port.model.EventLogQuery;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.event.DomainEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code /api/v1/admin/events}, ADMIN only: the event catalogue, each handler with its counts, pause and resume of
 * dispatch (nothing is lost while paused: events wait in the outbox), and dead letters with their retry.
 */
@Controller("/api/v1/admin/events")
@ProblemResponses
@Tag(name = "Events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("ADMIN")
final class EventAdminController {

    @Serdeable
    @Schema(name = "EventHandler")
    record HandlerView(String name, long delivered, long failed, long pending, long deadLettered, int attempts,
                       @Nullable Instant nextAttemptAt, @Nullable String lastError, @Nullable Instant lastErrorAt,
                       @Nullable Instant lastDeliveredAt, boolean recovered) {
        static HandlerView of(HandlerStatus h) {
            return new HandlerView(h.name(), h.delivered(), h.failed(), h.pending(), h.deadLettered(), h.attempts(),
                    h.nextAttemptAt(), h.lastError(), h.lastErrorAt(), h.lastDeliveredAt(), h.recovered());
        }
    }

    @Serdeable
    @Schema(name = "EventDispatch")
    record DispatchView(boolean recording, boolean paused, long lagMillis, List<String> eventTypes,
                        List<HandlerView> handlers) {
        static DispatchView of(DispatchStatus s) {
            return new DispatchView(s.recording(), s.paused(), s.lagMillis(), s.eventTypes(),
                    s.handlers().stream().map(HandlerView::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "Event")
    record EventView(UUID eventId, String type, Instant occurredAt, Map<String, Object> aggregate,
                     Map<String, Object> payload) {
        static EventView of(DomainEvent e) {
            var aggregate = new java.util.LinkedHashMap<String, Object>();
            aggregate.put("type", e.aggregate().type());
            aggregate.put("id", e.aggregate().id());
            aggregate.put("key", e.aggregate().key());
            return new EventView(e.eventId(), e.type(), e.occurredAt(), aggregate, e.payload());
        }
    }

    @Serdeable
    @Schema(name = "DeadLetter")
    record DeadLetterView(long position, EventView event, int attempts, @Nullable String lastError, Instant deadAt,
                          boolean retryRequested) {
        static DeadLetterView of(DeadLetter d) {
            return new DeadLetterView(d.position(), EventView.of(d.event()), d.attempts(), d.lastError(), d.deadAt(),
                    d.retry());
        }
    }

    @Serdeable
    @Schema(name = "EventRetry")
    record RetryView(String handler, int deadLetters) {
    }

    private final ManageEventDispatchUseCase dispatch;
    /** Null unless {@code EVENTS_STORAGE} includes {@code db}. */
    private final QueryEventLogUseCase log;

    EventAdminController(ManageEventDispatchUseCase dispatch, @Nullable QueryEventLogUseCase log) {
        this.dispatch = dispatch;
        this.log = log;
    }

    /** The database event log ({@code EVENTS_STORAGE=db}), newest first, filtered and paged. */
    @Get("/log")
    @Operation(operationId = "listEventLog", summary = "The events kept in the database (EVENTS_STORAGE=db), newest first")
    @NotFoundResponse
    PageResponse<EventView> eventLog(@Nullable @QueryValue String type, @Nullable @QueryValue String aggregateType,
                                     @Nullable @QueryValue String aggregateKey, @Nullable @QueryValue String from,
                                     @Nullable @QueryValue String to, @Nullable @QueryValue String limit,
                                     @Nullable @QueryValue String cursor) {
        if (log == null) {
            throw new NotFound("events.log_off", "the database event log is off: EVENTS_STORAGE does not include db");
        }
        var page = log.query(new EventLogQuery(type, aggregateType, aggregateKey, Params.instant("from", from),
                Params.instant("to", to), Params.limit(limit), cursor));
        return new PageResponse<>(page.items().stream().map(EventView::of).toList(), page.nextCursor());
    }

    @Get
    @Operation(operationId = "eventDispatchStatus", summary = "Event recording and dispatch: paused, lag, event types")
    DispatchView status() {
        return DispatchView.of(dispatch.status());
    }

    @Get("/types")
    @Operation(operationId = "eventTypes", summary = "The event types each handler receives")
    Map<String, List<String>> types() {
        return Map.of("types", dispatch.status().eventTypes());
    }

    @Get("/handlers")
    @Operation(operationId = "eventHandlers", summary = "Each handler's deliveries, failures, backlog and dead letters")
    Map<String, List<HandlerView>> handlers() {
        return Map.of("handlers", dispatch.status().handlers().stream().map(HandlerView::of).toList());
    }

    @Post("/pause")
    @Operation(operationId = "pauseEventDispatch", summary = "Pause delivery (events are still recorded)")
    DispatchView pause(HttpRequest<?> request, Authentication user) {
        dispatch.pause(Origins.of(request, user));
        return status();
    }

    @Post("/resume")
    @Operation(operationId = "resumeEventDispatch", summary = "Resume delivery")
    DispatchView resume(HttpRequest<?> request, Authentication user) {
        dispatch.resume(Origins.of(request, user));
        return status();
    }

    @Get("/handlers/{name}/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "A handler's dead-lettered events with their last error")
    @NotFoundResponse
    PageResponse<DeadLetterView> deadLetters(@PathVariable String name, @Nullable @QueryValue String limit) {
        return new PageResponse<>(dispatch.deadLetters(name, Params.limit(limit)).stream().map(DeadLetterView::of).toList(),
                null);
    }

    /** Delivers the handler's dead letters again on its next round; each one that fails again stays dead. */
    @Post("/handlers/{name}/retry")
    @Operation(operationId = "retryDeadLetters", summary = "Deliver a handler's dead letters again")
    @NotFoundResponse
    RetryView retry(HttpRequest<?> request, Authentication user, @PathVariable String name) {
        return new RetryView(name, dispatch.retryDeadLetters(name, Origins.of(request, user)));
    }
}
