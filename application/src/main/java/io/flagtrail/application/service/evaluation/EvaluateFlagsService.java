package io.flagtrail.application.service.evaluation;

import io.flagtrail.application.port.in.EvaluateFlagsUseCase;
import io.flagtrail.application.port.out.AppLogger;
import io.flagtrail.application.port.out.BusinessMetrics;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.evaluation.Evaluation;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.flagtrail.domain.evaluation.FlagDefinition;
import io.flagtrail.domain.project.Scope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The evaluation snapshot: every active feature as a {@link FlagDefinition}, swapped in whole when the features'
 * fingerprint changes, so that an evaluation reads memory only and sees one consistent version of all flags.
 */
public final class EvaluateFlagsService implements EvaluateFlagsUseCase {

    private record Snapshot(String version, Map<String, FlagDefinition> flags, Map<String, String> unreadable) {
    }

    /**
     * What evaluation serves until API keys are bound to a project and environment (issue 18's next step): the
     * compatibility scope, where every feature from before projects lives.
     */
    private static final Scope SERVED = Scope.COMPATIBILITY;

    private final Features features;
    private final BusinessMetrics metrics;
    private final AppLogger log;
    private final AtomicReference<Snapshot> current = new AtomicReference<>(new Snapshot("", Map.of(), Map.of()));

    public EvaluateFlagsService(Features features, BusinessMetrics metrics, AppLogger log) {
        this.features = features;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public Evaluation evaluate(String key, EvaluationContext context) {
        var snapshot = current.get();
        var flag = snapshot.flags().get(key);
        if (flag == null) {
            throw new NotFound("flag.not_found", snapshot.unreadable().containsKey(key)
                    ? "flag '" + key + "' cannot be loaded from the store; see the evaluation health details"
                    : "no flag '" + key + "'");
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
    public Map<String, String> unreadable() {
        return current.get().unreadable();
    }

    @Override
    public int size() {
        return current.get().flags().size();
    }

    /**
     * Reloads every active feature. One that cannot be read is left out and named in {@link #unreadable()}, logged
     * once when it first turns up (not on every refresh), and every other flag keeps evaluating.
     */
    @Override
    public synchronized boolean refresh() {
        String fingerprint = features.fingerprint(SERVED);
        var previous = current.get();
        if (fingerprint.equals(previous.version())) {
            return false;
        }
        var flags = new LinkedHashMap<String, FlagDefinition>();
        var unreadable = new TreeMap<String, String>();
        features.forEachActive(SERVED, feature -> {
            try {
                flags.put(feature.key().value(), feature.flagDefinition());
            } catch (RuntimeException e) {
                unreadable.put(feature.key().value(), String.valueOf(e.getMessage()));
            }
        }, (key, e) -> unreadable.put(key, String.valueOf(e.getMessage())));
        unreadable.forEach((key, reason) -> {
            if (!previous.unreadable().containsKey(key)) {
                log.error("a feature cannot be loaded for evaluation; it is left out and every other flag is served",
                        null, "key", key, "reason", reason);
            }
        });
        current.set(new Snapshot(fingerprint, Map.copyOf(flags), Collections.unmodifiableMap(unreadable)));
        return true;
    }
}
