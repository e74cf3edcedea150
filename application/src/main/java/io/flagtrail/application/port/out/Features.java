package io.flagtrail.application.port.out;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.FeatureDefinition;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where features live: each one's definition and its state in every environment of its project (ADR 0012). Keys are
 * unique within a project.
 */
public interface Features {

    /** The feature with this key in this project, active or deleted, with its states in environment order. */
    Optional<FeatureRecord> find(ProjectKey project, FeatureKey key);

    /**
     * The same, locked against other changes until the caller's transaction ends. This lock is the one concurrency
     * mechanism of feature changes, whichever environment they change: concurrent changes queue behind it instead of
     * failing, and a change based on a stale read is refused by the aggregate ({@code Feature.expectVersion}), which
     * compares the caller's version with the locked, current one.
     */
    Optional<FeatureRecord> lock(ProjectKey project, FeatureKey key);

    /**
     * Every feature of a project with its states, locked (a new or deleted environment changes each of them), in key
     * order.
     */
    List<FeatureRecord> lockAll(UUID projectId);

    /** Stores new features with their states in one batch; {@code Conflict.featureKeyTaken} when a key is in use. */
    void addAll(List<FeatureRecord> features);

    /** Which of these keys the project uses (deleted features included). */
    Set<FeatureKey> existing(UUID projectId, Collection<FeatureKey> keys);

    /** Replaces a stored definition, which the caller's transaction has {@linkplain #lock locked}. */
    void updateDefinition(FeatureDefinition definition);

    /** Replaces stored states of features the caller's transaction has locked. */
    void updateStates(List<EnvironmentState> states);

    /** Stores new states of locked features, by feature id, in one batch (their project has a new environment). */
    void addStates(Map<UUID, EnvironmentState> byFeature);

    /** Forgets every feature's state in an environment that is being deleted. */
    void removeStates(UUID environmentId);

    /** A project's features as one environment shows them, by status, tag and text, one page at a time. */
    Page<FeatureState> list(Scope scope, FeatureListQuery query);

    /**
     * Every active feature as one environment shows it, in key order, for the evaluation snapshot. A stored feature
     * that cannot be read is handed to {@code unreadable} with its key and the reason, and the others are still read:
     * one bad row must not take every other flag down with it.
     */
    void forEachActive(Scope scope, Consumer<FeatureState> readable, BiConsumer<String, RuntimeException> unreadable);

    /**
     * For every environment of every project, a value that changes whenever what it shows changes (every change adds
     * one to a version of its states; a creation adds a state): one cheap question that tells the evaluation snapshots
     * which to reload.
     */
    Map<Scope, String> fingerprints();
}
