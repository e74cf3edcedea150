package io.flagtrail.application.service.audit;

import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of an evidence bundle that one project, or one environment of it, is about: the entries whose place
 * ({@link AuditPlace#of}) is there, derived from each entry line as hashed, so that the bundle's writer and its
 * offline verifier decide alike and a reviewer can check that the selection holds every entry of its place.
 */
record Selection(String project, String environment) {

    Selection {
        if (project == null) {
            throw new IllegalArgumentException("a selection names its project");
        }
    }

    static Selection of(AuditPlace place) {
        return place == null ? null : new Selection(place.project(), place.environment());
    }

    static Selection fromJson(Map<String, Object> json) {
        return new Selection((String) json.get("project"), (String) json.get("environment"));
    }

    String json() {
        var map = new LinkedHashMap<String, Object>();
        map.put("project", project);
        map.put("environment", environment);
        return CanonicalJson.write(map);
    }

    /** Whether the entry of this line (an {@code entries.ndjson} line) is in the selection. */
    @SuppressWarnings("unchecked")
    boolean holds(String line) {
        var entry = JsonReader.parseObject(line);
        var subject = (Map<String, Object>) entry.get("subject");
        AuditAction action;
        try {
            action = AuditAction.valueOf((String) entry.get("action"));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return false; // an action this release does not know is about no place it knows
        }
        var place = AuditPlace.of(new Subject((String) subject.get("type"), (String) subject.get("id"),
                (String) subject.get("key")), action, (Map<String, Object>) entry.get("before"),
                (Map<String, Object>) entry.get("after"));
        return place != null && place.project().equals(project)
                && (environment == null || environment.equals(place.environment()));
    }

    @Override
    public String toString() {
        return environment == null ? project : project + "/" + environment;
    }
}
