package io.flagtrail.domain.feature;

import static io.flagtrail.domain.feature.FeatureMother.stamp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.evaluation.TargetingPatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void creating_a_feature_starts_at_version_one_and_records_every_field_as_set() {
        var feature = Feature.create(UUID.randomUUID(), new FeatureKey("beta"), FeatureMother.attributes(), true, stamp(0));

        var events = feature.pullEvents();
        assertEquals(1, events.size());
        var created = events.getFirst();
        assertEquals(FeatureAction.CREATED, created.action());
        assertNull(created.before());
        assertEquals(1, created.after().version());
        assertEquals(FeatureStatus.ACTIVE, created.after().status());
        assertTrue(created.changes().contains(new FieldChange("enabled", null, true)));
        assertEquals("user:alice-id", feature.state().createdBy());
    }

    @Test
    void a_change_based_on_another_version_is_stale_and_without_one_applies_to_the_current() {
        var feature = FeatureMother.disabled();
        long current = feature.state().version();

        var stale = assertThrows(io.flagtrail.domain.error.StaleVersion.class, () -> feature.expectVersion(current + 1));
        assertEquals(current + 1, stale.expected());
        assertEquals(current, stale.actual());
        feature.expectVersion(current);
        feature.expectVersion(null);
        assertTrue(!feature.changed());
        feature.enable(stamp(1));
        assertTrue(feature.changed());
    }

    @Test
    void a_change_stamped_before_the_last_one_takes_its_time_so_time_order_is_version_order() {
        var feature = FeatureMother.disabled();
        feature.enable(stamp(10));
        feature.pullEvents();

        feature.disable(stamp(7)); // an instance whose clock is three seconds behind

        var event = feature.pullEvents().getFirst();
        assertEquals(FeatureMother.T0.plusSeconds(10), event.stamp().at());
        assertEquals(FeatureMother.T0.plusSeconds(10), feature.state().updatedAt());
        assertEquals(3, feature.state().version());
    }

    @Test
    void an_update_bumps_the_version_and_records_only_the_fields_that_changed() {
        var feature = FeatureMother.disabled();

        feature.update(new FeaturePatch(null, null, 25, null, ""), stamp(5));

        var event = feature.pullEvents().getFirst();
        assertEquals(FeatureAction.UPDATED, event.action());
        assertEquals(2, feature.state().version());
        assertEquals(List.of(new FieldChange("rolloutPercentage", 100, 25), new FieldChange("owner", "team-pay", null)),
                event.changes());
        assertEquals(1, event.before().version());
        assertEquals(FeatureMother.T0.plusSeconds(5), feature.state().updatedAt());
    }

    @Test
    void a_targeting_change_is_a_versioned_update_whose_diff_names_the_parts_that_changed() {
        var feature = FeatureMother.enabled();
        var rule = Map.<String, Object>of("attribute", "country", "operator", "in", "values", List.of("FR"), "variant", "on");

        feature.update(new FeaturePatch(null, null, null, null, null,
                new TargetingPatch(null, List.of(rule), null, null)), stamp(5));

        var event = feature.pullEvents().getFirst();
        assertEquals(FeatureAction.UPDATED, event.action());
        assertEquals(3, feature.state().version());
        assertEquals(List.of(new FieldChange("rules", List.of(), List.of(rule))), event.changes());
        assertEquals("on", feature.state().flagDefinition()
                .evaluate(new EvaluationContext("u", Map.of("country", "FR"))).variant());
    }

    @Test
    void a_snapshot_gives_back_the_targeting_and_one_written_before_targeting_gives_a_plain_feature() {
        var feature = FeatureMother.enabled();
        feature.update(new FeaturePatch(null, null, null, null, null, new TargetingPatch(
                Map.of("blue", Map.of("hex", "#00f"), "red", Map.of("hex", "#f00")), List.of(), "blue", "red")), stamp(5));
        var state = feature.state();

        var again = FeatureState.fromSnapshot(state.id(), state.snapshot(), state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy());
        var old = new java.util.LinkedHashMap<>(state.snapshot());
        List.of("variants", "rules", "defaultVariant", "offVariant").forEach(old::remove);

        assertEquals(state, again);
        assertEquals(Targeting.PLAIN, FeatureState.fromSnapshot(state.id(), old, state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy()).attributes().targeting());
    }

    @Test
    void a_change_that_changes_nothing_makes_no_version_and_no_event() {
        var feature = FeatureMother.enabled();
        long version = feature.state().version();

        feature.update(new FeaturePatch("New checkout", null, 100, List.of("checkout"), null), stamp(9));
        feature.update(new FeaturePatch(null, null, null, null, null), stamp(9));
        feature.enable(stamp(9));
        feature.restore(stamp(9));

        assertEquals(version, feature.state().version());
        assertTrue(feature.pullEvents().isEmpty());
    }

    @Test
    void enable_and_disable_record_their_own_actions() {
        var feature = FeatureMother.disabled();

        feature.enable(stamp(1));
        feature.disable(stamp(2));

        var actions = feature.pullEvents().stream().map(FeatureChanged::action).toList();
        assertEquals(List.of(FeatureAction.ENABLED, FeatureAction.DISABLED), actions);
        assertEquals(3, feature.state().version());
    }

    @Test
    void a_deleted_feature_refuses_every_change_but_restore() {
        var feature = FeatureMother.deleted();

        var update = new FeaturePatch("other", null, null, null, null);
        assertThrows(Conflict.class, () -> feature.update(update, stamp(2)));
        assertThrows(Conflict.class, () -> feature.enable(stamp(2)));
        assertThrows(Conflict.class, () -> feature.disable(stamp(2)));
        var refused = assertThrows(Conflict.class, () -> feature.enable(stamp(2)));
        assertEquals("feature.deleted", refused.code());

        feature.restore(stamp(3));
        assertEquals(FeatureStatus.ACTIVE, feature.state().status());
        assertEquals(FeatureAction.RESTORED, feature.pullEvents().getFirst().action());
    }

    @Test
    void deleting_twice_changes_nothing_the_second_time() {
        var feature = FeatureMother.deleted();
        long version = feature.state().version();

        feature.delete(stamp(5));

        assertEquals(version, feature.state().version());
        assertTrue(feature.pullEvents().isEmpty());
    }

    @Test
    void pulling_events_empties_them() {
        var feature = FeatureMother.disabled();
        feature.enable(stamp(1));

        assertEquals(1, feature.pullEvents().size());
        assertTrue(feature.pullEvents().isEmpty());
    }
}
