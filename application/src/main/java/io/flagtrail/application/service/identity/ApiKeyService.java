package io.flagtrail.application.service.identity;

import io.flagtrail.application.port.in.ApiKeyUseCases.AuthenticateApiKeyUseCase;
import io.flagtrail.application.port.in.ApiKeyUseCases.CreatedApiKey;
import io.flagtrail.application.port.in.ApiKeyUseCases.ManageApiKeysUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.ApiKeys;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.scope.Places;
import io.flagtrail.domain.apikey.ApiKey;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.Unauthenticated;
import io.flagtrail.domain.project.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * API keys: {@code ft_} + 256 random bits (base64url), shown once. The first 12 characters after the prefix are the
 * look-up (indexed, not secret on its own); the SHA-256 of the whole secret is compared in constant time, and expiry
 * and revocation are checked, on every request. Last use is written at most once a minute per key, so that a busy
 * key does not turn every read into a write. Keys are read through whatever {@link ApiKeys} is handed in: the
 * application wires {@link CachingApiKeys} in front of the store.
 */
public final class ApiKeyService implements ManageApiKeysUseCase, AuthenticateApiKeyUseCase {

    public static final String PREFIX = "ft_";
    static final int LOOKUP_LENGTH = 12;
    private static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);

    private final ApiKeys keys;
    private final Projects projects;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public ApiKeyService(ApiKeys keys, Projects projects, AuditTrail trail, Transactions transactions, Clock clock,
                         IdGenerator ids) {
        this.keys = keys;
        this.projects = projects;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public CreatedApiKey create(String name, Set<ApiKeyScope> scopes, Scope boundTo, Instant expiresAt,
                                Origin origin) {
        String secret = SecretTokens.create(PREFIX);
        var key = new ApiKey(ids.newId(), name, secret.substring(0, PREFIX.length() + 6), scopes,
                Objects.requireNonNull(boundTo, "boundTo"), origin.actor().reference(), clock.now(), expiresAt, null, null);
        return transactions.inTransaction(() -> {
            Places.of(projects, boundTo);
            keys.add(key, lookup(secret), SecretTokens.sha256(secret));
            record(AuditAction.API_KEY_CREATED, null, key, origin);
            return new CreatedApiKey(key, secret);
        });
    }

    @Override
    public List<ApiKey> list() {
        return keys.list();
    }

    @Override
    public ApiKey revoke(UUID id, Origin origin) {
        return transactions.inTransaction(() -> {
            var before = keys.find(id).orElseThrow(() -> new NotFound("api_key.not_found", "no API key " + id));
            var after = before.revoke(clock.now());
            keys.revoke(after);
            record(AuditAction.API_KEY_REVOKED, before, after, origin);
            return after;
        });
    }

    @Override
    public ApiKey authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() < PREFIX.length() + LOOKUP_LENGTH
                || secret.length() > 100) {
            throw refused();
        }
        var now = clock.now();
        var stored = keys.findByLookup(lookup(secret)).orElseThrow(ApiKeyService::refused);
        if (!MessageDigest.isEqual(SecretTokens.sha256(secret).getBytes(StandardCharsets.US_ASCII),
                stored.secretHash().getBytes(StandardCharsets.US_ASCII)) || !stored.key().usableAt(now)) {
            throw refused();
        }
        var key = stored.key();
        if (key.lastUsedAt() == null || !now.isBefore(key.lastUsedAt().plus(LAST_USE_RESOLUTION))) {
            keys.used(key.id(), now);
        }
        return key;
    }

    private void record(AuditAction action, ApiKey before, ApiKey after, Origin origin) {
        trail.entry(action, origin).on(new Subject("api-key", after.id().toString(), after.name()))
                .severity(Severity.NOTICE).changed(before == null ? null : before.snapshot(), after.snapshot()).record();
    }

    private static String lookup(String secret) {
        return secret.substring(PREFIX.length(), PREFIX.length() + LOOKUP_LENGTH);
    }

    private static Unauthenticated refused() {
        return new Unauthenticated("auth.invalid_api_key", "the API key is not valid");
    }
}
