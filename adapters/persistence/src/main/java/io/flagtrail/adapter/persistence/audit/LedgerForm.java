package io.flagtrail.adapter.persistence.audit;

import io.flagtrail.domain.json.FixedKeyMap;
import io.flagtrail.domain.json.RawJson;
import io.flagtrail.domain.ledger.LedgerHash;
import io.flagtrail.domain.ledger.LedgerTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * An audit row as the ledger hashes it: every column but the bookkeeping ones (seq) and the chain's own
 * (position, prev_hash, hash), grouped as the API shows it. The JSON columns are stored canonical and go in
 * verbatim, so reading a million rows for verification parses no JSON at all.
 */
public final class LedgerForm {

    /**
     * The columns {@link #fields} reads, by position (looking columns up by name costs more than hashing them), and
     * the place columns after them, which are not hashed but move with the entry when it is sealed.
     */
    static final String COLUMNS = "seq, id, category, action, outcome, severity, actor_type, actor_id, "
            + "actor_name, actor_email, subject_type, subject_id, subject_key, reason, before_state, after_state, changes, "
            + "request_id, traceparent, channel, client_ip, user_agent, occurred_at, position, prev_hash, hash, "
            + "project_key, env_key";
    /** Sealed entries. */
    static final String SELECT = "SELECT " + COLUMNS + " FROM audit_entries";
    /** Entries waiting to be sealed (the chain's columns null). */
    static final String SELECT_PENDING = "SELECT " + COLUMNS + " FROM audit_pending";
    static final int SEQ = 1;
    static final int OCCURRED_AT = 23;
    static final int POSITION = 24;
    static final int PREV_HASH = 25;
    static final int HASH = 26;

    /** The shape of an entry as hashed: its fields plus the chain members position and prevHash. */
    private static final FixedKeyMap.Keys ENTRY = FixedKeyMap.Keys.of("id", "category", "action", "outcome", "severity",
            "actor", "subject", "reason", "before", "after", "changes", "context", "occurredAt",
            LedgerHash.POSITION, LedgerHash.PREV_HASH);
    private static final FixedKeyMap.Keys ACTOR = FixedKeyMap.Keys.of("type", "id", "displayName", "email");
    private static final FixedKeyMap.Keys SUBJECT = FixedKeyMap.Keys.of("type", "id", "key");
    private static final FixedKeyMap.Keys CONTEXT = FixedKeyMap.Keys.of("requestId", "traceparent", "channel", "ip",
            "userAgent");

    private LedgerForm() {
    }

    /** The hashed fields of the current row of a result set selected with {@link #SELECT}. */
    public static Map<String, Object> fields(ResultSet row) throws SQLException {
        return ENTRY.map()
                .set("id", row.getString(2))
                .set("category", row.getString(3))
                .set("action", row.getString(4))
                .set("outcome", row.getString(5))
                .set("severity", row.getString(6))
                .set("actor", ACTOR.map().set("type", row.getString(7)).set("id", row.getString(8))
                        .set("displayName", row.getString(9)).set("email", row.getString(10)))
                .set("subject", SUBJECT.map().set("type", row.getString(11)).set("id", row.getString(12))
                        .set("key", row.getString(13)))
                .set("reason", row.getString(14))
                .set("before", RawJson.ofNullable(row.getString(15)))
                .set("after", RawJson.ofNullable(row.getString(16)))
                .set("changes", new RawJson(row.getString(17)))
                .set("context", CONTEXT.map().set("requestId", row.getString(18)).set("traceparent", row.getString(19))
                        .set("channel", row.getString(20)).set("ip", row.getString(21)).set("userAgent", row.getString(22)))
                .set("occurredAt", LedgerTime.format(row.getObject(OCCURRED_AT, OffsetDateTime.class).toInstant()));
    }
}
