package io.flagtrail.application.service.feature;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.application.port.in.ImportFeaturesUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.service.scope.Places;
import io.flagtrail.domain.changerequest.ChangeRequestAction;
import io.flagtrail.domain.changerequest.ChangeRequestChanged;
import io.flagtrail.domain.changerequest.ProposedChange;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.Scope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Every change to one feature, each method reading as its use case, inside one transaction: load the feature with
 * its state in each environment of its project (locked until the transaction ends, so that concurrent changes queue
 * instead of failing), let the aggregate check the version the caller based its change on and decide, store what
 * changed, and record it (audit entries, events, metrics, log: {@link FeatureChanges}). A change that changed nothing
 * stores and records nothing. The batch import checks every key first (taken, or twice in the batch) so that the
 * answer names each problem, then creates all features in one transaction. Nothing is stored that the
 * {@link ApprovalGate} refuses, except what {@link #applyApproved} applies for an approved change request.
 */
public final class FeatureCommandService
        implements CreateFeatureUseCase, UpdateFeatureUseCase, TransitionFeatureUseCase, ImportFeaturesUseCase {

    private final Features features;
    private final Projects projects;
    private final FeatureChanges changes;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public FeatureCommandService(Features features, Projects projects, FeatureChanges changes, Transactions transactions,
                                 Clock clock, IdGenerator ids) {
        this.features = features;
        this.projects = projects;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public FeatureState create(CreateFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var place = place(command.scope());
            var feature = create(place, command);
            ApprovalGate.requireDirect(feature, place.environments());
            features.addAll(List.of(feature.record()));
            changes.record(feature, command.origin());
            return feature.in(command.scope().environment());
        });
    }

    @Override
    public FeatureState update(UpdateFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var environment = command.scope().environment();
            var feature = load(command.scope(), command.key());
            feature.expectVersion(environment, command.expectedVersion());
            feature.update(environment, command.patch(), stamp(command.origin(), command.reason()));
            return store(feature, command.scope(), command.origin());
        });
    }

    @Override
    public FeatureState transition(TransitionFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var environment = command.scope().environment();
            var feature = load(command.scope(), command.key());
            feature.expectVersion(environment, command.expectedVersion());
            var stamp = stamp(command.origin(), command.reason());
            switch (command.transition()) {
                case ENABLE -> feature.enable(environment, stamp);
                case DISABLE -> feature.disable(environment, stamp);
                case DELETE -> feature.delete(stamp);
                case RESTORE -> feature.restore(stamp);
            }
            return store(feature, command.scope(), command.origin());
        });
    }

    @Override
    public ImportResult importAll(List<CreateFeatureCommand> commands) {
        return transactions.inTransaction(() -> {
            if (commands.isEmpty()) {
                return new ImportResult(true, List.of());
            }
            var scope = commands.getFirst().scope();
            if (commands.stream().anyMatch(c -> !c.scope().equals(scope))) {
                throw new IllegalArgumentException("an import goes to one project and environment");
            }
            var place = place(scope);
            var taken = features.existing(place.project().id(), commands.stream().map(CreateFeatureCommand::key).toList());
            var firstIndex = new HashMap<FeatureKey, Integer>();
            var problems = new HashMap<Integer, ItemResult>();
            for (int i = 0; i < commands.size(); i++) {
                var key = commands.get(i).key();
                Integer earlier = firstIndex.putIfAbsent(key, i);
                if (earlier != null) {
                    problems.put(i, new ItemResult(i, key.value(), Outcome.DUPLICATE_IN_BATCH,
                            "key '" + key + "' is also item " + earlier));
                } else if (taken.contains(key)) {
                    problems.put(i, new ItemResult(i, key.value(), Outcome.KEY_TAKEN,
                            "a feature with key '" + key + "' already exists"));
                }
            }
            if (!problems.isEmpty()) {
                return new ImportResult(false, results(commands, problems, Outcome.NOT_IMPORTED,
                        "not imported: the batch has problems elsewhere"));
            }
            createAll(place, commands);
            return new ImportResult(true, results(commands, Map.of(), Outcome.CREATED, "created"));
        });
    }

    /** One write per table for the lot: the features, their audit entries and their events. */
    private void createAll(Places place, List<CreateFeatureCommand> commands) {
        var created = new ArrayList<Feature>(commands.size());
        for (var command : commands) {
            var feature = create(place, command);
            ApprovalGate.requireDirect(feature, place.environments());
            created.add(feature);
        }
        features.addAll(created.stream().map(Feature::record).toList());
        changes.recordAll(created, commands.stream().map(CreateFeatureCommand::origin).toList());
    }

    private static List<ItemResult> results(List<CreateFeatureCommand> commands, Map<Integer, ItemResult> problems,
                                            Outcome otherwise, String message) {
        var results = new ArrayList<ItemResult>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            var problem = problems.get(i);
            results.add(problem != null ? problem : new ItemResult(i, commands.get(i).key().value(), otherwise, message));
        }
        return results;
    }

    private Feature create(Places place, CreateFeatureCommand command) {
        var enabledIn = command.enabled() ? Set.of(command.scope().environment()) : Set.<EnvironmentKey>of();
        return Feature.create(ids.newId(), place.project(), place.environments(), ids::newId, command.key(),
                command.attributes(), enabledIn, stamp(command.origin(), command.reason()));
    }

    private Places place(Scope scope) {
        return Places.of(projects, scope);
    }

    private Feature load(Scope scope, FeatureKey key) {
        var found = features.lock(scope.project(), key);
        if (found.isEmpty()) {
            place(scope);
            throw NotFound.feature(key.value());
        }
        return Feature.reconstitute(found.get());
    }

    /**
     * Applies reviewed changes (an approved change request, or a break-glass change) in the caller's transaction:
     * locks every feature they change (in key order, so that two requests over the same features queue rather than
     * deadlock), hands their state versions in {@code scope}'s environment to {@code decide} (the request's own step,
     * which re-checks approvals and versions), and, when that step is APPLIED or BREAK_GLASS, makes each feature show
     * the "after" that was reviewed. A change that would reach another protected environment (a definition change:
     * variants, name, deletion) is refused: it needs that environment's approval too.
     */
    public ChangeRequestChanged applyApproved(Scope scope, List<ProposedChange> approved,
                                              Function<Map<FeatureKey, Long>, ChangeRequestChanged> decide,
                                              Origin origin) {
        return transactions.inTransaction(() -> {
            var environment = scope.environment();
            var loaded = new TreeMap<FeatureKey, Feature>(Comparator.comparing(FeatureKey::value));
            approved.stream().map(ProposedChange::feature).sorted(Comparator.comparing(FeatureKey::value))
                    .forEach(key -> features.lock(scope.project(), key)
                            .ifPresent(found -> loaded.put(key, Feature.reconstitute(found))));
            var current = new HashMap<FeatureKey, Long>();
            loaded.forEach((key, feature) -> {
                if (feature.isIn(environment)) {
                    current.put(key, feature.in(environment).version());
                }
            });
            var step = decide.apply(current);
            boolean breakGlass = step.action() == ChangeRequestAction.BREAK_GLASS;
            if (step.action() != ChangeRequestAction.APPLIED && !breakGlass) {
                return step;
            }
            var request = step.after();
            var stamp = stamp(origin, request.reasonOfItsChanges());
            var environments = loaded.isEmpty() ? List.<Environment>of()
                    : projects.environments(loaded.firstEntry().getValue().definition().projectId());
            for (var change : approved) {
                var feature = loaded.get(change.feature());
                if (!feature.changeTo(environment, change.after(), stamp)) {
                    throw new IllegalStateException("change request " + request.id() + " did not leave feature '"
                            + change.feature() + "' as reviewed");
                }
                ApprovalGate.requireOnly(feature, environment, environments);
                storeChanged(feature, origin);
            }
            return step;
        });
    }

    /** Stores and records the feature when the change changed it; a change to nothing leaves no trace. */
    private FeatureState store(Feature feature, Scope scope, Origin origin) {
        if (feature.changed()) {
            ApprovalGate.requireDirect(feature, projects.environments(feature.definition().projectId()));
        }
        storeChanged(feature, origin);
        return feature.in(scope.environment());
    }

    private void storeChanged(Feature feature, Origin origin) {
        if (feature.changed()) {
            if (feature.definitionChanged()) {
                features.updateDefinition(feature.definition());
            }
            features.updateStates(feature.changedStates());
            changes.record(feature, origin);
        }
    }


    private ChangeStamp stamp(Origin origin, Reason reason) {
        return new ChangeStamp(origin.actor(), clock.now(), reason);
    }
}
