package io.flagtrail.application.service;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.ImportFeaturesUseCase;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.feature.FeatureKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch import: checks every key first (taken, or twice in the batch) so that the answer names each problem,
 * then creates all features through the recorder in one transaction with batched writes.
 */
public final class ImportFeaturesService implements ImportFeaturesUseCase {

    private final FeatureChangeRecorder recorder;
    private final Features features;
    private final Transactions transactions;

    public ImportFeaturesService(FeatureChangeRecorder recorder, Features features, Transactions transactions) {
        this.recorder = recorder;
        this.features = features;
        this.transactions = transactions;
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
            recorder.createAll(commands);
            return new ImportResult(true, results(commands, Map.of(), Outcome.CREATED, "created"));
        });
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
}
