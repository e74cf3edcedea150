package io.flagtrail.adapter.persistence;

import static io.flagtrail.application.contract.Samples.ORIGIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.contract.LedgerServices;
import io.flagtrail.application.contract.Samples;
import io.flagtrail.application.port.in.FeatureTransition;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.feature.FeatureQueryService;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.testsupport.TestDatabase;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Features written by the release before projects (V16: one row per feature, its state on it, its history in entries
 * about the feature's id) upgrade at startup (V17): each is a feature of project {@code default} whose production
 * state has its id, version and times, with an off copy in {@code development}; its earlier entries are its
 * production history, as-of reads before the upgrade still answer, and the ledger seals and verifies across it. An
 * API key from before (V18) is bound to default/production, which is what it served.
 */
abstract class FeatureStatesUpgradeTest extends DatabaseTest {

    static final UUID PLAIN = UUID.fromString("0196f1c2-0000-7000-8000-000000000001");
    static final UUID COLOURS = UUID.fromString("0196f1c2-0000-7000-8000-000000000002");
    static final UUID KEY = UUID.fromString("0196f1c2-0000-7000-8000-00000000000a");

    @jakarta.inject.Inject io.flagtrail.application.port.out.ApiKeys apiKeys;
    static final Instant CREATED = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant UPDATED = Instant.parse("2026-11-02T10:00:00Z");
    static final Scope DEVELOPMENT = new Scope(ProjectKey.DEFAULT, EnvironmentKey.DEVELOPMENT);
    static final String COLOUR_TARGETING = "{\"defaultVariant\":\"blue\",\"offVariant\":\"red\",\"rules\":[{\"attribute\":"
            + "\"country\",\"operator\":\"in\",\"values\":[\"FR\"],\"variant\":\"red\"}],\"variants\":{\"blue\":\"#00f\","
            + "\"red\":\"#f00\"}}";

    /** The database as the release before projects left it: migrated to V16, two features and their history. */
    static TestDatabase.Target earlierRelease(TestDatabase.Target target) {
        var vendor = target.isPostgres() ? VendorMigrationLocations.POSTGRESQL : VendorMigrationLocations.H2;
        Flyway.configure().dataSource(target.url(), target.user(), target.password())
                .locations(VendorMigrationLocations.COMMON, vendor).target("16").load().migrate();
        try (var connection = DriverManager.getConnection(target.url(), target.user(), target.password());
             var statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO features (id, feature_key, name, description, enabled, rollout_percentage, tags, owner,
                        status, version, created_at, created_by, updated_at, updated_by, targeting)
                    VALUES ('%s', 'legacy.plain', 'Plain', '', true, 40, '|t|', null, 'ACTIVE', 2,
                            TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 'user:u-1',
                            TIMESTAMP WITH TIME ZONE '2026-11-02 10:00:00+00', 'user:u-1', null),
                           ('%s', 'legacy.colours', 'Colours', 'two of them', false, 100, '|', 'team', 'ACTIVE', 1,
                            TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 'user:u-1',
                            TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00', 'user:u-1', '%s')
                    """.formatted(PLAIN, COLOURS, COLOUR_TARGETING));
            statement.execute("INSERT INTO api_keys (id, name, key_prefix, lookup_key, secret_hash, scopes, created_by, "
                    + "created_at) VALUES ('" + KEY + "', 'sdk', 'ft_abcdef', 'abcdefghijkl', '" + "0".repeat(64)
                    + "', 'evaluate', 'user:u-1', TIMESTAMP WITH TIME ZONE '2026-11-01 10:00:00+00')");
            entry(statement, target, "FEATURE_CREATED", PLAIN, "legacy.plain", null, plain(false, 100, 1), CREATED);
            entry(statement, target, "FEATURE_UPDATED", PLAIN, "legacy.plain", plain(false, 100, 1), plain(true, 40, 2),
                    UPDATED);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target;
    }

    /** A whole-feature snapshot as the release before projects wrote it (no project, no environment). */
    private static String plain(boolean enabled, int rollout, int version) {
        return ("{\"defaultVariant\":\"on\",\"description\":\"\",\"enabled\":%s,\"key\":\"legacy.plain\",\"name\":"
                + "\"Plain\",\"offVariant\":\"off\",\"owner\":null,\"rolloutPercentage\":%d,\"rules\":[],\"status\":"
                + "\"ACTIVE\",\"tags\":[\"t\"],\"variants\":{\"off\":false,\"on\":true},\"version\":%d}")
                .formatted(enabled, rollout, version);
    }

    private static void entry(java.sql.Statement statement, TestDatabase.Target target, String action, UUID subject,
                              String key, String before, String after, Instant at) throws SQLException {
        statement.execute("""
                INSERT INTO audit_pending (id, category, action, outcome, severity, actor_type, actor_id, actor_name,
                    subject_type, subject_id, subject_key, before_state, after_state, changes, channel, occurred_at)
                VALUES (%s, 'CHANGE', '%s', 'SUCCESS', 'INFO', 'USER', 'u-1', 'Someone', 'feature', '%s', '%s',
                    %s, '%s', '[]', 'HTTP', TIMESTAMP WITH TIME ZONE '%s')
                """.formatted(target.isPostgres() ? "gen_random_uuid()" : "RANDOM_UUID()", action, subject, key,
                before == null ? "null" : "'" + before + "'", after, at.toString().replace("T", " ").replace("Z", "+00")));
    }

    FeatureQueryService queries() {
        return new FeatureQueryService(features, projects, ledger, new AuditTrail(ledger, clock, new Samples.RandomIds()),
                transactions);
    }

    @Test
    void each_feature_keeps_its_id_version_and_state_as_production_and_has_an_off_copy_in_development() {
        var plain = Samples.stored(features, Scope.COMPATIBILITY, new FeatureKey("legacy.plain")).orElseThrow();
        assertEquals(PLAIN, plain.id());
        assertEquals(2, plain.version());
        assertTrue(plain.enabled());
        assertEquals(40, plain.attributes().rolloutPercentage());
        assertEquals(List.of("t"), plain.attributes().tags());
        assertEquals(CREATED, plain.createdAt());

        var inDevelopment = Samples.stored(features, DEVELOPMENT, new FeatureKey("legacy.plain")).orElseThrow();
        assertFalse(inDevelopment.enabled());
        assertEquals(40, inDevelopment.attributes().rolloutPercentage());
        assertEquals(1, inDevelopment.version());
        assertEquals("system:migration", inDevelopment.createdBy());

        var colours = Samples.stored(features, Scope.COMPATIBILITY, new FeatureKey("legacy.colours")).orElseThrow();
        var targeting = colours.attributes().targeting();
        assertEquals(Map.of("blue", "#00f", "red", "#f00"), targeting.variants());
        assertEquals("blue", targeting.defaultVariant());
        assertEquals("red", targeting.offVariant());
        assertEquals("red", targeting.rules().getFirst().variant());
        assertEquals(targeting, Samples.stored(features, DEVELOPMENT, new FeatureKey("legacy.colours")).orElseThrow()
                .attributes().targeting(), "development serves the same targeting, off");
    }

    @Test
    void an_api_key_from_before_is_bound_to_what_it_served_the_default_project_s_production() {
        var key = apiKeys.find(KEY).orElseThrow();

        assertEquals(Scope.COMPATIBILITY, key.boundTo());
        assertTrue(key.usableAt(Instant.now()));
        assertEquals(List.of("default", "production"), List.of(key.snapshot().get("project"),
                key.snapshot().get("environment")));
    }

    @Test
    void the_earlier_history_is_production_s_and_as_of_before_the_upgrade_still_answers() {
        var key = new FeatureKey("legacy.plain");
        var history = queries().history(Scope.COMPATIBILITY, key, 10, null, ORIGIN).items();
        assertEquals(List.of(AuditAction.FEATURE_UPDATED, AuditAction.FEATURE_CREATED),
                history.stream().map(e -> e.action()).toList());
        assertTrue(history.stream().allMatch(e -> new io.flagtrail.domain.audit.AuditPlace("default", "production")
                .equals(e.place())), "V21_1 placed the entries from before projects where their features went");
        assertEquals(2, ledger.query(new AuditQuery(null, null, null, null, null, null, "default", "production", null,
                null, 10, null)).items().size());

        var then = queries().asOf(Scope.COMPATIBILITY, key, CREATED.plusSeconds(60), ORIGIN);
        assertEquals(1, then.version());
        assertFalse(then.enabled());
        assertEquals(100, then.attributes().rolloutPercentage());
        assertEquals(Samples.stored(features, Scope.COMPATIBILITY, key).orElseThrow(),
                queries().asOf(Scope.COMPATIBILITY, key, Instant.now(), ORIGIN));
        assertEquals(Samples.stored(features, DEVELOPMENT, key).orElseThrow(),
                queries().asOf(DEVELOPMENT, key, Instant.now(), ORIGIN), "never changed since the upgrade made it");
    }

    @Test
    void a_change_after_the_upgrade_is_one_environment_s_and_the_ledger_seals_and_verifies_across_it() {
        var key = new FeatureKey("legacy.colours");
        recorder().transition(new TransitionFeatureCommand(DEVELOPMENT, key, FeatureTransition.ENABLE, 1L,
                new Reason("try it in development"), ORIGIN));

        assertTrue(Samples.stored(features, DEVELOPMENT, key).orElseThrow().enabled());
        assertFalse(Samples.stored(features, Scope.COMPATIBILITY, key).orElseThrow().enabled());
        var entry = ledger.query(AuditQuery.forSubject("feature",
                Samples.stored(features, DEVELOPMENT, key).orElseThrow().id().toString(), 10, null)).items().getFirst();
        assertEquals("development", entry.after().get("environment"));
        var services = new LedgerServices(stores());
        services.sealAll();
        var report = services.verify(null, null);
        assertTrue(report.verified(), report.summary());
    }
}
