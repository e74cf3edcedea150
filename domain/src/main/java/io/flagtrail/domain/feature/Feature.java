package io.flagtrail.domain.feature;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.StaleVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The feature aggregate. It guards its own rules: the key never changes, a deleted feature can only be
 * read or restored, and a change that changes nothing creates no version and records no event.
 * Every effective change bumps the version by one and records a {@link FeatureChanged} for the caller to pull.
 */
public final class Feature {

    private FeatureState state;
    private final List<FeatureChanged> events = new ArrayList<>();

    private Feature(FeatureState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A new, active feature at version 1. */
    public static Feature create(UUID id, FeatureKey key, FeatureAttributes attributes, boolean enabled, ChangeStamp stamp) {
        String by = stamp.actor().reference();
        var feature = new Feature(new FeatureState(id, key, attributes, enabled, FeatureStatus.ACTIVE, 1,
                stamp.at(), by, stamp.at(), by));
        feature.record(FeatureAction.CREATED, null, stamp);
        return feature;
    }

    /** A feature as it was stored; records nothing. */
    public static Feature reconstitute(FeatureState state) {
        return new Feature(state);
    }

    /**
     * The rule for a change based on an earlier read: when the caller names the version it saw (an If-Match), the
     * feature must still be at it, else the change is refused as stale; without one, the change applies to whatever
     * is current. Called before the change, on the feature as loaded.
     */
    public void expectVersion(Long expected) {
        if (expected != null && expected != state.version()) {
            throw new StaleVersion("feature '" + state.key() + "'", expected, state.version());
        }
    }

    public void update(FeaturePatch patch, ChangeStamp stamp) {
        requireActive();
        var attributes = state.attributes().with(patch);
        change(FeatureAction.UPDATED, attributes, state.enabled(), state.status(), stamp);
    }

    public void enable(ChangeStamp stamp) {
        requireActive();
        change(FeatureAction.ENABLED, state.attributes(), true, state.status(), stamp);
    }

    public void disable(ChangeStamp stamp) {
        requireActive();
        change(FeatureAction.DISABLED, state.attributes(), false, state.status(), stamp);
    }

    /** Soft delete; deleting a deleted feature changes nothing. */
    public void delete(ChangeStamp stamp) {
        change(FeatureAction.DELETED, state.attributes(), state.enabled(), FeatureStatus.DELETED, stamp);
    }

    /** Brings a deleted feature back as it was; restoring an active feature changes nothing. */
    public void restore(ChangeStamp stamp) {
        change(FeatureAction.RESTORED, state.attributes(), state.enabled(), FeatureStatus.ACTIVE, stamp);
    }

    public FeatureState state() {
        return state;
    }

    /** Whether a change since the last {@link #pullEvents()} changed anything (and so must be stored). */
    public boolean changed() {
        return !events.isEmpty();
    }

    /** Hands over the events recorded since the last pull and forgets them. */
    public List<FeatureChanged> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void requireActive() {
        if (state.status() == FeatureStatus.DELETED) {
            throw Conflict.featureDeleted(state.key().value());
        }
    }

    /**
     * A change never takes a time before the one it follows: made through an instance whose clock is a few
     * milliseconds behind the last one's, it takes the last one's time. So a feature's history in time order is its
     * history in version order, which audit listings (ADR 0009) and as-of reads rely on.
     */
    private void change(FeatureAction action, FeatureAttributes attributes, boolean enabled, FeatureStatus status,
                        ChangeStamp asked) {
        if (attributes.equals(state.attributes()) && enabled == state.enabled() && status == state.status()) {
            return;
        }
        var before = state;
        var stamp = asked.notBefore(before.updatedAt());
        state = new FeatureState(before.id(), before.key(), attributes, enabled, status, before.version() + 1,
                before.createdAt(), before.createdBy(), stamp.at(), stamp.actor().reference());
        record(action, before, stamp);
    }

    private void record(FeatureAction action, FeatureState before, ChangeStamp stamp) {
        events.add(new FeatureChanged(action, before, state, state.changesSince(before), stamp));
    }
}
