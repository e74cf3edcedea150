package io.flagtrail.domain.feature;

import static io.flagtrail.domain.feature.FeatureMother.DEVELOPMENT;
import static io.flagtrail.domain.feature.FeatureMother.PRODUCTION;
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
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.project.EnvironmentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void creating_a_feature_starts_at_version_one_and_records_every_field_as_set() {
        var feature = FeatureMother.create(new FeatureKey("beta"), FeatureMother.attributes(), Set.of(PRODUCTION), stamp(0));

        var events = feature.pullEvents();
        assertEquals(List.of(DEVELOPMENT, PRODUCTION), events.stream().map(e -> e.after().environment()).toList());
        assertEquals(false, events.getFirst().after().enabled());
        var created = events.get(1);
        assertEquals(FeatureAction.CREATED, created.action());
        assertNull(created.before());
        assertEquals(1, created.after().version());
        assertEquals(FeatureStatus.ACTIVE, created.after().status());
        assertTrue(created.changes().contains(new FieldChange("enabled", null, true)));
        assertEquals("user:alice-id", feature.in(PRODUCTION).createdBy());
    }

    @Test
    void a_change_based_on_another_version_is_stale_and_without_one_applies_to_the_current() {
        var feature = FeatureMother.disabled();
        long current = feature.in(PRODUCTION).version();

        var stale = assertThrows(io.flagtrail.domain.error.StaleVersion.class, () -> feature.expectVersion(PRODUCTION, current + 1));
        assertEquals(current + 1, stale.expected());
        assertEquals(current, stale.actual());
        feature.expectVersion(PRODUCTION, current);
        feature.expectVersion(PRODUCTION, null);
        assertTrue(!feature.changed());
        feature.enable(PRODUCTION, stamp(1));
        assertTrue(feature.changed());
    }

    @Test
    void a_change_stamped_before_the_last_one_takes_its_time_so_time_order_is_version_order() {
        var feature = FeatureMother.disabled();
        feature.enable(PRODUCTION, stamp(10));
        feature.pullEvents();

        feature.disable(PRODUCTION, stamp(7)); // an instance whose clock is three seconds behind

        var event = feature.pullEvents().getFirst();
        assertEquals(FeatureMother.T0.plusSeconds(10), event.stamp().at());
        assertEquals(FeatureMother.T0.plusSeconds(10), feature.in(PRODUCTION).updatedAt());
        assertEquals(3, feature.in(PRODUCTION).version());
    }

    @Test
    void an_update_bumps_the_version_and_records_only_the_fields_that_changed() {
        var feature = FeatureMother.disabled();

        feature.update(PRODUCTION, new FeaturePatch(null, null, 25, null, ""), stamp(5));

        var events = feature.pullEvents();
        assertEquals(List.of(new FieldChange("owner", "team-pay", null)), events.getFirst().changes());
        var event = events.getLast();
        assertEquals(FeatureAction.UPDATED, event.action());
        assertEquals(2, feature.in(PRODUCTION).version());
        assertEquals(List.of(new FieldChange("rolloutPercentage", 100, 25), new FieldChange("owner", "team-pay", null)),
                event.changes());
        assertEquals(1, event.before().version());
        assertEquals(FeatureMother.T0.plusSeconds(5), feature.in(PRODUCTION).updatedAt());
    }

    @Test
    void a_targeting_change_is_a_versioned_update_whose_diff_names_the_parts_that_changed() {
        var feature = FeatureMother.enabled();
        var rule = Map.<String, Object>of("attribute", "country", "operator", "in", "values", List.of("FR"), "variant", "on");

        feature.update(PRODUCTION, new FeaturePatch(null, null, null, null, null,
                new TargetingPatch(null, List.of(rule), null, null)), stamp(5));

        var event = feature.pullEvents().getFirst();
        assertEquals(FeatureAction.UPDATED, event.action());
        assertEquals(3, feature.in(PRODUCTION).version());
        assertEquals(List.of(new FieldChange("rules", List.of(), List.of(rule))), event.changes());
        assertEquals("on", feature.in(PRODUCTION).flagDefinition()
                .evaluate(new EvaluationContext("u", Map.of("country", "FR"))).variant());
    }

    @Test
    void a_snapshot_gives_back_the_targeting_and_one_written_before_targeting_gives_a_plain_feature() {
        var colours = new TargetingPatch(Map.of("blue", Map.of("hex", "#00f"), "red", Map.of("hex", "#f00")), List.of(),
                "blue", "red").applyTo(Targeting.PLAIN);
        var plain = FeatureMother.attributes();
        var feature = FeatureMother.create(new FeatureKey("colours"), new FeatureAttributes(plain.name(),
                plain.description(), 100, plain.tags(), plain.owner(), colours), Set.of(PRODUCTION), stamp(0));
        var state = feature.in(PRODUCTION);

        var again = FeatureState.fromSnapshot(state.id(), state.scope(), state.snapshot(), state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy());
        var old = new java.util.LinkedHashMap<>(state.snapshot());
        List.of("variants", "rules", "defaultVariant", "offVariant").forEach(old::remove);

        assertEquals(state, again);
        assertEquals(Targeting.PLAIN, FeatureState.fromSnapshot(state.id(), state.scope(), old, state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy()).attributes().targeting());
    }

    @Test
    void a_change_that_changes_nothing_makes_no_version_and_no_event() {
        var feature = FeatureMother.enabled();
        long version = feature.in(PRODUCTION).version();

        feature.update(PRODUCTION, new FeaturePatch("New checkout", null, 100, List.of("checkout"), null), stamp(9));
        feature.update(PRODUCTION, new FeaturePatch(null, null, null, null, null), stamp(9));
        feature.enable(PRODUCTION, stamp(9));
        feature.restore(stamp(9));

        assertEquals(version, feature.in(PRODUCTION).version());
        assertTrue(feature.pullEvents().isEmpty());
    }

    @Test
    void enable_and_disable_record_their_own_actions() {
        var feature = FeatureMother.disabled();

        feature.enable(PRODUCTION, stamp(1));
        feature.disable(PRODUCTION, stamp(2));

        var actions = feature.pullEvents().stream().map(FeatureChanged::action).toList();
        assertEquals(List.of(FeatureAction.ENABLED, FeatureAction.DISABLED), actions);
        assertEquals(3, feature.in(PRODUCTION).version());
    }

    @Test
    void a_deleted_feature_refuses_every_change_but_restore() {
        var feature = FeatureMother.deleted();

        var update = new FeaturePatch("other", null, null, null, null);
        assertThrows(Conflict.class, () -> feature.update(PRODUCTION, update, stamp(2)));
        assertThrows(Conflict.class, () -> feature.enable(PRODUCTION, stamp(2)));
        assertThrows(Conflict.class, () -> feature.disable(PRODUCTION, stamp(2)));
        var refused = assertThrows(Conflict.class, () -> feature.enable(PRODUCTION, stamp(2)));
        assertEquals("feature.deleted", refused.code());

        feature.restore(stamp(3));
        assertEquals(FeatureStatus.ACTIVE, feature.in(PRODUCTION).status());
        assertEquals(FeatureAction.RESTORED, feature.pullEvents().getFirst().action());
    }

    @Test
    void deleting_twice_changes_nothing_the_second_time() {
        var feature = FeatureMother.deleted();
        long version = feature.in(PRODUCTION).version();

        feature.delete(stamp(5));

        assertEquals(version, feature.in(PRODUCTION).version());
        assertTrue(feature.pullEvents().isEmpty());
    }

    @Test
    void pulling_events_empties_them() {
        var feature = FeatureMother.disabled();
        feature.enable(PRODUCTION, stamp(1));

        assertEquals(1, feature.pullEvents().size());
        assertTrue(feature.pullEvents().isEmpty());
    }

    @Test
    void a_change_in_one_environment_leaves_the_others_state_version_and_history_alone() {
        var feature = FeatureMother.disabled();

        feature.enable(DEVELOPMENT, stamp(1));
        feature.update(DEVELOPMENT, new FeaturePatch(null, null, 10, null, null), stamp(2));

        assertEquals(List.of(DEVELOPMENT, DEVELOPMENT),
                feature.pullEvents().stream().map(e -> e.after().environment()).toList());
        assertEquals(3, feature.in(DEVELOPMENT).version());
        assertTrue(feature.in(DEVELOPMENT).enabled());
        assertEquals(10, feature.in(DEVELOPMENT).attributes().rolloutPercentage());
        assertEquals(1, feature.in(PRODUCTION).version());
        assertEquals(false, feature.in(PRODUCTION).enabled());
        assertEquals(100, feature.in(PRODUCTION).attributes().rolloutPercentage());
        assertEquals(List.of(feature.in(DEVELOPMENT).id().equals(feature.in(PRODUCTION).id())), List.of(false));
    }

    @Test
    void a_change_of_the_definition_is_a_version_and_an_event_in_every_environment() {
        var feature = FeatureMother.disabled();
        feature.enable(DEVELOPMENT, stamp(1));
        feature.pullEvents();

        feature.update(PRODUCTION, new FeaturePatch("Renamed", null, 50, null, null), stamp(2));

        var events = feature.pullEvents();
        assertEquals(List.of(DEVELOPMENT, PRODUCTION), events.stream().map(e -> e.after().environment()).toList());
        assertEquals(List.of(new FieldChange("name", "New checkout", "Renamed")), events.get(0).changes());
        assertEquals(List.of(new FieldChange("name", "New checkout", "Renamed"), new FieldChange("rolloutPercentage", 100, 50)),
                events.get(1).changes());
        assertEquals(3, feature.in(DEVELOPMENT).version());
        assertEquals(100, feature.in(DEVELOPMENT).attributes().rolloutPercentage());
        assertEquals(2, feature.in(PRODUCTION).version());
        assertEquals(2, feature.definition().version());
        assertTrue(feature.definitionChanged());
    }

    @Test
    void variants_shared_by_the_environments_must_still_serve_each_environments_rules() {
        var feature = FeatureMother.disabled();
        var added = new TargetingPatch(Map.of("on", true, "off", false, "beta", true), List.of(), "beta", "off");
        feature.update(PRODUCTION, new FeaturePatch(null, null, null, null, null, added), stamp(1));
        assertEquals("on", feature.in(DEVELOPMENT).attributes().targeting().defaultVariant());
        assertEquals("beta", feature.in(PRODUCTION).attributes().targeting().defaultVariant());

        // development still serves on and off, which these variants no longer have
        var colours = new TargetingPatch(Map.of("blue", "#00f", "red", "#f00"), List.of(), "blue", "red");
        var refused = assertThrows(InvalidInput.class, () -> feature.update(PRODUCTION,
                new FeaturePatch(null, null, null, null, null, colours), stamp(2)));

        assertEquals(List.of("environments.development.defaultVariant", "environments.development.offVariant"),
                refused.violations().stream().map(v -> v.field()).toList());
        assertEquals(Set.of("on", "off", "beta"), feature.in(DEVELOPMENT).attributes().targeting().variants().keySet());
    }

    @Test
    void a_new_environment_gives_the_feature_a_disabled_state_recorded_as_its_creation_there() {
        var changed = FeatureMother.enabled();
        changed.update(PRODUCTION, new FeaturePatch(null, null, 30, null, null), stamp(2));
        var feature = Feature.reconstitute(changed.record());
        var staging = FeatureMother.environment("00000000-0000-7000-8000-00000000e003",
                new io.flagtrail.domain.project.EnvironmentKey("staging"), EnvironmentType.STAGING, 50);

        feature.addEnvironment(staging, UUID.randomUUID(), null, stamp(3));

        var created = feature.pullEvents();
        assertEquals(1, created.size());
        assertEquals(FeatureAction.CREATED, created.getFirst().action());
        var state = feature.in(staging.key());
        assertEquals(false, state.enabled());
        assertEquals(1, state.version());
        assertEquals(100, state.attributes().rolloutPercentage()); // development's, the first environment's
        assertEquals(List.of(staging.key()), feature.addedStates().stream().map(EnvironmentState::environment).toList());
    }

    @Test
    void a_cloned_environment_copies_the_state_it_was_cloned_from_on_or_off_as_it_is() {
        var changed = FeatureMother.enabled();
        changed.update(PRODUCTION, new FeaturePatch(null, null, 30, null, null), stamp(2));
        var feature = Feature.reconstitute(changed.record());
        var staging = FeatureMother.environment("00000000-0000-7000-8000-00000000e003",
                new io.flagtrail.domain.project.EnvironmentKey("staging"), EnvironmentType.STAGING, 50);

        feature.addEnvironment(staging, UUID.randomUUID(), PRODUCTION, stamp(3));

        var clone = feature.in(staging.key());
        assertTrue(clone.enabled());
        assertEquals(30, clone.attributes().rolloutPercentage());
        assertEquals(1, clone.version());
        assertEquals(FeatureAction.CREATED, feature.pullEvents().getFirst().action());
    }

    @Test
    void an_environment_the_project_does_not_have_is_named_in_a_not_found() {
        var feature = FeatureMother.disabled();

        var missing = assertThrows(io.flagtrail.domain.error.NotFound.class,
                () -> feature.in(new io.flagtrail.domain.project.EnvironmentKey("staging")));

        assertEquals("environment.not_found", missing.code());
        assertTrue(missing.getMessage().contains("'staging'"));
    }
}
