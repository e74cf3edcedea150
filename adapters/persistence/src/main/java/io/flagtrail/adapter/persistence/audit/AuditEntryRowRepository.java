package io.flagtrail.adapter.persistence.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

/** Inserts into {@code audit_pending}, where entries wait to be sealed. No update or delete: the ledger is append-only. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditEntryRowRepository extends GenericRepository<AuditEntryRow, Long> {

    Iterable<AuditEntryRow> saveAll(Iterable<AuditEntryRow> rows);
}
