package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.model.AuditQuery;
import java.util.LinkedHashMap;
import java.util.Map;

/** An audit query as recorded in the ACCESS entry of whoever ran it: the filters that were set. */
public final class AuditQueries {

    private AuditQueries() {
    }

    public static Map<String, Object> describe(AuditQuery q) {
        var map = new LinkedHashMap<String, Object>();
        put(map, "subjectType", q.subjectType());
        put(map, "subjectId", q.subjectId());
        put(map, "subjectKey", q.subjectKey());
        put(map, "actorId", q.actorId());
        put(map, "action", q.action() == null ? null : q.action().name());
        put(map, "category", q.category() == null ? null : q.category().name());
        put(map, "project", q.project());
        put(map, "environment", q.environment());
        put(map, "from", q.from() == null ? null : q.from().toString());
        put(map, "to", q.to() == null ? null : q.to().toString());
        put(map, "cursor", q.cursor());
        map.put("limit", q.limit());
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
