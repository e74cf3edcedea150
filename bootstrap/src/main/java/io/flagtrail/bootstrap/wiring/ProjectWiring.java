package io.flagtrail.bootstrap.wiring;

import io.flagtrail.application.port.in.ProjectUseCases.ManageProjectsUseCase;
import io.flagtrail.application.port.in.ProjectUseCases.ReadProjectsUseCase;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Projects;
import io.flagtrail.application.port.out.StandingNotices;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.application.port.out.Users;
import io.flagtrail.application.service.audit.AuditTrail;
import io.flagtrail.application.service.feature.FeatureChanges;
import io.flagtrail.application.service.identity.GrantRevocations;
import io.flagtrail.application.service.identity.UserChanges;
import io.flagtrail.application.service.project.ProjectService;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Projects and environments: one service reads and manages them, and places features in new environments. */
@Factory
final class ProjectWiring {

    @Singleton
    @Bean(typed = {ReadProjectsUseCase.class, ManageProjectsUseCase.class, ProjectService.class})
    ProjectService projects(Projects projects, Features features, FeatureChanges featureChanges,
                            GrantRevocations grants, AuditTrail trail, Transactions transactions, Clock clock,
                            IdGenerator ids) {
        return new ProjectService(projects, features, featureChanges, grants, trail, transactions, clock, ids);
    }

    /** Deleting an environment revokes the grants in it, recorded as users' changes and announced as they are. */
    @Singleton
    GrantRevocations grantRevocations(Users users, UserChanges changes, StandingNotices notices) {
        return new GrantRevocations(users, changes, notices);
    }
}
