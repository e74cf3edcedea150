package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.Users;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.user.Email;
import io.flagtrail.domain.user.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Users in a map keyed by lower-cased e-mail. */
public final class InMemoryUsers implements Users, Rollbackable {

    private final Map<String, User> byEmail = new LinkedHashMap<>();

    @Override
    public synchronized Optional<User> findByEmail(Email email) {
        return Optional.ofNullable(byEmail.get(email.normalized()));
    }

    @Override
    public synchronized Optional<User> findById(UUID id) {
        return byEmail.values().stream().filter(u -> u.id().equals(id)).findFirst();
    }

    @Override
    public synchronized void add(User user) {
        if (byEmail.putIfAbsent(user.email().normalized(), user) != null) {
            throw new Conflict("user.email_taken", "taken");
        }
    }

    /** Changes a stored user as an administrator (or a database owner) would. */
    public synchronized void replace(User user) {
        byEmail.put(user.email().normalized(), user);
    }

    @Override
    public synchronized void update(User user) {
        replace(user);
    }

    @Override
    public synchronized io.flagtrail.application.port.model.Page<User> list(int limit, String cursor) {
        var sorted = byEmail.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .filter(e -> cursor == null || e.getKey().compareTo(cursor) > 0).toList();
        var items = sorted.stream().limit(limit).map(java.util.Map.Entry::getValue).toList();
        return new io.flagtrail.application.port.model.Page<>(items,
                sorted.size() > limit ? sorted.get(limit - 1).getKey() : null);
    }

    @Override
    public synchronized java.util.List<User> withGrantsIn(io.flagtrail.domain.project.ProjectKey project) {
        return byEmail.values().stream().filter(u -> u.grants().stream().anyMatch(g -> g.project().equals(project)))
                .toList();
    }

    @Override
    public synchronized long countActiveWith(io.flagtrail.domain.actor.Role role) {
        return byEmail.values().stream()
                .filter(u -> u.status() == io.flagtrail.domain.user.UserStatus.ACTIVE && u.roles().contains(role)).count();
    }

    @Override
    public synchronized long count() {
        return byEmail.size();
    }

    @Override
    public synchronized void recordLogin(UUID id, Instant at, String passwordHash) {
        var user = findById(id).orElseThrow();
        byEmail.put(user.email().normalized(), new User(user.id(), user.email(), user.displayName(), passwordHash,
                user.roles(), user.grants(), user.status(), user.createdAt(), at));
    }

    @Override
    public synchronized Object snapshot() {
        return Map.copyOf(byEmail);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byEmail.clear();
        byEmail.putAll((Map<String, User>) snapshot);
    }
}
