package io.flagtrail.application.port.in;

import io.flagtrail.domain.evaluation.Evaluation;
import io.flagtrail.domain.evaluation.EvaluationContext;
import java.util.List;
import java.util.Map;

/**
 * Evaluates flags from an in-memory snapshot of the active features: no database access per evaluation. The snapshot
 * is reloaded when the features' fingerprint changes ({@link #refresh}, called often by the server).
 */
public interface EvaluateFlagsUseCase {

    /** Every flag evaluated for one context, with the snapshot's version (an ETag for clients). */
    record BulkEvaluation(String version, List<Evaluation> evaluations) {
    }

    /** One flag; {@code NotFound} with code {@code flag.not_found} for an unknown or deleted one. */
    Evaluation evaluate(String key, EvaluationContext context);

    BulkEvaluation evaluateAll(EvaluationContext context);

    /** The snapshot's version, without evaluating anything. */
    String version();

    /** How many flags the snapshot serves. */
    int size();

    /**
     * Active features the last reload could not read, by key, with the reason; they are left out of the snapshot
     * (evaluating one answers not found) while every other flag is served. Empty when all is well.
     */
    Map<String, String> unreadable();

    /** Reloads the snapshot if the features changed; answers whether it did. */
    boolean refresh();
}
