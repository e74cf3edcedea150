package io.flagtrail.application.service;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.in.FeatureListQuery;
import io.flagtrail.application.port.in.Page;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.evaluation.Evaluation;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.flagtrail.domain.evaluation.FlagDefinition;
import io.flagtrail.domain.feature.FeatureStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The evaluation snapshot: every active feature as a {@link FlagDefinition}, swapped in whole when the features'
 * fingerprint changes, so that an evaluation reads memory only and sees one consistent version of all flags.
 */
public final class EvaluateFlagsService implements EvaluateFlagsUseCase {

    private record Snapshot(String version, Map<String, FlagDefinition> flags) {
    }

    private final Features features;
    private final BusinessMetrics metrics;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot("", Map.of()));

    public EvaluateFlagsService(Features features, BusinessMetrics metrics) {
        this.features = features;
        this.metrics = metrics;
    }

    @Override
    public Evaluation evaluate(String key, EvaluationContext context) {
        var flag = current.get().flags().get(key);
        if (flag == null) {
            throw new NotFound("flag.not_found", "no flag '" + key + "'");
        }
        return counted(flag.evaluate(context));
    }

    @Override
    public BulkEvaluation evaluateAll(EvaluationContext context) {
        var snapshot = current.get();
        var evaluations = new ArrayList<Evaluation>(snapshot.flags().size());
        for (var flag : snapshot.flags().values()) {
            try {
                evaluations.add(counted(flag.evaluate(context)));
            } catch (InvalidInput needsTargetingKey) {
                // a rolled-out flag cannot be evaluated without a targeting key; the others still can
            }
        }
        return new BulkEvaluation(snapshot.version(), evaluations);
    }

    private Evaluation counted(Evaluation evaluation) {
        metrics.evaluated(evaluation.key(), evaluation.reason().name());
        return evaluation;
    }

    @Override
    public String version() {
        return current.get().version();
    }

    @Override
    public synchronized boolean refresh() {
        String fingerprint = features.fingerprint();
        if (fingerprint.equals(current.get().version())) {
            return false;
        }
        var flags = new LinkedHashMap<String, FlagDefinition>();
        String cursor = null;
        do {
            var page = features.list(new FeatureListQuery(FeatureStatus.ACTIVE, null, null, Page.MAX_LIMIT, cursor));
            page.items().forEach(f -> flags.put(f.key().value(), f.flagDefinition()));
            cursor = page.nextCursor();
        } while (cursor != null);
        current.set(new Snapshot(fingerprint, Map.copyOf(flags)));
        return true;
    }
}
