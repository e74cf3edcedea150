package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.ManageLegalHoldsUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.LegalHolds;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import io.flagtrail.domain.error.NotFound;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.ledger.LedgerTime;
import io.flagtrail.domain.ledger.LegalHold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Legal holds, each placement and release recorded in the ledger (category SECURITY) with the hold before and after. */
public final class LegalHoldService implements ManageLegalHoldsUseCase {

    private final LegalHolds holds;
    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public LegalHoldService(LegalHolds holds, AuditTrail trail, Transactions transactions, Clock clock,
                            IdGenerator ids) {
        this.holds = holds;
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public LegalHold place(PlaceLegalHoldCommand command) {
        var hold = LegalHold.place(ids.newId(), command.subjectType(), command.subjectId(), command.reason(), clock.now(),
                command.origin().actor().reference());
        return transactions.inTransaction(() -> {
            holds.add(hold);
            record(AuditAction.LEGAL_HOLD_PLACED, null, hold, hold.reason(), command.origin());
            return hold;
        });
    }

    @Override
    public LegalHold release(UUID id, String reason, Origin origin) {
        var why = Reason.ofNullable(reason);
        return transactions.inTransaction(() -> {
            var held = holds.find(id).orElseThrow(() -> new NotFound("legal_hold.not_found", "no legal hold " + id));
            var released = held.release(clock.now(), origin.actor().reference());
            holds.release(released);
            record(AuditAction.LEGAL_HOLD_RELEASED, held, released, why == null ? null : why.text(), origin);
            return released;
        });
    }

    @Override
    public List<LegalHold> list(boolean activeOnly) {
        return holds.list(activeOnly);
    }

    private void record(AuditAction action, LegalHold before, LegalHold after, String reason, Origin origin) {
        var subject = new Subject("legal-hold", after.id().toString(), after.subjectType() + ":" + after.subjectId());
        trail.entry(action, origin).on(subject).severity(Severity.NOTICE).reason(reason)
                .changed(before == null ? null : snapshot(before), snapshot(after)).record();
    }

    private static Map<String, Object> snapshot(LegalHold hold) {
        var map = new LinkedHashMap<String, Object>();
        map.put("subjectType", hold.subjectType());
        map.put("subjectId", hold.subjectId());
        map.put("reason", hold.reason());
        map.put("placedAt", LedgerTime.format(hold.placedAt()));
        map.put("placedBy", hold.placedBy());
        map.put("releasedAt", hold.releasedAt() == null ? null : LedgerTime.format(hold.releasedAt()));
        map.put("releasedBy", hold.releasedBy());
        return map;
    }
}
