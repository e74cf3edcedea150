package io.flagtrail.application.service.feature;

import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.project.Environment;
import io.flagtrail.domain.project.EnvironmentKey;
import java.util.List;
import java.util.stream.Stream;

/**
 * Four eyes at the one place every feature change passes (ADR 0014): in an environment whose approval policy requires
 * approvals, a feature's state changes only through an approved change request. Every entry point (REST, CLI, API
 * keys, the import, bulk operations, restoring) reaches a feature's state through {@link FeatureCommandService}, which
 * asks here before it stores anything; ADMIN is not exempt. A change of the definition (name, variants, deletion)
 * changes what every environment shows, so it is refused when any of them is protected. A new feature may be created
 * switched off in a protected environment (it serves its off variant there, as if it did not exist), not on.
 */
final class ApprovalGate {

    private ApprovalGate() {
    }

    /**
     * Refuses (409 {@code change_request.required}) what {@code feature} changed in protected environments;
     * {@code environments}: its project's, as the caller's transaction read them (once for a whole batch).
     */
    static void requireDirect(Feature feature, List<Environment> environments) {
        var changed = Stream.concat(feature.changedStates().stream(),
                feature.addedStates().stream().filter(EnvironmentState::enabled)).map(EnvironmentState::environment)
                .toList();
        var guarded = guarded(environments, changed);
        if (!guarded.isEmpty()) {
            throw required(feature.definition().project().value(), guarded);
        }
    }

    /**
     * Refuses (409 {@code change_request.reaches_other_protected}) what an approved request for {@code approved}
     * changed in another protected environment: a definition change needs each protected environment's approval.
     */
    static void requireOnly(Feature feature, EnvironmentKey approved, List<Environment> environments) {
        var elsewhere = guarded(environments, feature.changedStates().stream().map(EnvironmentState::environment)
                .filter(e -> !e.equals(approved)).toList());
        if (!elsewhere.isEmpty()) {
            throw new Conflict("change_request.reaches_other_protected", "applying it would change feature '"
                    + feature.definition().key() + "' in " + quoted(elsewhere) + " too (a change of its name, "
                    + "variants or existence shows in every environment), which are protected as well");
        }
    }

    private static List<EnvironmentKey> guarded(List<Environment> environments, List<EnvironmentKey> changed) {
        return environments.stream().filter(Environment::isProtected).map(Environment::key)
                .filter(changed::contains).toList();
    }

    private static String quoted(List<EnvironmentKey> environments) {
        return String.join(", ", environments.stream().map(e -> "'" + e + "'").toList());
    }

    private static Conflict required(String project, List<EnvironmentKey> guarded) {
        var first = guarded.getFirst();
        return new Conflict("change_request.required", "the change reaches " + quoted(guarded) + " of project '"
                + project + "', where changes "
                + "need an approved change request: propose it at POST /api/v1/projects/" + project
                + "/environments/" + first + "/change-requests");
    }
}
