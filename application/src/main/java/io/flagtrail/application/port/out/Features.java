package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Where features live. */
public interface Features {

    /** The feature with this key, active or deleted. */
    Optional<FeatureState> find(FeatureKey key);

    /**
     * The feature with this key, locked against other changes until the caller's transaction ends. This lock is the
     * one concurrency mechanism of feature changes: concurrent changes queue behind it instead of failing, and a
     * change based on a stale read is refused by the aggregate ({@code Feature.expectVersion}), which compares the
     * caller's version with the locked, current one.
     */
    Optional<FeatureState> lock(FeatureKey key);

    /** Stores a new feature; throws {@code Conflict.featureKeyTaken} when the key is in use (deleted features included). */
    void add(FeatureState feature);

    /** Stores new features in one batch; throws {@code Conflict} when a key is in use. */
    void addAll(List<FeatureState> features);

    /** Which of these keys are in use (deleted features included). */
    Set<FeatureKey> existing(Collection<FeatureKey> keys);

    /** Replaces the stored feature, which the caller's transaction has {@linkplain #lock locked}. */
    void update(FeatureState feature);

    Page<FeatureState> list(FeatureListQuery query);

    /**
     * Every active feature, in key order, for the evaluation snapshot. A stored feature that cannot be read is handed
     * to {@code unreadable} with its key and the reason, and the others are still read: one bad row must not take
     * every other flag down with it.
     */
    void forEachActive(Consumer<FeatureState> readable, BiConsumer<String, RuntimeException> unreadable);

    /**
     * Changes whenever any feature changes (every change adds one to one version; a creation adds a feature): a cheap
     * question that tells an evaluation snapshot whether to reload.
     */
    String fingerprint();
}
