package io.flagtrail.adapter.web.changerequest;

import io.flagtrail.adapter.web.http.Params;
import io.flagtrail.adapter.web.project.ApprovalPolicyBody;
import io.flagtrail.application.port.in.ChangeRequestUseCases.FeatureEdit;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.changerequest.Approval;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ProposedChange;
import io.flagtrail.domain.error.InvalidInput;
import io.flagtrail.domain.evaluation.TargetingPatch;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeaturePatch;
import io.flagtrail.domain.feature.FeatureStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON of change requests, and what their create, edit and step requests carry. */
final class ChangeRequestViews {

    private ChangeRequestViews() {
    }

    @Serdeable
    @Schema(name = "ChangeRequest")
    record ChangeRequestResponse(String id, String project, String environment, String title, ActorView author,
                                 @Schema(description = "draft, submitted, approved, scheduled, conflicted, rejected, "
                                         + "withdrawn, applied, cancelled; a break-glass change review_pending until "
                                         + "signed off, then reviewed") String state,
                                 List<ChangeView> changes,
                                 @Nullable @Schema(description = "the approval policy it proposes for the "
                                         + "environment, if any") ApprovalPolicyBody approvalPolicy,
                                 List<ApprovalView> approvals,
                                 @Nullable ActorView decidedBy,
                                 @Nullable @Schema(description = "the reason of a rejection, withdrawal or "
                                         + "cancellation, or what a conflict found") String decision,
                                 @Nullable Instant scheduledFor, long version, Instant createdAt, Instant updatedAt) {
        static ChangeRequestResponse of(ChangeRequest r) {
            return new ChangeRequestResponse(r.id().toString(), r.scope().project().value(),
                    r.scope().environment().value(), r.title(), ActorView.of(r.author()),
                    r.state().name().toLowerCase(Locale.ROOT), r.changes().stream().map(ChangeView::of).toList(),
                    r.policy() == null ? null : ApprovalPolicyBody.of(r.policy()),
                    r.approvals().stream().map(ApprovalView::of).toList(),
                    r.decidedBy() == null ? null : ActorView.of(r.decidedBy()), r.decision(), r.scheduledFor(),
                    r.version(), r.createdAt(), r.updatedAt());
        }
    }

    @Serdeable
    @Schema(name = "ChangeRequestActor")
    record ActorView(String type, String id, String displayName) {
        static ActorView of(Actor a) {
            return new ActorView(a.type().name().toLowerCase(Locale.ROOT), a.id(), a.displayName());
        }
    }

    @Serdeable
    @Schema(name = "ProposedChange", description = "one feature's state here at the version the request is based "
            + "on, as the request would leave it, and the field-level diff between them")
    record ChangeView(String feature, long baseVersion, Map<String, Object> before, Map<String, Object> after,
                      List<FieldChangeView> diff) {
        static ChangeView of(ProposedChange c) {
            return new ChangeView(c.feature().value(), c.baseVersion(), c.before(), c.after(),
                    c.diff().stream().filter(f -> !f.field().equals("version")).map(FieldChangeView::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "ProposedFieldChange")
    record FieldChangeView(String field, @Nullable Object from, @Nullable Object to) {
        static FieldChangeView of(FieldChange f) {
            return new FieldChangeView(f.field(), f.from(), f.to());
        }
    }

    @Serdeable
    @Schema(name = "Approval")
    record ApprovalView(ActorView approver, Instant at, @Nullable String comment) {
        static ApprovalView of(Approval a) {
            return new ApprovalView(ActorView.of(a.approver()), a.at(), a.comment());
        }
    }

    /** A new request: a title and what to change; {@code submit} false keeps it a draft. */
    @Serdeable
    @Schema(name = "CreateChangeRequest")
    record CreateChangeRequest(@Nullable String title, @Nullable List<EditBody> changes,
                               @Nullable @Schema(description = "a new approval policy for the environment, applied "
                                       + "with the request: the one way a protected environment's policy changes")
                               ApprovalPolicyBody approvalPolicy,
                               @Nullable @Schema(description = "send it for approval at once (the default); false "
                                       + "keeps it a draft") Boolean submit) {
    }

    /** An emergency change: why (required, it stays on the record) and what to change. */
    @Serdeable
    @Schema(name = "BreakGlass")
    record BreakGlassBody(@Nullable String reason, @Nullable List<EditBody> changes) {
    }

    /** The author's new proposal, in place of the old one (a rebase when conflicted). */
    @Serdeable
    @Schema(name = "EditChangeRequest")
    record EditChangeRequest(@Nullable List<EditBody> changes, @Nullable ApprovalPolicyBody approvalPolicy) {
    }

    /**
     * What to do to one feature: the fields of a feature update, on or off, deleted or active again; any together.
     */
    @Serdeable
    @Schema(name = "FeatureEdit")
    record EditBody(@Nullable String feature,
                    @Nullable @Schema(description = "the version of the feature here the proposer saw") Long expectedVersion,
                    @Nullable String name, @Nullable String description, @Nullable Integer rolloutPercentage,
                    @Nullable List<String> tags, @Nullable String owner, @Nullable Map<String, Object> variants,
                    @Nullable List<Object> rules, @Nullable String defaultVariant, @Nullable String offVariant,
                    @Nullable Boolean enabled,
                    @Nullable @Schema(description = "deleted, or active to restore") String status) {
        FeatureEdit edit(int index) {
            if (feature == null || feature.isBlank()) {
                throw InvalidInput.of("changes[" + index + "].feature", "is required: the key of a feature");
            }
            FeatureKey key;
            try {
                key = new FeatureKey(feature);
            } catch (InvalidInput notAKey) {
                throw InvalidInput.of("changes[" + index + "].feature", "'" + feature + "' is not a feature key");
            }
            return new FeatureEdit(key, expectedVersion,
                    new FeaturePatch(name, description, rolloutPercentage, tags, owner,
                            new TargetingPatch(variants, rules, defaultVariant, offVariant)), enabled,
                    Params.enumValue(FeatureStatus.class, "changes[" + index + "].status", status));
        }

        /** None when absent: the request's rules say whether a policy alone is enough. */
        static List<FeatureEdit> edits(List<EditBody> bodies) {
            if (bodies == null) {
                return List.of();
            }
            var edits = new ArrayList<FeatureEdit>(bodies.size());
            for (int i = 0; i < bodies.size(); i++) {
                if (bodies.get(i) == null) {
                    throw InvalidInput.of("changes[" + i + "]", "must be an object");
                }
                edits.add(bodies.get(i).edit(i));
            }
            return edits;
        }
    }

    /** The optional body of a step: an approval's comment, a rejection's, withdrawal's or cancellation's reason. */
    @Serdeable
    @Schema(name = "ChangeRequestStep")
    record StepBody(@Nullable String comment, @Nullable String reason) {
    }

    /** When a scheduled request is applied. */
    @Serdeable
    @Schema(name = "ChangeRequestSchedule")
    record ScheduleBody(@Nullable @Schema(description = "an RFC 3339 instant after now") String at) {
    }
}
