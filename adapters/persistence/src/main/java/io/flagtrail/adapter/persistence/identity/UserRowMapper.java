package io.flagtrail.adapter.persistence.identity;

import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.Grant;
import io.flagtrail.domain.actor.Role;
import io.flagtrail.domain.user.User;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps users onto rows and back. */
@Mapper(componentModel = "jakarta")
interface UserRowMapper {

    @Mapping(target = "email", source = "email.value")
    @Mapping(target = "emailNormalized", expression = "java(user.email().normalized())")
    @Mapping(target = "roleGrants", source = "grants")
    UserRow toRow(User user);

    @Mapping(target = "grants", source = "roleGrants")
    User toUser(UserRow row);

    default Email email(String value) {
        return new Email(value);
    }

    default String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }

    default String grants(Set<Grant> grants) {
        return String.join(",", Grant.written(grants));
    }

    /** The role_grants column ({@code EDITOR@web/development,VIEWER@web}) as grants. */
    static Set<Grant> grantsOf(String stored) {
        return stored == null ? Set.of()
                : Set.copyOf(Grant.parseAll(Arrays.stream(stored.split(",")).filter(g -> !g.isBlank()).toList()));
    }

    /** The roles column ({@code ADMIN,EDITOR}) as roles; the one reading of it, also for hand-written SQL. */
    static Set<Role> rolesOf(String stored) {
        return Arrays.stream(stored.split(",")).filter(r -> !r.isBlank()).map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }
}
