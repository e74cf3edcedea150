package io.flagtrail.application.service;

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
    final EvaluateFlagsService flags = new EvaluateFlagsService(features, metrics);
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

        var before = checkout.state();
        checkout.delete(stamp);
        features.update(checkout.state(), before.version());
        assertTrue(flags.refresh());

        assertThrows(NotFound.class, () -> flags.evaluate("checkout", someone));
        assertThrows(NotFound.class, () -> flags.evaluate("never-created", someone));
    }
}
