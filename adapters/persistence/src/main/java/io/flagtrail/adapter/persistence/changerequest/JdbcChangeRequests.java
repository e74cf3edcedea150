package io.flagtrail.adapter.persistence.changerequest;

import io.flagtrail.adapter.persistence.Cursors;
import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.adapter.persistence.KeysetPage;
import io.flagtrail.adapter.persistence.Sql;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.ChangeRequests;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.changerequest.Approval;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.changerequest.ChangeRequestState;
import io.flagtrail.domain.changerequest.ProposedChange;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.project.ApprovalPolicy;
import io.flagtrail.domain.project.EnvironmentKey;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.domain.ledger.LedgerTime;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Change requests in {@code change_requests}: the proposal and its approvals as JSON, the author and decider as JSON
 * actors; a step's update lands only on the version it started from ({@code WHERE version = ?}).
 */
@Singleton
final class JdbcChangeRequests implements ChangeRequests {

    private static final String COLUMNS = "id, project_key, env_key, title, author, state, changes, proposed_policy, "
            + "approvals, decided_by, decision, scheduled_for, version, created_at, updated_at";
    /** Written beside the JSON, for the author and approver filters: {@code user:<id>}, and ",ref,ref," in order. */
    private static final String FILTERED = ", author_ref, approver_refs";

    private final Sql sql;
    private final JsonColumns json;

    JdbcChangeRequests(Sql sql, JsonColumns json) {
        this.sql = sql;
        this.json = json;
    }

    @Override
    public void add(ChangeRequest r) {
        sql.update("INSERT INTO change_requests (" + COLUMNS + FILTERED + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(r.id(), r.scope().project().value(), r.scope().environment().value(), r.title(),
                        json.write(actor(r.author())), r.state().name(), json.write(changes(r)), policy(r),
                        json.write(approvals(r)), r.decidedBy() == null ? null : json.write(actor(r.decidedBy())),
                        r.decision(), utc(r.scheduledFor()), r.version(), utc(r.createdAt()), utc(r.updatedAt()),
                        r.author().reference(), approverRefs(r)));
    }

    @Override
    public boolean update(ChangeRequest r, long expectedVersion) {
        return sql.update("UPDATE change_requests SET state = ?, changes = ?, proposed_policy = ?, approvals = ?, "
                + "approver_refs = ?, decided_by = ?, decision = ?, scheduled_for = ?, version = ?, updated_at = ? "
                + "WHERE id = ? AND version = ?", Arrays.asList(r.state().name(), json.write(changes(r)), policy(r),
                        json.write(approvals(r)), approverRefs(r),
                        r.decidedBy() == null ? null : json.write(actor(r.decidedBy())), r.decision(),
                        utc(r.scheduledFor()), r.version(), utc(r.updatedAt()), r.id(), expectedVersion)) == 1;
    }

    @Override
    public Optional<ChangeRequest> find(UUID id) {
        return Optional.ofNullable(sql.query("SELECT " + COLUMNS + " FROM change_requests WHERE id = ?", List.of(id),
                rs -> rs.next() ? request(rs) : null));
    }

    @Override
    public Optional<ChangeRequest> lock(UUID id) {
        return Optional.ofNullable(sql.query("SELECT " + COLUMNS + " FROM change_requests WHERE id = ? FOR UPDATE",
                List.of(id), rs -> rs.next() ? request(rs) : null));
    }

    @Override
    public List<ChangeRequest> due(Instant now, int limit) {
        return sql.list("SELECT " + COLUMNS + " FROM change_requests WHERE state = ? AND scheduled_for <= ? "
                + "ORDER BY scheduled_for, id LIMIT ?", List.of(ChangeRequestState.SCHEDULED.name(), utc(now), limit),
                this::request);
    }

    @Override
    public Page<ChangeRequest> list(Scope scope, Set<ChangeRequestState> states, String author, String approver,
                                    int limit, String cursor) {
        var select = new StringBuilder("SELECT " + COLUMNS + " FROM change_requests WHERE project_key = ? AND env_key = ?");
        var args = new ArrayList<Object>(List.of(scope.project().value(), scope.environment().value()));
        if (!states.isEmpty()) {
            select.append(" AND state IN (").append(String.join(", ", states.stream().map(s -> "?").toList()))
                    .append(')');
            states.stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (author != null) {
            select.append(" AND author_ref = ?");
            args.add(author);
        }
        if (approver != null) {
            select.append(" AND approver_refs LIKE ? ESCAPE '!'");
            args.add("%," + approver.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ",%");
        }
        if (cursor != null) {
            select.append(" AND id < ?");
            args.add(UUID.fromString(Cursors.decode(cursor)));
        }
        // ids are UUIDv7, ordered by time: newest first is id descending
        select.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit + 1);
        var found = sql.list(select.toString(), args, this::request);
        return KeysetPage.of(found, limit, r -> r.id().toString());
    }

    private ChangeRequest request(ResultSet rs) throws SQLException {
        String decidedBy = rs.getString("decided_by");
        var scheduled = rs.getObject("scheduled_for", OffsetDateTime.class);
        return new ChangeRequest(rs.getObject("id", UUID.class),
                new Scope(new ProjectKey(rs.getString("project_key")), new EnvironmentKey(rs.getString("env_key"))),
                rs.getString("title"), actor(json.readMap(rs.getString("author"))),
                ChangeRequestState.valueOf(rs.getString("state")), changes(json.readList(rs.getString("changes"))),
                rs.getString("proposed_policy") == null ? null
                        : ApprovalPolicy.fromSnapshot(json.readMap(rs.getString("proposed_policy"))),
                approvals(json.readList(rs.getString("approvals"))),
                decidedBy == null ? null : actor(json.readMap(decidedBy)), rs.getString("decision"),
                scheduled == null ? null : scheduled.toInstant(), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String approverRefs(ChangeRequest r) {
        return "," + String.join(",", r.approvals().stream().map(a -> a.approver().reference()).toList()) + ",";
    }

    private String policy(ChangeRequest r) {
        return r.policy() == null ? null : json.write(r.policy().snapshot());
    }

    private static Map<String, Object> actor(Actor a) {
        var map = new LinkedHashMap<String, Object>();
        map.put("type", a.type().name());
        map.put("id", a.id());
        map.put("displayName", a.displayName());
        map.put("email", a.email());
        return map;
    }

    private static Actor actor(Map<String, Object> map) {
        return new Actor(ActorType.valueOf((String) map.get("type")), (String) map.get("id"),
                (String) map.get("displayName"), (String) map.get("email"));
    }

    private static List<Map<String, Object>> changes(ChangeRequest r) {
        return r.changes().stream().map(ProposedChange::json).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<ProposedChange> changes(List<Map<String, Object>> stored) {
        return stored.stream().map(c -> new ProposedChange(new FeatureKey((String) c.get("feature")),
                ((Number) c.get("baseVersion")).longValue(), (Map<String, Object>) c.get("before"),
                (Map<String, Object>) c.get("after"))).toList();
    }

    private static List<Map<String, Object>> approvals(ChangeRequest r) {
        return r.approvals().stream().map(a -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("approver", actor(a.approver()));
            map.put("at", LedgerTime.format(a.at()));
            map.put("comment", a.comment());
            return (Map<String, Object>) map;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Approval> approvals(List<Map<String, Object>> stored) {
        return stored.stream().map(a -> new Approval(actor((Map<String, Object>) a.get("approver")),
                LedgerTime.parse((String) a.get("at")), (String) a.get("comment"))).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
