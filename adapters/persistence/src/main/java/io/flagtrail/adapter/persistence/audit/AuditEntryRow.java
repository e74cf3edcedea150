package io.flagtrail.adapter.persistence.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/**
 * An audit entry as stored; snapshots and changes are JSON text. Written to {@code audit_pending} (hence the mapped
 * table), read from there or from {@code audit_entries} once sealed: the two tables have the same columns (ADR 0010). The place columns
 * ({@code project_key}, {@code env_key}) are an index for filters, not hashed.
 */
@MappedEntity("audit_pending")
record AuditEntryRow(
        @Id @GeneratedValue @Nullable Long seq,
        UUID id,
        String category,
        String action,
        String outcome,
        String severity,
        String actorType,
        String actorId,
        String actorName,
        @Nullable String actorEmail,
        String subjectType,
        String subjectId,
        @Nullable String subjectKey,
        @Nullable String reason,
        @Nullable String beforeState,
        @Nullable String afterState,
        String changes,
        @Nullable String requestId,
        @Nullable String traceparent,
        String channel,
        @Nullable String clientIp,
        @Nullable String userAgent,
        Instant occurredAt,
        @Nullable Long position,
        @Nullable String prevHash,
        @Nullable String hash,
        @Nullable String projectKey,
        @Nullable String envKey) {
}
