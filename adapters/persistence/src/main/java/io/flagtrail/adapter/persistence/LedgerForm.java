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

    /** The columns {@link #fields} reads, by position (looking columns up by name costs more than hashing them). */
    static final String SELECT = "SELECT seq, id, category, action, outcome, severity, actor_type, actor_id, actor_name, "
            + "actor_email, subject_type, subject_id, subject_key, reason, before_state, after_state, changes, request_id, "
            + "traceparent, channel, client_ip, user_agent, occurred_at, position, prev_hash, hash FROM audit_entries";
    static final int SEQ = 1;
    static final int POSITION = 24;
    static final int PREV_HASH = 25;
    static final int HASH = 26;

    private LedgerForm() {
    }

    /** The hashed fields of the current row of a result set selected with {@link #SELECT}. */
    static Map<String, Object> fields(ResultSet row) throws SQLException {
        var fields = new HashMap<String, Object>(24);
        fields.put("id", row.getString(2));
        fields.put("category", row.getString(3));
        fields.put("action", row.getString(4));
        fields.put("outcome", row.getString(5));
        fields.put("severity", row.getString(6));
        fields.put("actor", group("type", row.getString(7), "id", row.getString(8), "displayName", row.getString(9),
                "email", row.getString(10)));
        fields.put("subject", group("type", row.getString(11), "id", row.getString(12), "key", row.getString(13)));
        fields.put("reason", row.getString(14));
        fields.put("before", RawJson.ofNullable(row.getString(15)));
        fields.put("after", RawJson.ofNullable(row.getString(16)));
        fields.put("changes", new RawJson(row.getString(17)));
        fields.put("context", group("requestId", row.getString(18), "traceparent", row.getString(19),
                "channel", row.getString(20), "ip", row.getString(21), "userAgent", row.getString(22)));
        fields.put("occurredAt", LedgerTime.format(row.getObject(23, OffsetDateTime.class).toInstant()));
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
