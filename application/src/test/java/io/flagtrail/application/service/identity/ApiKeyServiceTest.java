package io.flagtrail.application.service.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.InMemoryApiKeys;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.apikey.ApiKeyScope;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.Unauthenticated;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyServiceTest {

    final InMemoryApiKeys keys = new InMemoryApiKeys();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final FixedClock clock = new FixedClock(Instant.parse("2026-05-01T00:00:00Z"));
    final ApiKeyService service = new ApiKeyService(
            new CachingApiKeys(keys, clock, Duration.ofSeconds(1), Duration.ofMinutes(5)),
            io.flagtrail.application.fakes.InMemoryProjects.seeded(), new AuditTrail(ledger, clock, new SequentialIds()), new InMemoryTransactions(keys, ledger), clock,
            new SequentialIds());
    final Origin admin = new Origin(Actor.system("admin"), RequestContext.system());

    @Test
    void a_key_is_bound_to_an_environment_that_exists_and_its_entry_names_it() {
        var development = new io.flagtrail.domain.project.Scope(io.flagtrail.domain.project.ProjectKey.DEFAULT,
                io.flagtrail.domain.project.EnvironmentKey.DEVELOPMENT);
        var created = service.create("dev-sdk", Set.of(ApiKeyScope.EVALUATE), development, null, admin);

        assertEquals(development, service.authenticate(created.secret()).boundTo());
        assertEquals("development", ledger.entries().getLast().after().get("environment"));
        var missing = org.junit.jupiter.api.Assertions.assertThrows(io.flagtrail.domain.error.NotFound.class, () ->
                service.create("qa-sdk", Set.of(ApiKeyScope.EVALUATE), new io.flagtrail.domain.project.Scope(
                        io.flagtrail.domain.project.ProjectKey.DEFAULT, new io.flagtrail.domain.project.EnvironmentKey("qa")),
                        null, admin));
        assertEquals("environment.not_found", missing.code());
    }

    @Test
    void a_created_key_authenticates_and_records_its_last_use_at_most_once_a_minute() {
        var created = service.create("ci", Set.of(ApiKeyScope.EVALUATE), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);

        assertEquals(created.key().id(), service.authenticate(created.secret()).id());
        var firstUse = keys.find(created.key().id()).orElseThrow().lastUsedAt();
        clock.advance(Duration.ofSeconds(30));
        service.authenticate(created.secret());

        assertEquals(clock.now().minusSeconds(30), firstUse);
        assertEquals(firstUse, keys.find(created.key().id()).orElseThrow().lastUsedAt(), "not rewritten within a minute");
        assertEquals(AuditAction.API_KEY_CREATED, ledger.entries().getFirst().action());
        assertTrue(ledger.entries().stream().map(Object::toString).noneMatch(e -> e.contains(created.secret())));
    }

    @Test
    void a_wrong_revoked_or_expired_key_is_refused_alike() {
        var created = service.create("ci", Set.of(ApiKeyScope.FEATURES_READ), io.flagtrail.domain.project.Scope.COMPATIBILITY, clock.now().plusSeconds(60), admin);
        String secret = created.secret();
        String sameLookupOtherSecret = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");

        assertThrows(Unauthenticated.class, () -> service.authenticate(sameLookupOtherSecret));
        assertThrows(Unauthenticated.class, () -> service.authenticate("ft_short"));
        clock.advance(Duration.ofSeconds(61));
        assertThrows(Unauthenticated.class, () -> service.authenticate(secret), "expired");

        var other = service.create("other", Set.of(ApiKeyScope.FEATURES_READ), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);
        service.revoke(other.key().id(), admin);
        assertThrows(Unauthenticated.class, () -> service.authenticate(other.secret()), "revoked");
        assertEquals(AuditAction.API_KEY_REVOKED, ledger.entries().getLast().action());
    }

    @Test
    void a_key_is_kept_for_a_second_so_another_instances_revocation_is_seen_within_it() {
        var created = service.create("sdk", Set.of(ApiKeyScope.EVALUATE), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);
        service.authenticate(created.secret());
        // Another instance revokes it: the row changes, this instance's kept copy does not.
        keys.revoke(keys.find(created.key().id()).orElseThrow().revoke(clock.now()));

        assertEquals(created.key().id(), service.authenticate(created.secret()).id(), "within the second: kept");
        clock.advance(Duration.ofMillis(1_001));
        assertThrows(Unauthenticated.class, () -> service.authenticate(created.secret()), "after it: read again");
    }

    @Test
    void a_revocation_through_this_instance_applies_to_the_next_request_and_last_use_stays_once_a_minute() {
        var created = service.create("sdk", Set.of(ApiKeyScope.EVALUATE), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);
        service.authenticate(created.secret());
        clock.advance(Duration.ofSeconds(61));
        service.authenticate(created.secret());
        var secondUse = keys.find(created.key().id()).orElseThrow().lastUsedAt();
        clock.advance(Duration.ofMillis(500));
        service.authenticate(created.secret());

        assertEquals(secondUse, keys.find(created.key().id()).orElseThrow().lastUsedAt(), "the kept copy knows its last use");
        service.revoke(created.key().id(), admin);
        assertThrows(Unauthenticated.class, () -> service.authenticate(created.secret()));
    }

    @Test
    void while_the_store_is_down_a_kept_key_keeps_working_until_it_is_too_stale_and_unknown_keys_fail() {
        var created = service.create("sdk", Set.of(ApiKeyScope.EVALUATE), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);
        var never = service.create("never-used", Set.of(ApiKeyScope.EVALUATE), io.flagtrail.domain.project.Scope.COMPATIBILITY, null, admin);
        service.authenticate(created.secret());
        keys.failing(true);
        clock.advance(Duration.ofSeconds(2));

        assertEquals(created.key().id(), service.authenticate(created.secret()).id(), "served from the kept copy");
        int readsWhileFailing = keys.reads();
        clock.advance(Duration.ofSeconds(2));
        service.authenticate(created.secret());
        assertEquals(readsWhileFailing, keys.reads(), "within the retry pause the store is not asked again");
        assertThrows(IllegalStateException.class, () -> service.authenticate(never.secret()), "never kept: the failure");

        clock.advance(Duration.ofMinutes(5));
        assertThrows(IllegalStateException.class, () -> service.authenticate(created.secret()), "too stale");

        keys.failing(false);
        clock.advance(CachingApiKeys.STORE_RETRY);
        assertEquals(created.key().id(), service.authenticate(created.secret()).id(), "the store answers again");
    }
}
