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
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.feature.ChangeStamp;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.Reason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change to one feature, each method reading as its use case, inside one transaction: load the feature (locked
 * until the transaction ends, so that concurrent changes queue instead of failing), let the aggregate check the
 * version the caller based its change on and decide, store what changed, and record it (audit entries, events,
 * metrics, log: {@link FeatureChanges}). A change that changed nothing stores and records nothing. The batch import
 * checks every key first (taken, or twice in the batch) so that the answer names each problem, then creates all
 * features in one transaction.
 */
public final class FeatureCommandService
        implements CreateFeatureUseCase, UpdateFeatureUseCase, TransitionFeatureUseCase, ImportFeaturesUseCase {

    private final Features features;
    private final FeatureChanges changes;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public FeatureCommandService(Features features, FeatureChanges changes, Transactions transactions, Clock clock,
                                 IdGenerator ids) {
        this.features = features;
        this.changes = changes;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public FeatureState create(CreateFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var feature = Feature.create(ids.newId(), command.key(), command.attributes(), command.enabled(),
                    stamp(command.origin(), command.reason()));
            features.add(feature.state());
            changes.record(feature, command.origin());
            return feature.state();
        });
    }

    @Override
    public FeatureState update(UpdateFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var feature = load(command.key());
            feature.expectVersion(command.expectedVersion());
            feature.update(command.patch(), stamp(command.origin(), command.reason()));
            return store(feature, command.origin());
        });
    }

    @Override
    public FeatureState transition(TransitionFeatureCommand command) {
        return transactions.inTransaction(() -> {
            var feature = load(command.key());
            feature.expectVersion(command.expectedVersion());
            var stamp = stamp(command.origin(), command.reason());
            switch (command.transition()) {
                case ENABLE -> feature.enable(stamp);
                case DISABLE -> feature.disable(stamp);
                case DELETE -> feature.delete(stamp);
                case RESTORE -> feature.restore(stamp);
            }
            return store(feature, command.origin());
        });
    }

    @Override
    public ImportResult importAll(List<CreateFeatureCommand> commands) {
        return transactions.inTransaction(() -> {
            var taken = features.existing(commands.stream().map(CreateFeatureCommand::key).toList());
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
            createAll(commands);
            return new ImportResult(true, results(commands, Map.of(), Outcome.CREATED, "created"));
        });
    }

    /** One write per table for the lot: the features, their audit entries and their events. */
    private void createAll(List<CreateFeatureCommand> commands) {
        var created = new ArrayList<Feature>(commands.size());
        for (var command : commands) {
            created.add(Feature.create(ids.newId(), command.key(), command.attributes(), command.enabled(),
                    stamp(command.origin(), command.reason())));
        }
        features.addAll(created.stream().map(Feature::state).toList());
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

    private Feature load(FeatureKey key) {
        return Feature.reconstitute(features.lock(key).orElseThrow(() -> NotFound.feature(key.value())));
    }

    /** Stores and records the feature when the change changed it; a change to nothing leaves no trace. */
    private FeatureState store(Feature feature, Origin origin) {
        if (feature.changed()) {
            features.update(feature.state());
            changes.record(feature, origin);
        }
        return feature.state();
    }

    private ChangeStamp stamp(Origin origin, Reason reason) {
        return new ChangeStamp(origin.actor(), clock.now(), reason);
    }
}
