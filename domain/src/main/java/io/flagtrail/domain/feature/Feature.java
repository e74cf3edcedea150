package io.flagtrail.domain.feature;

import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.error.StaleVersion;
import io.flagtrail.domain.error.Violations;
import io.flagtrail.domain.evaluation.Targeting;
import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.Project;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The feature aggregate: one feature of one project, its definition shared by the project's environments and its
 * state in each of them. It guards its own rules: the key never changes, a deleted feature can only be read or
 * restored, the definition's variants serve every environment's rules, and a change that changes nothing creates no
 * version and records no event.
 *
 * <p>Changes are seen per environment. A change of one environment's state (on, off, rollout, rules) is one version
 * of that environment's state and one {@link FeatureChanged}; a change of the definition (name, tags, variants,
 * deletion) changes what every environment shows, so it is one version and one event in each. The events carry the
 * feature as the environment shows it ({@link FeatureState}) before and after, for the caller to pull.
 */
public final class Feature {

    private FeatureDefinition definition;
    private final Map<EnvironmentKey, EnvironmentState> states = new LinkedHashMap<>();
    private boolean definitionChanged;
    private final Set<EnvironmentKey> changedStates = new LinkedHashSet<>();
    private final Set<EnvironmentKey> addedStates = new LinkedHashSet<>();
    private final List<FeatureChanged> events = new ArrayList<>();

    private Feature(FeatureRecord record) {
        this.definition = Objects.requireNonNull(record.definition(), "definition");
        record.states().forEach(state -> states.put(state.environment(), state));
    }

    /**
     * A new, active feature at version 1 in each of the project's environments, with the attributes' rollout and
     * targeting in each, on in {@code enabledIn} and off elsewhere. Each environment's state takes an id of
     * {@code stateIds}.
     */
    public static Feature create(UUID id, Project project, List<Environment> environments, Supplier<UUID> stateIds,
                                 FeatureKey key, FeatureAttributes attributes, Set<EnvironmentKey> enabledIn,
                                 ChangeStamp stamp) {
        String by = stamp.actor().reference();
        var definition = new FeatureDefinition(id, project.id(), project.key(), key, attributes.name(),
                attributes.description(), attributes.tags(), attributes.owner(), attributes.targeting().variants(),
                FeatureStatus.ACTIVE, 1, stamp.at(), by, stamp.at(), by);
        var feature = new Feature(new FeatureRecord(definition, List.of()));
        var targeting = attributes.targeting();
        for (var environment : environments) {
            feature.place(new EnvironmentState(stateIds.get(), environment.id(), environment.key(),
                    enabledIn.contains(environment.key()), attributes.rolloutPercentage(), targeting.rules(),
                    targeting.defaultVariant(), targeting.offVariant(), 1, stamp.at(), by, stamp.at(), by), stamp);
        }
        feature.definitionChanged = true;
        return feature;
    }

    /** A feature as it was stored; records nothing. */
    public static Feature reconstitute(FeatureRecord record) {
        return new Feature(record);
    }

    /**
     * Gives the feature a state in a new environment of its project, recorded as its creation there: a copy of its
     * state in {@code copyOf} (on or off as it is there), or, without one, off with the rollout and targeting of its
     * first environment (the definition's plain targeting when it has none).
     */
    public void addEnvironment(Environment environment, UUID stateId, EnvironmentKey copyOf, ChangeStamp asked) {
        if (states.containsKey(environment.key())) {
            return;
        }
        var model = copyOf != null ? java.util.Optional.of(state(copyOf)) : states.values().stream().findFirst();
        var stamp = asked.notBefore(definition.updatedAt());
        String by = stamp.actor().reference();
        var variants = definition.variants();
        var first = variants.keySet().iterator().next();
        place(new EnvironmentState(stateId, environment.id(), environment.key(),
                copyOf != null && model.get().enabled(),
                model.map(EnvironmentState::rolloutPercentage).orElse(100),
                model.map(EnvironmentState::rules).orElse(List.of()),
                model.map(EnvironmentState::defaultVariant).orElse(variants.containsKey(Targeting.ON) ? Targeting.ON : first),
                model.map(EnvironmentState::offVariant).orElse(variants.containsKey(Targeting.OFF) ? Targeting.OFF : first),
                1, stamp.at(), by, stamp.at(), by), stamp);
    }

    /** Forgets the feature's state in an environment that is being deleted; its history stays in the ledger. */
    public void removeEnvironment(EnvironmentKey environment) {
        states.remove(environment);
        changedStates.remove(environment);
        addedStates.remove(environment);
    }

    /**
     * The rule for a change based on an earlier read: when the caller names the version it saw in an environment (an
     * If-Match), the feature's state there must still be at it, else the change is refused as stale; without one, the
     * change applies to whatever is current. Called before the change, on the feature as loaded.
     */
    public void expectVersion(EnvironmentKey environment, Long expected) {
        var current = state(environment).version();
        if (expected != null && expected != current) {
            throw new StaleVersion("feature '" + definition.key() + "'", expected, current);
        }
    }

    /**
     * Applies a patch as seen from one environment: its name, description, tags, owner and variants change the
     * definition (and so every environment), its rollout and rules the environment's state. New variants must still
     * serve every other environment's rules; each broken rule is named under {@code environments.<key>}.
     */
    public void update(EnvironmentKey environment, FeaturePatch patch, ChangeStamp stamp) {
        requireActive();
        var state = state(environment);
        var attributes = view(state).attributes().with(patch);
        if (!attributes.targeting().variants().equals(definition.variants())) {
            var checks = new Violations();
            states.values().stream().filter(other -> !other.environment().equals(environment)).forEach(other ->
                    checks.include("environments." + other.environment(), () -> Targeting.combined(
                            attributes.targeting().variants(), other.rules(), other.defaultVariant(), other.offVariant())));
            checks.throwIfAny();
        }
        change(FeatureAction.UPDATED, environment, attributes, state.enabled(), definition.status(), stamp);
    }

    public void enable(EnvironmentKey environment, ChangeStamp stamp) {
        requireActive();
        var state = state(environment);
        change(FeatureAction.ENABLED, environment, view(state).attributes(), true, definition.status(), stamp);
    }

    public void disable(EnvironmentKey environment, ChangeStamp stamp) {
        requireActive();
        var state = state(environment);
        change(FeatureAction.DISABLED, environment, view(state).attributes(), false, definition.status(), stamp);
    }

    /** Soft delete, in every environment; deleting a deleted feature changes nothing. */
    public void delete(ChangeStamp stamp) {
        changeStatus(FeatureAction.DELETED, FeatureStatus.DELETED, stamp);
    }

    /** Brings a deleted feature back as it was, in every environment; restoring an active feature changes nothing. */
    public void restore(ChangeStamp stamp) {
        changeStatus(FeatureAction.RESTORED, FeatureStatus.ACTIVE, stamp);
    }

    /**
     * Makes {@code environment} show the feature as {@code target} does (an audited snapshot: its attributes, on or
     * off, active or deleted), through the same steps a person would take (restore, update, switch, delete), each
     * recorded as usual: how an approved change request applies the "after" its approvers saw. Answers whether the
     * feature now shows exactly that; a target that no longer fits (a variant another environment's rules need) is
     * refused like the update it is.
     */
    public boolean changeTo(EnvironmentKey environment, Map<String, Object> target, ChangeStamp stamp) {
        var current = state(environment);
        var wanted = FeatureState.fromSnapshot(current.id(), new Scope(definition.project(),
                environment), target, current.createdAt(), current.createdBy(), current.updatedAt(), current.updatedBy());
        if (wanted.status() == FeatureStatus.ACTIVE) {
            restore(stamp);
        }
        if (definition.status() == FeatureStatus.ACTIVE) {
            var a = wanted.attributes();
            var t = a.targeting().toJson();
            @SuppressWarnings("unchecked")
            var targeting = new TargetingPatch((Map<String, Object>) t.get("variants"),
                    (List<?>) t.get("rules"), (String) t.get("defaultVariant"), (String) t.get("offVariant"));
            update(environment, new FeaturePatch(a.name(), a.description(), a.rolloutPercentage(), a.tags(),
                    a.owner() == null ? "" : a.owner(), targeting), stamp);
            if (wanted.enabled()) {
                enable(environment, stamp);
            } else {
                disable(environment, stamp);
            }
        }
        if (wanted.status() == FeatureStatus.DELETED) {
            delete(stamp);
        }
        var now = in(environment);
        return now.attributes().equals(wanted.attributes()) && now.enabled() == wanted.enabled()
                && now.status() == wanted.status();
    }

    /** The feature as {@code environment} shows it; {@code environment.not_found} when its project has no such one. */
    public FeatureState in(EnvironmentKey environment) {
        return view(state(environment));
    }

    /** Whether the feature has a state in {@code environment}. */
    public boolean isIn(EnvironmentKey environment) {
        return states.containsKey(environment);
    }

    public FeatureDefinition definition() {
        return definition;
    }

    /** Everything to store, as it is now. */
    public FeatureRecord record() {
        return new FeatureRecord(definition, List.copyOf(states.values()));
    }

    /** Whether the definition changed since it was loaded or created (and so must be stored). */
    public boolean definitionChanged() {
        return definitionChanged;
    }

    /** The states that changed since the feature was loaded, new ones left out ({@link #addedStates()}). */
    public List<EnvironmentState> changedStates() {
        return pick(changedStates);
    }

    /** The states given to the feature since it was loaded or created. */
    public List<EnvironmentState> addedStates() {
        return pick(addedStates);
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

    private List<EnvironmentState> pick(Collection<EnvironmentKey> keys) {
        return keys.stream().map(states::get).toList();
    }

    private EnvironmentState state(EnvironmentKey environment) {
        var state = states.get(environment);
        if (state == null) {
            throw NotFound.environment(definition.project().value(), environment.value());
        }
        return state;
    }

    private FeatureState view(EnvironmentState state) {
        var targeting = Targeting.combined(definition.variants(), state.rules(), state.defaultVariant(),
                state.offVariant());
        var attributes = new FeatureAttributes(definition.name(), definition.description(), state.rolloutPercentage(),
                definition.tags(), definition.owner(), targeting);
        return new FeatureState(state.id(), definition.project(), state.environment(), definition.key(), attributes,
                state.enabled(), definition.status(), state.version(), state.createdAt(), state.createdBy(),
                state.updatedAt(), state.updatedBy());
    }

    private void requireActive() {
        if (definition.status() == FeatureStatus.DELETED) {
            throw Conflict.featureDeleted(definition.key().value());
        }
    }

    private void place(EnvironmentState state, ChangeStamp stamp) {
        states.put(state.environment(), state);
        addedStates.add(state.environment());
        events.add(new FeatureChanged(FeatureAction.CREATED, null, view(state), view(state).changesSince(null), stamp));
    }

    private void changeStatus(FeatureAction action, FeatureStatus status, ChangeStamp stamp) {
        if (definition.status() == status) {
            return;
        }
        // A feature always has a state: its project keeps at least one environment (ProjectService refuses to
        // delete the last), so a deletion is always seen, and audited, somewhere.
        var any = states.values().iterator().next();
        change(action, any.environment(), view(any).attributes(), any.enabled(), status, stamp);
    }

    /**
     * A change never takes a time before the one it follows: made through an instance whose clock is a few
     * milliseconds behind the last one's, it takes the last one's time. So a feature's history in an environment in
     * time order is its history in version order, which audit listings (ADR 0009) and as-of reads rely on.
     */
    private void change(FeatureAction action, EnvironmentKey environment, FeatureAttributes attributes, boolean enabled,
                        FeatureStatus status, ChangeStamp asked) {
        var target = state(environment);
        boolean definitionDiffers = definition.differsFrom(attributes, status);
        boolean stateDiffers = target.differsFrom(attributes, enabled);
        if (!definitionDiffers && !stateDiffers) {
            return;
        }
        var touched = definitionDiffers ? List.copyOf(states.keySet()) : List.of(environment);
        Instant latest = definition.updatedAt();
        var before = new LinkedHashMap<EnvironmentKey, FeatureState>();
        for (var key : touched) {
            var state = states.get(key);
            before.put(key, view(state));
            latest = latest.isAfter(state.updatedAt()) ? latest : state.updatedAt();
        }
        var stamp = asked.notBefore(latest);
        if (definitionDiffers) {
            definition = definition.with(attributes, status, stamp);
            definitionChanged = true;
        }
        for (var key : touched) {
            var state = states.get(key);
            states.put(key, key.equals(environment) ? state.with(attributes, enabled, stamp)
                    : state.with(view(state).attributes(), state.enabled(), stamp));
            if (!addedStates.contains(key)) {
                changedStates.add(key);
            }
            var after = view(states.get(key));
            events.add(new FeatureChanged(action, before.get(key), after, after.changesSince(before.get(key)), stamp));
        }
    }
}
