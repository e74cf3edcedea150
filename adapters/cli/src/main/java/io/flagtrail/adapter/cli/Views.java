package io.flagtrail.adapter.cli;

import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.VerificationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results as ordered maps of plain values, so that every output format can show them. */
final class Views {

    /** What a table shows of each kind of result. */
    static final List<String> FEATURE_COLUMNS = List.of("key", "name", "enabled", "rolloutPercentage", "defaultVariant",
            "tags", "version", "updatedAt");
    static final List<String> ENTRY_COLUMNS = List.of("occurredAt", "action", "actor", "subject", "reason");
    static final List<String> USER_COLUMNS = List.of("email", "displayName", "roles", "grants", "status",
            "lastLoginAt");
    static final List<String> API_KEY_COLUMNS = List.of("name", "prefix", "scopes", "expiresAt", "revoked", "lastUsedAt");

    private Views() {
    }

    static Map<String, Object> feature(FeatureState f) {
        var a = f.attributes();
        var view = new LinkedHashMap<String, Object>();
        view.put("key", f.key().value());
        view.put("project", f.project().value());
        view.put("environment", f.environment().value());
        view.put("name", a.name());
        view.put("description", a.description());
        view.put("enabled", f.enabled());
        view.put("rolloutPercentage", a.rolloutPercentage());
        view.put("tags", a.tags());
        view.put("owner", a.owner());
        view.putAll(a.targeting().toJson());
        view.put("status", f.status().name());
        view.put("version", f.version());
        view.put("id", f.id().toString());
        view.put("createdAt", f.createdAt().toString());
        view.put("createdBy", f.createdBy());
        view.put("updatedAt", f.updatedAt().toString());
        view.put("updatedBy", f.updatedBy());
        return view;
    }

    static Map<String, Object> entry(AuditEntry e) {
        var view = new LinkedHashMap<String, Object>();
        view.put("occurredAt", e.occurredAt().toString());
        view.put("category", e.category().name());
        view.put("action", e.action().name());
        view.put("outcome", e.outcome().name());
        view.put("actor", e.actor().reference());
        view.put("subject", e.subject().type() + ":" + (e.subject().key() == null ? e.subject().id() : e.subject().key()));
        view.put("reason", e.reason());
        view.put("changes", e.changes().stream().map(c -> {
            var change = new LinkedHashMap<String, Object>();
            change.put("field", c.field());
            change.put("from", c.from());
            change.put("to", c.to());
            return change;
        }).toList());
        view.put("channel", e.context().channel().name());
        view.put("id", e.id().toString());
        return view;
    }

    static Map<String, Object> report(VerificationReport r) {
        var view = new LinkedHashMap<String, Object>();
        view.put("verified", r.verified());
        view.put("summary", r.summary());
        view.put("from", r.from());
        view.put("verifiedUpTo", r.verifiedUpTo());
        view.put("entriesChecked", r.entriesChecked());
        view.put("failedAt", r.failedAt());
        view.put("failure", r.failure() == null ? null : r.failure().name());
        view.put("signers", r.signers().stream().map(p -> Map.of("keyId", p.keyId(),
                "firstSigned", LedgerTime.format(p.firstSigned()), "lastSigned", LedgerTime.format(p.lastSigned())))
                .toList());
        return view;
    }
}
