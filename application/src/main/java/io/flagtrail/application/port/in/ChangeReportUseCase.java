package io.flagtrail.application.port.in;

import io.flagtrail.domain.audit.AuditPlace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The change-management report for a period (issue 19): every change to a feature state in a protected environment
 * of a project, as the audit trail records it, with the change request or break-glass change that covers it, and a
 * completeness statement: the count of such changes equals the count covered, or each one that is not is a finding.
 * Reading it is recorded as a read of the audit trail.
 */
public interface ChangeReportUseCase {

    /** {@code place}: a project, or one environment of it; {@code from} inclusive, {@code to} exclusive. */
    ChangeReport report(AuditPlace place, Instant from, Instant to, Origin origin);

    /**
     * The report as CSV for spreadsheets: a header, one row per change (findings have coverage NONE), and the
     * completeness statement as the last row's first cell; cells a spreadsheet would run as formulas are defused.
     */
    String csv(ChangeReport report);

    /** How a change to a protected environment came about. */
    enum Coverage {
        /** Applied from a change request approved as its environment's policy required, by a person. */
        APPROVED,
        /** The same, applied by the scheduler at the instant it was scheduled for. */
        SCHEDULED,
        /** A break-glass change: applied at once with a reason, reviewed afterwards. */
        BREAK_GLASS,
        /** Neither: a finding. */
        NONE
    }

    /**
     * One audit entry of a feature state in a protected environment, and what covers it. {@code requestId},
     * {@code title}, {@code author}, {@code approvers} and {@code requestedAt} are the covering request's (null for a
     * finding); {@code reviewedBy} a break-glass change's reviewer, null while its review is pending.
     */
    record ReportedChange(String entryId, Instant occurredAt, String environment, String feature, String action,
                          String actor, String reason, List<Map<String, Object>> diff, Coverage coverage,
                          String requestId, String title, String author, List<String> approvers,
                          Instant requestedAt, String reviewedBy) {

        public Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("entryId", entryId);
            map.put("occurredAt", occurredAt.toString());
            map.put("environment", environment);
            map.put("feature", feature);
            map.put("action", action);
            map.put("actor", actor);
            map.put("reason", reason);
            map.put("diff", diff);
            map.put("coverage", coverage.name());
            map.put("requestId", requestId);
            map.put("title", title);
            map.put("author", author);
            map.put("approvers", approvers);
            map.put("requestedAt", requestedAt == null ? null : requestedAt.toString());
            map.put("reviewedBy", reviewedBy);
            return map;
        }
    }

    /**
     * The report: {@code stateChanges} changes to protected environments in the period, {@code covered} of them by
     * a request or a break-glass change; {@code findings} the others; {@code unreviewed} break-glass changes whose
     * review is still open.
     */
    record ChangeReport(String project, String environment, Instant from, Instant to, List<ReportedChange> changes,
                        int stateChanges, int covered, List<ReportedChange> findings, int unreviewed) {

        public boolean complete() {
            return findings.isEmpty() && stateChanges == covered;
        }

        /** The completeness statement in words, as a reviewer would write it. */
        public String statement() {
            return complete()
                    ? "All " + stateChanges + " changes to feature states in protected environments recorded in the "
                    + "audit trail between " + from + " and " + to + " are covered by an approved change request or "
                    + "a break-glass change" + (unreviewed == 0 ? "." : "; " + unreviewed + " break-glass change(s) "
                    + "await their review.")
                    : findings.size() + " of " + stateChanges + " changes to feature states in protected environments "
                    + "between " + from + " and " + to + " are covered by neither an approved change request nor a "
                    + "break-glass change: each is listed as a finding.";
        }

        public Map<String, Object> json() {
            var map = new LinkedHashMap<String, Object>();
            map.put("project", project);
            map.put("environment", environment);
            map.put("from", from.toString());
            map.put("to", to.toString());
            var completeness = new LinkedHashMap<String, Object>();
            completeness.put("stateChanges", stateChanges);
            completeness.put("covered", covered);
            completeness.put("findings", findings.size());
            completeness.put("unreviewedBreakGlass", unreviewed);
            completeness.put("complete", complete());
            completeness.put("statement", statement());
            map.put("completeness", completeness);
            map.put("changes", changes.stream().map(ReportedChange::json).toList());
            map.put("findings", findings.stream().map(ReportedChange::json).toList());
            return map;
        }
    }
}
