package io.flagtrail.adapter.persistence.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;
import java.util.UUID;

/** A user as stored in {@code users}; roles and grants as comma-separated lists. */
@MappedEntity("users")
record UserRow(
        @Id UUID id,
        String email,
        String emailNormalized,
        String displayName,
        String passwordHash,
        String roles,
        String roleGrants,
        String status,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {
}
