package io.flagtrail.adapter.web.project;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flagtrail.application.port.in.ProjectUseCases.ProjectView;
import io.flagtrail.domain.project.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON of projects and environments, and what their create and change requests carry. */
final class ProjectViews {

    private ProjectViews() {
    }

    @Serdeable
    @Schema(name = "Project")
    record ProjectResponse(String key, String name, String description, @Nullable String owner, long version,
                           Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
                           List<EnvironmentResponse> environments) {
        static ProjectResponse of(ProjectView view) {
            var p = view.project();
            var r = p.revision();
            return new ProjectResponse(p.key().value(), p.name(), p.description(), p.owner(), r.version(),
                    r.createdAt(), r.createdBy(), r.updatedAt(), r.updatedBy(),
                    view.environments().stream().map(EnvironmentResponse::of).toList());
        }
    }

    @Serdeable
    @Schema(name = "Environment")
    record EnvironmentResponse(String key, String name, String type, int sortOrder,
                               @JsonProperty("protected")
                               @Schema(description = "its policy requires approvals: feature states here change only "
                                       + "through approved change requests") boolean isProtected,
                               ApprovalPolicyBody approvalPolicy,
                               long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        static EnvironmentResponse of(Environment e) {
            var r = e.revision();
            return new EnvironmentResponse(e.key().value(), e.name(), e.type().name().toLowerCase(Locale.ROOT),
                    e.sortOrder(), e.isProtected(), ApprovalPolicyBody.of(e.policy()), r.version(), r.createdAt(),
                    r.createdBy(), r.updatedAt(), r.updatedBy());
        }
    }

    @Serdeable
    @Schema(name = "CreateProjectRequest")
    record CreateProjectRequest(@Nullable String key, @Nullable String name, @Nullable String description,
                                @Nullable String owner, @Nullable String reason) {
    }

    @Serdeable
    @Schema(name = "UpdateProjectRequest", description = "absent fields stay as they are; an empty owner clears it")
    record UpdateProjectRequest(@Nullable String name, @Nullable String description, @Nullable String owner,
                                @Nullable String reason) {
    }

    @Serdeable
    @Schema(name = "CreateEnvironmentRequest")
    record CreateEnvironmentRequest(@Nullable String key, @Nullable String name,
                                    @Nullable @Schema(description = "development, test, staging or production") String type,
                                    @Nullable @Schema(description = "0-10000; after the last one when absent") Integer sortOrder,
                                    @Nullable @Schema(description = "changes made directly when absent")
                                    ApprovalPolicyBody approvalPolicy,
                                    @Nullable @Schema(description = "an environment of the project whose feature states "
                                            + "the new one copies; without it every feature is off there") String cloneFrom,
                                    @Nullable String reason) {
    }

    @Serdeable
    @Schema(name = "UpdateEnvironmentRequest", description = "absent fields stay as they are; a policy is replaced "
            + "whole")
    record UpdateEnvironmentRequest(@Nullable String name, @Nullable String type, @Nullable Integer sortOrder,
                                    @Nullable ApprovalPolicyBody approvalPolicy, @Nullable String reason) {
    }
}
