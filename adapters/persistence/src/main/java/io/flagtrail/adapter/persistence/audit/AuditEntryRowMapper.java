package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.adapter.persistence.JsonColumns;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.FieldChange;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.audit.Subject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/** Maps audit entries onto rows and back; JSON columns go through {@link JsonColumns}. */
@Mapper(componentModel = "jakarta")
interface AuditEntryRowMapper {

    @Mapping(target = "seq", ignore = true)
    @Mapping(target = "position", ignore = true)
    @Mapping(target = "prevHash", ignore = true)
    @Mapping(target = "hash", ignore = true)
    @Mapping(target = "category", expression = "java(entry.category().name())")
    @Mapping(target = "actorType", source = "actor.type")
    @Mapping(target = "actorId", source = "actor.id")
    @Mapping(target = "actorName", source = "actor.displayName")
    @Mapping(target = "actorEmail", source = "actor.email")
    @Mapping(target = "subjectType", source = "subject.type")
    @Mapping(target = "subjectId", source = "subject.id")
    @Mapping(target = "subjectKey", source = "subject.key")
    @Mapping(target = "beforeState", expression = "java(json.write(entry.before()))")
    @Mapping(target = "afterState", expression = "java(json.write(entry.after()))")
    @Mapping(target = "changes", expression = "java(json.write(changeMaps(entry.changes())))")
    @Mapping(target = "requestId", source = "context.requestId")
    @Mapping(target = "traceparent", source = "context.traceparent")
    @Mapping(target = "channel", source = "context.channel")
    @Mapping(target = "clientIp", source = "context.ip")
    @Mapping(target = "userAgent", source = "context.userAgent")
    @Mapping(target = "projectKey", expression = "java(entry.place() == null ? null : entry.place().project())")
    @Mapping(target = "envKey", expression = "java(entry.place() == null ? null : entry.place().environment())")
    AuditEntryRow toRow(AuditEntry entry, @Context JsonColumns json);

    default AuditEntry toEntry(AuditEntryRow row, JsonColumns json) {
        return new AuditEntry(row.id(), AuditAction.valueOf(row.action()),
                io.flagtrail.domain.audit.AuditOutcome.valueOf(row.outcome()),
                io.flagtrail.domain.audit.Severity.valueOf(row.severity()),
                new Actor(ActorType.valueOf(row.actorType()), row.actorId(), row.actorName(), row.actorEmail()),
                new Subject(row.subjectType(), row.subjectId(), row.subjectKey()), row.reason(),
                json.readMap(row.beforeState()), json.readMap(row.afterState()),
                json.readList(row.changes()).stream()
                        .map(c -> new FieldChange((String) c.get("field"), c.get("from"), c.get("to"))).toList(),
                new RequestContext(row.requestId(), row.traceparent(),
                        io.flagtrail.domain.audit.Channel.valueOf(row.channel()), row.clientIp(), row.userAgent()),
                row.occurredAt());
    }

    /** Field changes as plain maps, keeping nulls so that "cleared" and "set" read differently. */
    default List<Map<String, Object>> changeMaps(List<FieldChange> changes) {
        return changes.stream().map(c -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("field", c.field());
            map.put("from", c.from());
            map.put("to", c.to());
            return map;
        }).toList();
    }
}
