package io.flagtrail.application.service.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.FixedClock;
import io.flagtrail.application.fakes.HeardNotices;
import io.flagtrail.application.fakes.InMemoryUsers;
import io.flagtrail.application.service.identity.GrantRevocations;
import io.flagtrail.application.service.identity.UserChanges;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.user.User;
import java.util.Set;
import java.util.UUID;
import io.flagtrail.application.fakes.InMemoryAuditLedger;
import io.flagtrail.application.fakes.InMemoryProjects;
import io.flagtrail.application.fakes.InMemoryTransactions;
import io.flagtrail.application.fakes.SequentialIds;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.ChangeProject;
import io.flagtrail.application.port.in.ProjectUseCases.CreateEnvironment;
import io.flagtrail.application.port.in.ProjectUseCases.CreateProject;
import io.flagtrail.application.port.in.ProjectUseCases.DeleteEnvironment;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditCategory;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.application.fakes.CountingMetrics;
import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.application.fakes.InMemoryOutbox;
import io.flagtrail.application.fakes.RecordingLogger;
import io.flagtrail.application.fakes.Wiring;
import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.service.feature.FeatureCommandService;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectServiceTest {

    final InMemoryProjects projects = new InMemoryProjects();
    final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    final FixedClock clock = new FixedClock(Instant.parse("2026-12-01T09:00:00Z"));
    final InMemoryFeatures features = new InMemoryFeatures();
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final InMemoryUsers users = new InMemoryUsers();
    final InMemoryTransactions transactions = new InMemoryTransactions(projects, features, users, ledger, outbox);
    final SequentialIds ids = new SequentialIds();
    final HeardNotices notices = new HeardNotices();
    final ProjectService service = new ProjectService(projects, features,
            Wiring.featureChanges(ledger, outbox, clock, ids, new RecordingLogger(), new CountingMetrics()),
            new GrantRevocations(users, new UserChanges(new AuditTrail(ledger, clock, ids), outbox, clock, ids), notices),
            new AuditTrail(ledger, clock, ids), transactions, clock, ids);
    final FeatureCommandService featureCommands = Wiring.featureCommands(features, projects, ledger, outbox,
            transactions, clock, ids, new RecordingLogger(), new CountingMetrics());
    final Origin admin = new Origin(Actor.system("admin"), RequestContext.system());
    final ProjectKey web = new ProjectKey("web");
    final EnvironmentKey staging = new EnvironmentKey("staging");

    @Test
    void a_new_project_starts_with_development_and_production_each_audited() {
        var created = service.create(new CreateProject(web, "Web shop", null, "team-web", new Reason("new team"), admin));

        assertEquals(List.of("development", "production"),
                created.environments().stream().map(e -> e.key().value()).toList());
        assertEquals(List.of(EnvironmentType.DEVELOPMENT, EnvironmentType.PRODUCTION),
                service.get(web).environments().stream().map(Environment::type).toList());
        assertEquals(List.of(AuditAction.PROJECT_CREATED, AuditAction.ENVIRONMENT_CREATED, AuditAction.ENVIRONMENT_CREATED),
                ledger.entries().stream().map(e -> e.action()).toList());
        var first = ledger.entries().getFirst();
        assertEquals(AuditCategory.CHANGE, first.action().category());
        assertEquals("new team", first.reason());
        assertEquals("web/production", ledger.entries().getLast().subject().key());
    }

    @Test
    void a_taken_key_is_refused_and_nothing_is_left_half_written() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        int entries = ledger.entries().size();

        var taken = assertThrows(Conflict.class, () -> service.create(new CreateProject(web, "Again", null, null, null, admin)));

        assertEquals("project.key_taken", taken.code());
        assertEquals(entries, ledger.entries().size());
        assertEquals(1, service.list().size());
    }

    @Test
    void a_change_bumps_the_version_once_and_a_change_to_nothing_records_nothing() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));

        var changed = service.change(new ChangeProject(web, "Web shop", null, "team-web", 1L, null, admin));
        var again = service.change(new ChangeProject(web, "Web shop", null, null, null, null, admin));

        assertEquals(2, changed.project().revision().version());
        assertEquals(2, again.project().revision().version());
        assertEquals(AuditAction.PROJECT_UPDATED, ledger.entries().getLast().action());
        assertEquals(1, ledger.entries().stream().filter(e -> e.action() == AuditAction.PROJECT_UPDATED).count());
        assertThrows(StaleVersion.class, () -> service.change(new ChangeProject(web, "Old", null, null, 1L, null, admin)));
    }

    @Test
    void an_environment_is_added_after_the_last_changed_and_deleted_with_a_reason() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));

        var added = service.create(new CreateEnvironment(web, staging, "Staging", EnvironmentType.STAGING, null, null,
                null, null, admin));
        assertEquals(110, added.sortOrder(), "after production (100)");
        var changed = service.change(new ChangeEnvironment(web, staging, null, null, 50,
                new ApprovalPolicy(1, Set.of(Role.ADMIN), Set.of(), false), 1L, null, admin));
        assertEquals(List.of("development", "staging", "production"),
                service.get(web).environments().stream().map(e -> e.key().value()).toList());
        assertTrue(changed.isProtected());

        assertThrows(InvalidInput.class, () -> service.delete(new DeleteEnvironment(web, staging, null, false, null, admin)));
        service.delete(new DeleteEnvironment(web, staging, 2L, false, new Reason("not used"), admin));

        var deleted = ledger.entries().getLast();
        assertEquals(AuditAction.ENVIRONMENT_DELETED, deleted.action());
        assertNull(deleted.after());
        assertEquals("Staging", deleted.before().get("name"));
        assertTrue(deleted.changes().stream().allMatch(c -> c.to() == null));
        assertThrows(NotFound.class, () -> service.environment(web, staging));
    }

    @Test
    void deleting_an_environment_revokes_the_grants_in_it_each_recorded_and_announced() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        service.create(new CreateEnvironment(web, staging, "Staging", EnvironmentType.STAGING, null, null, null, null,
                admin));
        var grants = Set.of(Grant.parse("EDITOR@web/staging"), Grant.parse("VIEWER@web"),
                Grant.parse("EDITOR@web/development"));
        var dev = User.register(UUID.randomUUID(), new Email("dev@example.com"), null, "hash", Set.of(), grants,
                clock.now()).after();
        users.add(dev);
        int announced = notices.announced();

        service.delete(new DeleteEnvironment(web, staging, null, false, new Reason("staging retired"), admin));

        assertEquals(Set.of(Grant.parse("VIEWER@web"), Grant.parse("EDITOR@web/development")),
                users.findById(dev.id()).orElseThrow().grants(), "the project-wide grant and the other environment's stay");
        var revoked = ledger.entries().getLast();
        assertEquals(AuditAction.ROLE_REVOKED, revoked.action());
        assertEquals(dev.id().toString(), revoked.subject().id());
        assertEquals("environment 'staging' deleted: staging retired", revoked.reason());
        assertEquals(announced + 1, notices.announced(), "announced, so that no instance honours the grant from memory");

        service.create(new CreateEnvironment(web, staging, "Staging again", EnvironmentType.STAGING, null, null, null,
                null, admin));
        assertFalse(users.findById(dev.id()).orElseThrow().grants().contains(Grant.parse("EDITOR@web/staging")),
                "a place created again under the same key starts with no one in it");
    }

    @Test
    void a_new_environment_gives_each_feature_an_off_state_there_recorded_as_its_creation_there() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        var inDevelopment = new Scope(web, EnvironmentKey.DEVELOPMENT);
        for (var key : List.of("checkout", "search")) {
            featureCommands.create(new CreateFeatureCommand(inDevelopment, new FeatureKey(key),
                    new FeatureAttributes(key, "", 40, List.of(), null), true, null, admin));
        }
        int before = ledger.entries().size();

        service.create(new CreateEnvironment(web, staging, "Staging", EnvironmentType.STAGING, null, null, null, null,
                admin));

        var created = ledger.entries().subList(before + 1, ledger.entries().size());
        assertEquals(List.of(AuditAction.FEATURE_CREATED, AuditAction.FEATURE_CREATED),
                created.stream().map(e -> e.action()).toList());
        assertEquals("environment 'staging' created", created.getFirst().reason());
        assertEquals("staging", created.getFirst().after().get("environment"));
        var record = features.find(web, new FeatureKey("checkout")).orElseThrow();
        var there = io.flagtrail.domain.feature.Feature.reconstitute(record).in(staging);
        assertFalse(there.enabled());
        assertEquals(40, there.attributes().rolloutPercentage());
        assertEquals(1, there.version());
    }

    @Test
    void a_cloned_environment_copies_every_feature_s_state_with_the_clone_as_the_reason_of_each_entry() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        var inDevelopment = new Scope(web, EnvironmentKey.DEVELOPMENT);
        featureCommands.create(new CreateFeatureCommand(inDevelopment, new FeatureKey("checkout"),
                new FeatureAttributes("Checkout", "", 25, List.of(), null), true, null, admin));
        featureCommands.create(new CreateFeatureCommand(inDevelopment, new FeatureKey("search"),
                new FeatureAttributes("Search", "", 100, List.of(), null), false, null, admin));

        service.create(new CreateEnvironment(web, staging, "Staging", EnvironmentType.STAGING, null, null,
                EnvironmentKey.DEVELOPMENT, new Reason("try the release"), admin));

        var checkout = io.flagtrail.domain.feature.Feature.reconstitute(features.find(web, new FeatureKey("checkout"))
                .orElseThrow()).in(staging);
        assertTrue(checkout.enabled());
        assertEquals(25, checkout.attributes().rolloutPercentage());
        assertFalse(io.flagtrail.domain.feature.Feature.reconstitute(features.find(web, new FeatureKey("search"))
                .orElseThrow()).in(staging).enabled());
        var entries = ledger.entries().stream().filter(e -> e.action() == AuditAction.FEATURE_CREATED
                && "staging".equals(e.after().get("environment"))).toList();
        assertEquals(2, entries.size());
        assertEquals("try the release (environment 'staging' cloned from 'development')", entries.getFirst().reason());
        var missing = assertThrows(NotFound.class, () -> service.create(new CreateEnvironment(web,
                new EnvironmentKey("qa"), "QA", EnvironmentType.TEST, null, null, new EnvironmentKey("nope"), null, admin)));
        assertEquals("environment.not_found", missing.code());
    }

    @Test
    void an_environment_where_features_are_on_is_deleted_only_when_forced_and_takes_their_states_with_it() {
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        featureCommands.create(new CreateFeatureCommand(new Scope(web, EnvironmentKey.DEVELOPMENT),
                new FeatureKey("checkout"), new FeatureAttributes("Checkout", "", 100, List.of(), null), true, null, admin));
        var reason = new Reason("development moves to another project");

        var refused = assertThrows(Conflict.class, () -> service.delete(
                new DeleteEnvironment(web, EnvironmentKey.DEVELOPMENT, null, false, reason, admin)));
        assertEquals("environment.has_enabled_features", refused.code());
        assertTrue(refused.getMessage().contains("checkout"), refused.getMessage());
        service.delete(new DeleteEnvironment(web, EnvironmentKey.DEVELOPMENT, null, true, reason, admin));

        var record = features.find(web, new FeatureKey("checkout")).orElseThrow();
        assertEquals(List.of(EnvironmentKey.PRODUCTION), record.states().stream().map(s -> s.environment()).toList());
        assertEquals(AuditAction.ENVIRONMENT_DELETED, ledger.entries().getLast().action());
        var last = assertThrows(Conflict.class, () -> service.delete(
                new DeleteEnvironment(web, EnvironmentKey.PRODUCTION, null, true, reason, admin)));
        assertEquals("environment.last", last.code(), "a feature always has an environment to be audited in");
    }

    @Test
    void unknown_projects_and_environments_are_named_and_the_compatibility_target_stays() {
        var noProject = assertThrows(NotFound.class, () -> service.get(new ProjectKey("nope")));
        assertEquals("project.not_found", noProject.code());
        assertTrue(noProject.getMessage().contains("'nope'"));
        service.create(new CreateProject(web, "Web", null, null, null, admin));
        var noEnvironment = assertThrows(NotFound.class, () -> service.environment(web, staging));
        assertEquals("environment.not_found", noEnvironment.code());
        assertTrue(noEnvironment.getMessage().contains("'staging'"));

        var kept = assertThrows(Conflict.class, () -> service.delete(new DeleteEnvironment(ProjectKey.DEFAULT,
                EnvironmentKey.PRODUCTION, null, true, new Reason("try"), admin)));
        assertEquals("environment.compatibility_target", kept.code());
    }

    @Test
    void keys_that_could_not_be_part_of_an_event_subject_are_refused() {
        for (var bad : List.of("a.b", "*", ">", "Web", "-web", "", "x".repeat(33))) {
            assertThrows(InvalidInput.class, () -> new ProjectKey(bad), bad);
            assertThrows(InvalidInput.class, () -> new EnvironmentKey(bad), bad);
        }
        assertEquals("my_env-2", new EnvironmentKey("my_env-2").value());
    }
}
