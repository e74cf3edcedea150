package io.flagtrail.adapter.web.project;

import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;

/** An environment's approval policy as JSON, both ways; absent fields are 0, none and false. */
@Serdeable
@Schema(name = "ApprovalPolicy")
public record ApprovalPolicyBody(@Nullable @Schema(description = "approvals a change request needs, 0-10; 0: changes "
                                         + "are made directly") Integer requiredApprovals,
                                 @Nullable @Schema(description = "roles whose holders (in the environment) may approve")
                                 List<String> approverRoles,
                                 @Nullable @Schema(description = "ids of users who may approve") List<String> approverUsers,
                                 @Nullable @Schema(description = "whether the author may approve their own request "
                                         + "(false unless set)") Boolean authorMayApprove,
                                 @Nullable @Schema(description = "roles whose holders may make a break-glass change "
                                         + "here (none unless set)") List<String> breakGlassRoles) {
    public static ApprovalPolicyBody of(ApprovalPolicy p) {
        return new ApprovalPolicyBody(p.requiredApprovals(), names(p.approverRoles()),
                p.approverUsers().stream().sorted().toList(), p.authorMayApprove(), names(p.breakGlassRoles()));
    }

    public ApprovalPolicy policy() {
        return new ApprovalPolicy(requiredApprovals == null ? 0 : requiredApprovals,
                Role.parseAll("approvalPolicy.approverRoles", approverRoles),
                approverUsers == null ? Set.of() : Set.copyOf(approverUsers), Boolean.TRUE.equals(authorMayApprove),
                Role.parseAll("approvalPolicy.breakGlassRoles", breakGlassRoles));
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}

