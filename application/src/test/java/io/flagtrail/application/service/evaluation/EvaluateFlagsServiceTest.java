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
import io.flagtrail.domain.feature.ChangeStamp;
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

    @Test
    void the_snapshot_reloads_only_when_the_features_changed_and_serves_deleted_flags_as_unknown() {
        var checkout = Feature.create(UUID.randomUUID(), new FeatureKey("checkout"),
                new FeatureAttributes("Checkout", "", 100, List.of(), null), true, stamp);
        features.add(checkout.state());
        assertTrue(flags.refresh());
        assertFalse(flags.refresh(), "nothing changed, nothing reloaded");
        assertEquals(EvaluationReason.STATIC, flags.evaluate("checkout", someone).reason());
        assertEquals(1, metrics.count("evaluation:checkout:STATIC"));

        checkout.delete(stamp);
        features.update(checkout.state());
        assertTrue(flags.refresh());

        assertThrows(NotFound.class, () -> flags.evaluate("checkout", someone));
        assertThrows(NotFound.class, () -> flags.evaluate("never-created", someone));
    }

    @Test
    void a_feature_that_cannot_be_read_is_left_out_logged_once_and_every_other_flag_still_evaluates() {
        for (String key : List.of("alpha", "broken", "omega")) {
            features.add(Feature.create(UUID.randomUUID(), new FeatureKey(key),
                    new FeatureAttributes(key, "", 100, List.of(), null), true, stamp).state());
        }
        features.breakRow("broken");

        assertTrue(flags.refresh());
        features.add(Feature.create(UUID.randomUUID(), new FeatureKey("later"),
                new FeatureAttributes("later", "", 100, List.of(), null), true, stamp).state());
        assertTrue(flags.refresh(), "a feature created afterwards reloads the snapshot");

        assertEquals(List.of("alpha", "later", "omega"), List.of("alpha", "later", "omega").stream()
                .filter(k -> flags.evaluate(k, someone).reason() == EvaluationReason.STATIC).toList());
        assertEquals(3, flags.size());
        assertEquals(List.of("broken"), List.copyOf(flags.unreadable().keySet()));
        var refused = assertThrows(NotFound.class, () -> flags.evaluate("broken", someone));
        assertTrue(refused.getMessage().contains("cannot be loaded"), refused.getMessage());
        assertEquals(1, log.lines().stream().filter(l -> l.contains("broken")).count(), "logged once: " + log.lines());
    }
}
