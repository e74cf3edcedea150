package io.flagtrail.domain.feature;

import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Features and stamps for tests, so that each test names only what it is about. */
public final class FeatureMother {

    public static final Actor ALICE = new Actor(ActorType.USER, "alice-id", "Alice", "alice@example.com");
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private FeatureMother() {
    }

    public static FeatureAttributes attributes() {
        return new FeatureAttributes("New checkout", "the new flow", 100, List.of("checkout"), "team-pay");
    }

    public static ChangeStamp stamp(int secondsAfterT0) {
        return new ChangeStamp(ALICE, T0.plusSeconds(secondsAfterT0), null);
    }

    /** A freshly created, disabled feature whose creation event has already been pulled. */
    public static Feature disabled() {
        var feature = Feature.create(UUID.fromString("00000000-0000-7000-8000-000000000001"),
                new FeatureKey("checkout.new-flow"), attributes(), false, stamp(0));
        feature.pullEvents();
        return feature;
    }

    public static Feature enabled() {
        var feature = disabled();
        feature.enable(stamp(1));
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
