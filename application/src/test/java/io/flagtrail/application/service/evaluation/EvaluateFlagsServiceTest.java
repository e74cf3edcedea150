package io.flagtrail.application.service.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.application.fakes.InMemoryFeatures;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.flagtrail.domain.evaluation.EvaluationReason;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvaluateFlagsServiceTest {

    final InMemoryFeatures features = new InMemoryFeatures();
    final io.flagtrail.application.fakes.CountingMetrics metrics = new io.flagtrail.application.fakes.CountingMetrics();
    final io.flagtrail.application.fakes.RecordingLogger log = new io.flagtrail.application.fakes.RecordingLogger();
    final EvaluateFlagsService flags = new EvaluateFlagsService(features, metrics, log);
    final EvaluationContext someone = new EvaluationContext("user-1", Map.of());
    final ChangeStamp stamp = new ChangeStamp(Actor.system("test"), Instant.parse("2026-01-01T00:00:00Z"), null);
    static final io.flagtrail.domain.project.Scope PRODUCTION = io.flagtrail.domain.project.Scope.COMPATIBILITY;
    static final io.flagtrail.domain.project.Scope DEVELOPMENT = new io.flagtrail.domain.project.Scope(
            io.flagtrail.domain.project.ProjectKey.DEFAULT, io.flagtrail.domain.project.EnvironmentKey.DEVELOPMENT);
    final io.flagtrail.application.fakes.InMemoryProjects projects = io.flagtrail.application.fakes.InMemoryProjects.seeded();

    /** A feature of the default project, on in production (what evaluation serves), stored. */
    private Feature create(String key) {
        var project = projects.find(io.flagtrail.domain.project.ProjectKey.DEFAULT).orElseThrow();
        var feature = Feature.create(UUID.randomUUID(), project, projects.environments(project.id()), UUID::randomUUID,
                new FeatureKey(key), new FeatureAttributes(key, "", 100, List.of(), null),
                java.util.Set.of(io.flagtrail.domain.project.EnvironmentKey.PRODUCTION), stamp);
        features.addAll(List.of(feature.record()));
        return feature;
    }

    private void store(Feature feature) {
        if (feature.definitionChanged()) {
            features.updateDefinition(feature.definition());
        }
        features.updateStates(feature.changedStates());
    }

    @Test
    void the_snapshot_reloads_only_when_the_features_changed_and_serves_deleted_flags_as_unknown() {
        var checkout = create("checkout");
        assertTrue(flags.refresh());
        assertFalse(flags.refresh(), "nothing changed, nothing reloaded");
        assertEquals(EvaluationReason.STATIC, flags.evaluate(PRODUCTION, "checkout", someone).reason());
        assertEquals(1, metrics.count("evaluation:checkout:STATIC"));
        assertEquals(EvaluationReason.DISABLED, flags.evaluate(DEVELOPMENT, "checkout", someone).reason(),
                "created on in production only");

        var inDevelopment = Feature.reconstitute(features.find(io.flagtrail.domain.project.ProjectKey.DEFAULT,
                new FeatureKey("checkout")).orElseThrow());
        inDevelopment.enable(io.flagtrail.domain.project.EnvironmentKey.DEVELOPMENT, stamp);
        String productionVersion = flags.version(PRODUCTION);
        store(inDevelopment);
        assertTrue(flags.refresh(), "development's snapshot reloads");
        assertEquals(productionVersion, flags.version(PRODUCTION), "and production's stays as it was, ETag included");
        assertEquals(EvaluationReason.STATIC, flags.evaluate(DEVELOPMENT, "checkout", someone).reason());

        var deleted = Feature.reconstitute(features.find(io.flagtrail.domain.project.ProjectKey.DEFAULT,
                new FeatureKey("checkout")).orElseThrow());
        deleted.delete(stamp);
        store(deleted);
        assertTrue(flags.refresh());

        assertThrows(NotFound.class, () -> flags.evaluate(PRODUCTION, "checkout", someone));
        assertThrows(NotFound.class, () -> flags.evaluate(PRODUCTION, "never-created", someone));
    }

    @Test
    void a_feature_that_cannot_be_read_is_left_out_logged_once_and_every_other_flag_still_evaluates() {
        for (String key : List.of("alpha", "broken", "omega")) {
            create(key);
        }
        features.breakRow("broken");

        assertTrue(flags.refresh());
        create("later");
        assertTrue(flags.refresh(), "a feature created afterwards reloads the snapshot");

        assertEquals(List.of("alpha", "later", "omega"), List.of("alpha", "later", "omega").stream()
                .filter(k -> flags.evaluate(PRODUCTION, k, someone).reason() == EvaluationReason.STATIC).toList());
        assertEquals(6, flags.size(), "three in each of development and production");
        assertEquals(List.of("default/development/broken", "default/production/broken"),
                List.copyOf(flags.unreadable().keySet()));
        var refused = assertThrows(NotFound.class, () -> flags.evaluate(PRODUCTION, "broken", someone));
        assertTrue(refused.getMessage().contains("cannot be loaded"), refused.getMessage());
        assertEquals(2, log.lines().stream().filter(l -> l.contains("broken")).count(),
                "logged once in each environment: " + log.lines());
    }
}
