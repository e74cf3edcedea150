package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import java.time.Instant;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.EnvironmentType;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.ProjectKey;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Features and stamps for tests, so that each test names only what it is about. */
public final class FeatureMother {

    public static final Actor ALICE = new Actor(ActorType.USER, "alice-id", "Alice", "alice@example.com");
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    public static final EnvironmentKey PRODUCTION = EnvironmentKey.PRODUCTION;
    public static final EnvironmentKey DEVELOPMENT = EnvironmentKey.DEVELOPMENT;
    public static final Project PROJECT = Project.create(UUID.fromString("00000000-0000-7000-8000-00000000d001"),
            ProjectKey.DEFAULT, "Default", "", null, new ChangeStamp(ALICE, T0, null));
    public static final List<Environment> ENVIRONMENTS = List.of(
            environment("00000000-0000-7000-8000-00000000e001", DEVELOPMENT, EnvironmentType.DEVELOPMENT, 0),
            environment("00000000-0000-7000-8000-00000000e002", PRODUCTION, EnvironmentType.PRODUCTION, 100));

    private FeatureMother() {
    }

    public static Environment environment(String id, EnvironmentKey key, EnvironmentType type, int order) {
        return Environment.create(UUID.fromString(id), PROJECT.id(), key, key.value(), type, order, null,
                new ChangeStamp(ALICE, T0, null));
    }

    /** A new feature in development and production, on in {@code enabledIn}, its events not pulled. */
    public static Feature create(FeatureKey key, FeatureAttributes attributes, Set<EnvironmentKey> enabledIn,
                                 ChangeStamp stamp) {
        return Feature.create(UUID.fromString("00000000-0000-7000-8000-000000000001"), PROJECT, ENVIRONMENTS,
                UUID::randomUUID, key, attributes, enabledIn, stamp);
    }

    public static FeatureAttributes attributes() {
        return new FeatureAttributes("New checkout", "the new flow", 100, List.of("checkout"), "team-pay");
    }

    public static ChangeStamp stamp(int secondsAfterT0) {
        return new ChangeStamp(ALICE, T0.plusSeconds(secondsAfterT0), null);
    }

    /** A freshly created feature, disabled in both environments, whose creation event has already been pulled. */
    public static Feature disabled() {
        var feature = create(new FeatureKey("checkout.new-flow"), attributes(), Set.of(), stamp(0));
        feature.pullEvents();
        return feature;
    }

    /** {@link #disabled()}, then enabled in production. */
    public static Feature enabled() {
        var feature = disabled();
        feature.enable(PRODUCTION, stamp(1));
        feature.pullEvents();
        return feature;
    }

    public static Feature deleted() {
        var feature = disabled();
        feature.delete(stamp(1));
        feature.pullEvents();
        return feature;
    }
}
