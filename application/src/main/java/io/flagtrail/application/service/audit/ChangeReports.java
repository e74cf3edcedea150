package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.ChangeReportUseCase.ChangeReport;
import io.flagtrail.application.port.in.ChangeReportUseCase.Coverage;
import io.flagtrail.application.port.in.ChangeReportUseCase.ReportedChange;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.AuditEntry;
import io.flagtrail.domain.audit.AuditPlace;
import io.flagtrail.domain.changerequest.ChangeRequest;
import io.flagtrail.domain.error.InvalidInput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Builds the change-management report (issue 19) from audit entries alone (the ledger's, or an evidence bundle's
 * selected entries, so that the offline verifier computes the same report from the entries it proved): which
 * environments were protected when (their entries' approval policies), every feature entry placed in one while it
 * was, and for each the change request entry that covers it. A feature entry is covered when its reason names a
 * request (as the reviewed-changes writer words it) whose CHANGE_REQUEST_APPLIED or CHANGE_REQUEST_BREAK_GLASS entry
 * is in the ledger, in the same place, by the same actor, proposing a change of that feature; an approved one must
 * carry approvals. A reason anyone could type therefore covers nothing by itself. A feature created switched off
 * changes nothing a protected environment serves and is not counted.
 */
public final class ChangeReports {

    /** Reads a page of entries, newest first: the ledger's query, or a bundle's selected entries. */
    private final Function<AuditQuery, Page<AuditEntry>> read;

    public ChangeReports(Function<AuditQuery, Page<AuditEntry>> read) {
        this.read = read;
    }

    /** The report of {@code place} for [{@code from}, {@code to}). */
    public ChangeReport of(AuditPlace place, Instant from, Instant to) {
        Objects.requireNonNull(place, "place");
        if (from == null || to == null || !from.isBefore(to)) {
            throw InvalidInput.of("from", "the period needs from and to, from before to");
        }
        var protection = protection(place, to);
        var requests = new HashMap<String, List<AuditEntry>>();
        var changes = new ArrayList<ReportedChange>();
        int covered = 0;
        int unreviewed = 0;
        var findings = new ArrayList<ReportedChange>();
        var features = new ArrayList<AuditEntry>();
        each(new AuditQuery("feature", null, null, null, null, null, place.project(), place.environment(), from,
                to, Page.MAX_LIMIT, null), features::add);
        features.sort(Comparator.comparing(AuditEntry::occurredAt).thenComparing(e -> e.id().toString()));
        for (var entry : features) {
            var environment = entry.place() == null ? null : entry.place().environment();
            if (environment == null || !protection.protectedAt(environment, entry.occurredAt()) || createdOff(entry)) {
                continue;
            }
            var reported = cover(entry, environment, requests);
            changes.add(reported);
            if (reported.coverage() == Coverage.NONE) {
                findings.add(reported);
            } else {
                covered++;
                if (reported.coverage() == Coverage.BREAK_GLASS && reported.reviewedBy() == null) {
                    unreviewed++;
                }
            }
        }
        return new ChangeReport(place.project(), place.environment(), from, to, List.copyOf(changes), changes.size(),
                covered, List.copyOf(findings), unreviewed);
    }

    /**
     * The report as CSV for spreadsheets: a header, one row per change (findings have coverage NONE), and the
     * completeness statement as the last row's first cell; cells a spreadsheet would run as formulas are defused.
     */
    public static String csv(ChangeReport report) {
        var columns = List.of("occurredAt", "environment", "feature", "action", "actor", "reason", "coverage",
                "requestId", "title", "author", "approvers", "requestedAt", "reviewedBy", "diff", "entryId");
        var out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (var change : report.changes()) {
            var json = change.json();
            var row = new ArrayList<String>(columns.size());
            for (var column : columns) {
                Object value = json.get(column);
                if (value instanceof List<?> list) {
                    value = column.equals("diff") ? list.stream().map(c -> (Map<?, ?>) c)
                            .map(c -> c.get("field") + ": " + c.get("from") + " -> " + c.get("to"))
                            .reduce((a, b) -> a + "; " + b).orElse("")
                            : String.join(" ", list.stream().map(String::valueOf).toList());
                }
                row.add(Csv.cell(value));
            }
            out.append(String.join(",", row)).append("\r\n");
        }
        return out.append(Csv.cell(report.statement())).append("\r\n").toString();
    }

    private ReportedChange cover(AuditEntry entry, String environment, Map<String, List<AuditEntry>> requests) {
        var feature = entry.subject().key();
        var diff = entry.changes().stream().map(c -> {
            var field = new LinkedHashMap<String, Object>();
            field.put("field", c.field());
            field.put("from", c.from());
            field.put("to", c.to());
            return (Map<String, Object>) field;
        }).toList();
        var matcher = entry.reason() == null ? null : ChangeRequest.REASON_OF_ITS_CHANGES.matcher(entry.reason());
        if (matcher != null && matcher.find()) {
            var id = matcher.group(2);
            var steps = requests.computeIfAbsent(id, this::steps);
            var applied = steps.stream().filter(step -> covers(step, entry, feature)).findFirst();
            if (applied.isPresent()) {
                var after = applied.get().after();
                boolean breakGlass = applied.get().action() == AuditAction.CHANGE_REQUEST_BREAK_GLASS;
                var approvers = approvers(after);
                var actor = applied.get().actor();
                var coverage = breakGlass ? Coverage.BREAK_GLASS
                        : actor.type() == ActorType.SYSTEM && actor.id().equals("scheduler") ? Coverage.SCHEDULED
                        : Coverage.APPROVED;
                if (breakGlass || !approvers.isEmpty()) {
                    var reviewedBy = steps.stream().filter(s -> s.action() == AuditAction.CHANGE_REQUEST_SIGNED_OFF)
                            .map(s -> s.actor().reference()).findFirst().orElse(null);
                    var requestedAt = steps.stream().map(AuditEntry::occurredAt).min(Comparator.naturalOrder())
                            .orElse(null);
                    return new ReportedChange(entry.id().toString(), entry.occurredAt(), environment, feature,
                            entry.action().name(), entry.actor().reference(), entry.reason(), diff, coverage, id,
                            (String) after.get("title"), (String) after.get("author"), approvers, requestedAt,
                            breakGlass ? reviewedBy : null);
                }
            }
        }
        return new ReportedChange(entry.id().toString(), entry.occurredAt(), environment, feature,
                entry.action().name(), entry.actor().reference(), entry.reason(), diff, Coverage.NONE, null, null,
                null, List.of(), null, null);
    }

    /** Whether {@code step} is the application of a request that changed {@code feature}, where and by whom. */
    private static boolean covers(AuditEntry step, AuditEntry entry, String feature) {
        if (step.action() != AuditAction.CHANGE_REQUEST_APPLIED && step.action() != AuditAction.CHANGE_REQUEST_BREAK_GLASS) {
            return false;
        }
        if (!Objects.equals(step.place(), entry.place()) || !step.actor().equals(entry.actor())
                || !(step.after().get("changes") instanceof List<?> proposed)) {
            return false;
        }
        return proposed.stream().anyMatch(c -> c instanceof Map<?, ?> change && feature.equals(change.get("feature")));
    }

    private static List<String> approvers(Map<String, Object> request) {
        if (!(request.get("approvals") instanceof List<?> approvals)) {
            return List.of();
        }
        return approvals.stream().filter(a -> a instanceof Map<?, ?>).map(a -> String.valueOf(((Map<?, ?>) a)
                .get("approver"))).toList();
    }

    private static boolean createdOff(AuditEntry entry) {
        return entry.action() == AuditAction.FEATURE_CREATED && entry.after() != null
                && Boolean.FALSE.equals(entry.after().get("enabled"));
    }

    private List<AuditEntry> steps(String requestId) {
        var steps = new ArrayList<AuditEntry>();
        each(AuditQuery.forSubject(ChangeRequest.SUBJECT_TYPE, requestId, Page.MAX_LIMIT, null), steps::add);
        return steps;
    }

    /** When each environment of the place was protected: its entries' policies, in time order, up to {@code to}. */
    private Protection protection(AuditPlace place, Instant to) {
        var byEnvironment = new HashMap<String, List<AuditEntry>>();
        each(new AuditQuery("environment", null, null, null, null, null, place.project(), place.environment(), null,
                to, Page.MAX_LIMIT, null), entry -> {
            if (entry.place() != null && entry.place().environment() != null) {
                byEnvironment.computeIfAbsent(entry.place().environment(), e -> new ArrayList<>()).add(entry);
            }
        });
        byEnvironment.values().forEach(entries -> entries.sort(Comparator.comparing(AuditEntry::occurredAt)));
        return new Protection(byEnvironment);
    }

    private void each(AuditQuery first, Consumer<AuditEntry> each) {
        var query = first;
        while (true) {
            var page = read.apply(query);
            page.items().forEach(each);
            if (page.nextCursor() == null) {
                return;
            }
            query = new AuditQuery(query.subjectType(), query.subjectId(), query.subjectKey(), query.actorId(),
                    query.action(), query.category(), query.project(), query.environment(), query.from(), query.to(),
                    query.limit(), page.nextCursor());
        }
    }

    /**
     * An environment is protected from an entry whose policy requires approvals until one whose policy does not (or
     * its deletion). Entries from before approval policies (no {@code approvalPolicy} in the snapshot) protect
     * nothing: the "protected" flag they carry was never enforced.
     */
    private record Protection(Map<String, List<AuditEntry>> byEnvironment) {

        boolean protectedAt(String environment, Instant at) {
            boolean isProtected = false;
            for (var entry : byEnvironment.getOrDefault(environment, List.of())) {
                if (entry.occurredAt().isAfter(at)) {
                    break;
                }
                isProtected = entry.after() != null && entry.after().get("approvalPolicy") instanceof Map<?, ?> policy
                        && policy.get("requiredApprovals") instanceof Number required && required.intValue() > 0;
            }
            return isProtected;
        }
    }
}
