package io.flagtrail.adapter.persistence;

import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.RawJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * An audit row as the ledger hashes it: every column but the bookkeeping ones (seq) and the chain's own
 * (position, prev_hash, hash), grouped as the API shows it. The JSON columns are stored canonical and go in
 * verbatim, so reading a million rows for verification parses no JSON at all.
 */
final class LedgerForm {

    private LedgerForm() {
    }

    static Map<String, Object> fields(ResultSet row) throws SQLException {
        var fields = new HashMap<String, Object>(24);
        fields.put("id", row.getObject("id").toString());
        fields.put("category", row.getString("category"));
        fields.put("action", row.getString("action"));
        fields.put("outcome", row.getString("outcome"));
        fields.put("severity", row.getString("severity"));
        fields.put("actor", group("type", row.getString("actor_type"), "id", row.getString("actor_id"),
                "displayName", row.getString("actor_name"), "email", row.getString("actor_email")));
        fields.put("subject", group("type", row.getString("subject_type"), "id", row.getString("subject_id"),
                "key", row.getString("subject_key")));
        fields.put("reason", row.getString("reason"));
        fields.put("before", RawJson.ofNullable(row.getString("before_state")));
        fields.put("after", RawJson.ofNullable(row.getString("after_state")));
        fields.put("changes", new RawJson(row.getString("changes")));
        fields.put("context", group("requestId", row.getString("request_id"), "traceparent", row.getString("traceparent"),
                "channel", row.getString("channel"), "ip", row.getString("client_ip"),
                "userAgent", row.getString("user_agent")));
        fields.put("occurredAt", LedgerTime.format(row.getObject("occurred_at", OffsetDateTime.class).toInstant()));
        return fields;
    }

    private static Map<String, Object> group(String... keyValues) {
        var map = new HashMap<String, Object>(keyValues.length);
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
