package io.flagtrail.adapter.web.audit;

import io.flagtrail.domain.audit.AuditEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An audit entry as the API shows it. */
@Serdeable
@Schema(name = "AuditEntry")
public record AuditEntryResponse(UUID id, String category, String action, String outcome, String severity,
                                 ActorView actor, SubjectView subject, @Nullable String reason,
                                 @Nullable @Schema(types = {"object", "null"}) Map<String, Object> before,
                                 @Nullable @Schema(types = {"object", "null"}) Map<String, Object> after,
                                 List<ChangeView> changes, ContextView context, Instant occurredAt,
                                 @Nullable @Schema(types = {"string", "null"}, description = "the project the change "
                                         + "applies to, where it applies to one") String project,
                                 @Nullable @Schema(types = {"string", "null"}, description = "the environment of "
                                         + "that project, where the change is of one") String environment) {

    @Serdeable
    @Schema(name = "AuditActor")
    public record ActorView(String type, String id, String displayName,
                            @Nullable @Schema(types = {"string", "null"}) String email) {
    }

    @Serdeable
    @Schema(name = "AuditSubject")
    public record SubjectView(String type, String id, @Nullable String key) {
    }

    @Serdeable
    @Schema(name = "FieldChange")
    public record ChangeView(String field, @Nullable Object from, @Nullable Object to) {
    }

    @Serdeable
    @Schema(name = "AuditContext")
    public record ContextView(@Nullable String requestId, @Nullable String traceparent, String channel,
                              @Nullable String ip, @Nullable String userAgent) {
    }

    public static AuditEntryResponse from(AuditEntry e) {
        var actor = e.actor();
        var place = e.place();
        var context = e.context();
        return new AuditEntryResponse(e.id(), e.category().name(), e.action().name(), e.outcome().name(),
                e.severity().name(),
                new ActorView(actor.type().name(), actor.id(), actor.displayName(), actor.email()),
                new SubjectView(e.subject().type(), e.subject().id(), e.subject().key()), e.reason(),
                e.before(), e.after(),
                e.changes().stream().map(c -> new ChangeView(c.field(), c.from(), c.to())).toList(),
                new ContextView(context.requestId(), context.traceparent(), context.channel().name(), context.ip(),
                        context.userAgent()),
                e.occurredAt(), place == null ? null : place.project(), place == null ? null : place.environment());
    }
}
