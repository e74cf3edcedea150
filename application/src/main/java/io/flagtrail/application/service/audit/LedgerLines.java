package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.FixedKeyMap;
import io.flagtrail.domain.ledger.LedgerHash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The exported forms of an entry. NDJSON: one canonical object per line, the hashed fields plus {@code hash}, so
 * that dropping {@code hash} and canonicalising again gives exactly the bytes that were hashed. CSV: one flat
 * row for spreadsheets, with cells that a spreadsheet would run as a formula defused by a leading quote.
 */
final class LedgerLines {

    static final List<String> CSV_COLUMNS = List.of("position", "hash", "id", "occurredAt", "category", "action",
            "outcome", "severity", "actorType", "actorId", "actorName", "actorEmail", "subjectType", "subjectId",
            "subjectKey", "reason", "changes", "requestId", "channel", "ip", "userAgent");

    private LedgerLines() {
    }

    static String ndjson(LedgerChain.Link link) {
        if (link.position() != null && link.fields() instanceof FixedKeyMap fixed) {
            var linked = (FixedKeyMap) LedgerHash.link(fixed, link.position(), link.prevHash());
            return CanonicalJson.write(linked.with(LedgerHash.HASH, link.hash()));
        }
        Map<String, Object> line = link.position() == null
                ? new HashMap<>(link.fields())
                : new HashMap<>(LedgerHash.link(link.fields(), link.position(), link.prevHash()));
        line.putIfAbsent(LedgerHash.POSITION, null);
        line.putIfAbsent(LedgerHash.PREV_HASH, null);
        line.put(LedgerHash.HASH, link.hash());
        return CanonicalJson.write(line);
    }

    static String csvHeader() {
        return String.join(",", CSV_COLUMNS);
    }

    static String csv(LedgerChain.Link link) {
        var f = link.fields();
        var actor = nested(f, "actor");
        var subject = nested(f, "subject");
        var context = nested(f, "context");
        var cells = new Object[]{link.position(), link.hash(), f.get("id"), f.get("occurredAt"), f.get("category"),
                f.get("action"), f.get("outcome"), f.get("severity"), actor.get("type"), actor.get("id"),
                actor.get("displayName"), actor.get("email"), subject.get("type"), subject.get("id"), subject.get("key"),
                f.get("reason"), f.get("changes"), context.get("requestId"), context.get("channel"), context.get("ip"),
                context.get("userAgent")};
        var row = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(Csv.cell(cells[i]));
        }
        return row.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> fields, String name) {
        var value = fields.get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
