package io.flagtrail.application.service;

import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import io.flagtrail.application.port.model.Migration;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.AuditLedger;
import io.flagtrail.application.port.out.Clock;
import io.flagtrail.application.port.out.DatabaseAdmin;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.util.LinkedHashMap;
import java.util.List;

/** Schema changes are changes to the system of record: an on-demand migration that applied any is recorded. */
public final class ManageDatabaseService implements ManageDatabaseUseCase {

    private final DatabaseAdmin database;
    private final AuditLedger ledger;
    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;

    public ManageDatabaseService(DatabaseAdmin database, AuditLedger ledger, Transactions transactions, Clock clock,
                                 IdGenerator ids) {
        this.database = database;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String describe() {
        return database.describe();
    }

    @Override
    public List<Migration> migrations() {
        return database.migrations();
    }

    @Override
    public int migrate(Origin origin) {
        int applied = database.migrate();
        if (applied > 0) {
            var after = new LinkedHashMap<String, Object>();
            after.put("applied", applied);
            after.put("schemaVersion", database.migrations().stream().filter(m -> "SUCCESS".equals(m.state()))
                    .map(Migration::version).reduce((a, b) -> b).orElse(null));
            transactions.inTransaction(() -> {
                ledger.append(List.of(AuditEntries.change(ids.newId(), AuditAction.DATABASE_MIGRATED, Severity.NOTICE,
                        new Subject("database", "schema", null), null, null, after, origin, clock.now())));
                return null;
            });
        }
        return applied;
    }
}
