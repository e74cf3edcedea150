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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The evaluation snapshots, one per environment: every active feature as that environment shows it, as a
 * {@link FlagDefinition}, swapped in whole when that environment's fingerprint changes, so that an evaluation reads
 * memory only and sees one consistent version of all its environment's flags. One query asks every environment's
 * fingerprint ({@link Features#fingerprints()}); only the environments whose features changed are reloaded.
 */
public final class EvaluateFlagsService implements EvaluateFlagsUseCase {

    private record Snapshot(String version, Map<String, FlagDefinition> flags, Map<String, String> unreadable) {
    }

    private static final Snapshot EMPTY = new Snapshot("", Map.of(), Map.of());

    private final Features features;
    private final BusinessMetrics metrics;
    private final AppLogger log;
    private final AtomicReference<Map<Scope, Snapshot>> current = new AtomicReference<>(Map.of());

    public EvaluateFlagsService(Features features, BusinessMetrics metrics, AppLogger log) {
        this.features = features;
        this.metrics = metrics;
        this.log = log;
    }

    @Override
    public Evaluation evaluate(Scope scope, String key, EvaluationContext context) {
        var snapshot = snapshot(scope);
        var flag = snapshot.flags().get(key);
        if (flag == null) {
            throw new NotFound("flag.not_found", snapshot.unreadable().containsKey(key)
                    ? "flag '" + key + "' cannot be loaded from the store; see the evaluation health details"
                    : "no flag '" + key + "' in " + scope);
        }
        return counted(flag.evaluate(context));
    }

    @Override
    public BulkEvaluation evaluateAll(Scope scope, EvaluationContext context) {
        var snapshot = snapshot(scope);
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

    private Snapshot snapshot(Scope scope) {
        return current.get().getOrDefault(scope, EMPTY);
    }

    private Evaluation counted(Evaluation evaluation) {
        metrics.evaluated(evaluation.key(), evaluation.reason().name());
        return evaluation;
    }

    @Override
    public String version(Scope scope) {
        return snapshot(scope).version();
    }

    @Override
    public int size() {
        return current.get().values().stream().mapToInt(s -> s.flags().size()).sum();
    }

    @Override
    public Map<String, String> unreadable() {
        var all = new TreeMap<String, String>();
        current.get().forEach((scope, snapshot) -> snapshot.unreadable()
                .forEach((key, reason) -> all.put(scope + "/" + key, reason)));
        return Collections.unmodifiableMap(all);
    }

    /**
     * Reloads the environments whose fingerprint changed. A feature that cannot be read is left out and named in
     * {@link #unreadable()}, logged once when it first turns up (not on every refresh), and every other flag keeps
     * evaluating.
     */
    @Override
    public synchronized boolean refresh() {
        var fingerprints = features.fingerprints();
        var previous = current.get();
        var next = new HashMap<Scope, Snapshot>();
        boolean changed = !previous.keySet().equals(fingerprints.keySet());
        for (var entry : fingerprints.entrySet()) {
            var before = previous.getOrDefault(entry.getKey(), EMPTY);
            if (entry.getValue().equals(before.version())) {
                next.put(entry.getKey(), before);
            } else {
                next.put(entry.getKey(), load(entry.getKey(), entry.getValue(), before));
                changed = true;
            }
        }
        current.set(Map.copyOf(next));
        return changed;
    }

    private Snapshot load(Scope scope, String fingerprint, Snapshot previous) {
        var flags = new LinkedHashMap<String, FlagDefinition>();
        var unreadable = new TreeMap<String, String>();
        features.forEachActive(scope, feature -> {
            try {
                flags.put(feature.key().value(), feature.flagDefinition());
            } catch (RuntimeException e) {
                unreadable.put(feature.key().value(), String.valueOf(e.getMessage()));
            }
        }, (key, e) -> unreadable.put(key, String.valueOf(e.getMessage())));
        unreadable.forEach((key, reason) -> {
            if (!previous.unreadable().containsKey(key)) {
                log.error("a feature cannot be loaded for evaluation; it is left out and every other flag is served",
                        null, "key", key, "project", scope.project().value(), "environment",
                        scope.environment().value(), "reason", reason);
            }
        });
        return new Snapshot(fingerprint, Map.copyOf(flags), Collections.unmodifiableMap(unreadable));
    }
}
