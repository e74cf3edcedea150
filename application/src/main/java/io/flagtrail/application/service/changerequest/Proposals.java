package io.flagtrail.application.service.changerequest;

import io.flagtrail.application.port.in.ChangeRequestUseCases.FeatureEdit;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.change.ChangeStamp;
import io.flagtrail.domain.changerequest.ProposedChange;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.project.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a proposer asks for into the diff a reviewer approves: each feature's state in the request's environment
 * as it is now (the base) and as the edit would leave it, worked out by the feature aggregate itself on a copy that
 * is never stored, so a proposal breaks exactly the rules a direct change would (and says so, field by field).
 */
final class Proposals {

    private final Features features;

    Proposals(Features features) {
        this.features = features;
    }

    /** The changes the edits make (none for none: the request's own rules say whether that is enough). */
    List<ProposedChange> of(Scope scope, List<FeatureEdit> edits, Actor actor, Instant at) {
        var stamp = new ChangeStamp(actor, at, null);
        var proposed = new ArrayList<ProposedChange>(edits.size());
        for (var edit : edits) {
            var found = features.find(scope.project(), edit.feature())
                    .orElseThrow(() -> NotFound.feature(edit.feature().value()));
            var feature = Feature.reconstitute(found);
            var environment = scope.environment();
            feature.expectVersion(environment, edit.expectedVersion());
            var before = feature.in(environment);
            if (edit.status() == FeatureStatus.ACTIVE) {
                feature.restore(stamp);
            }
            if (!edit.patch().isEmpty()) {
                feature.update(environment, edit.patch(), stamp);
            }
            if (Boolean.TRUE.equals(edit.enabled())) {
                feature.enable(environment, stamp);
            } else if (Boolean.FALSE.equals(edit.enabled())) {
                feature.disable(environment, stamp);
            }
            if (edit.status() == FeatureStatus.DELETED) {
                feature.delete(stamp);
            }
            proposed.add(new ProposedChange(edit.feature(), before.version(), before.snapshot(),
                    feature.in(environment).snapshot()));
        }
        return proposed;
    }
}
