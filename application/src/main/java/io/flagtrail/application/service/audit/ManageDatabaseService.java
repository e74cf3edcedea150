package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.ManageDatabaseUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.Migration;
import io.flagtrail.application.port.out.DatabaseAdmin;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import io.flagtrail.domain.audit.Severity;
import io.flagtrail.domain.audit.Subject;
import java.util.LinkedHashMap;
import java.util.List;

/** Schema changes are changes to the system of record: an on-demand migration that applied any is recorded. */
public final class ManageDatabaseService implements ManageDatabaseUseCase {

    private final DatabaseAdmin database;
    private final AuditTrail trail;
    private final Transactions transactions;

    public ManageDatabaseService(DatabaseAdmin database, AuditTrail trail, Transactions transactions) {
        this.database = database;
        this.trail = trail;
        this.transactions = transactions;
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
                trail.entry(AuditAction.DATABASE_MIGRATED, origin).on(new Subject("database", "schema", null))
                        .severity(Severity.NOTICE).changed(null, after).record();
                return null;
            });
        }
        return applied;
    }
}
