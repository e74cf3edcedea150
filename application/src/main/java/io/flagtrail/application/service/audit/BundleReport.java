package io.flagtrail.application.service.audit;

import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.json.CanonicalJson;
import io.flagtrail.domain.json.JsonReader;
import java.time.Instant;

/**
 * The change-management report of a bundle's selection, over every entry it holds: written by the bundle's writer
 * and computed again by its offline verifier from the same selected lines, so that a report altered after export,
 * or one that does not follow from the entries, is found.
 */
final class BundleReport {

    /** The whole of the selection's history: a bundle holds every entry of its place up to its checkpoint. */
    static final Instant FROM = Instant.EPOCH;
    static final Instant TO = Instant.parse("9999-12-31T23:59:59Z");

    private final Selection selection;
    private final EntryLines lines = new EntryLines();

    BundleReport(Selection selection) {
        this.selection = selection;
    }

    /** Keeps one selected line ({@code selected.ndjson}'s). */
    void add(String line) {
        lines.add(JsonReader.parseObject(line));
    }

    /** The report as the bundle carries it: RFC 8785 canonical JSON. */
    String json() {
        return CanonicalJson.write(new ChangeReports(lines::query)
                .of(new AuditPlace(selection.project(), selection.environment()), FROM, TO).json());
    }
}
