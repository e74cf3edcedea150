package io.flagtrail.application.port.in;

import io.flagtrail.domain.evaluation.Evaluation;
import io.flagtrail.domain.evaluation.EvaluationContext;
import io.flagtrail.domain.project.Scope;
import java.util.List;
import java.util.Map;

/**
 * Evaluates flags from an in-memory snapshot per environment of the active features: no database access per
 * evaluation. Each environment's snapshot is reloaded when its features' fingerprint changes ({@link #refresh},
 * called often by the server), so a change in one environment never reloads nor re-versions another's.
 */
public interface EvaluateFlagsUseCase {

    /** Every flag of one environment evaluated for one context, with that snapshot's version (an ETag for clients). */
    record BulkEvaluation(String version, List<Evaluation> evaluations) {
    }

    /** One flag of the scope's environment; {@code NotFound} with code {@code flag.not_found} for an unknown or deleted one. */
    Evaluation evaluate(Scope scope, String key, EvaluationContext context);

    BulkEvaluation evaluateAll(Scope scope, EvaluationContext context);

    /** The version of the scope's snapshot, without evaluating anything. */
    String version(Scope scope);

    /** How many flags the snapshots serve, every environment together. */
    int size();

    /**
     * Active features the last reload could not read, by {@code <project>/<environment>/<key>}, with the reason; they
     * are left out of their environment's snapshot (evaluating one answers not found) while every other flag is
     * served. Empty when all is well.
     */
    Map<String, String> unreadable();

    /** Reloads the snapshots whose features changed; answers whether any did. */
    boolean refresh();
}
