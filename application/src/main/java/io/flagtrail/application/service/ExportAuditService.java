package io.flagtrail.application.service;

import io.flagtrail.application.port.in.AuditDownload;
import io.flagtrail.application.port.in.AuditQuery;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Streams matching entries row by row (constant memory); the export is recorded before the first byte goes out. */
public final class ExportAuditService implements ExportAuditUseCase {

    private final LedgerChain chain;
    private final AccessLog access;
    private final Transactions transactions;

    public ExportAuditService(LedgerChain chain, AccessLog access, Transactions transactions) {
        this.chain = chain;
        this.access = access;
        this.transactions = transactions;
    }

    @Override
    public AuditDownload export(AuditQuery query, Format format, Origin origin) {
        var recorded = AuditQueries.describe(query);
        recorded.put("format", format.name());
        transactions.inTransaction(() -> {
            access.record(AuditAction.AUDIT_EXPORTED, origin, recorded);
            return null;
        });
        return out -> write(query, format, out);
    }

    private void write(AuditQuery query, Format format, OutputStream out) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (format == Format.CSV) {
            writer.write(LedgerLines.csvHeader());
            writer.write("\r\n");
        }
        try {
            transactions.inTransaction(() -> {
                chain.export(query, link -> {
                    try {
                        writer.write(format == Format.CSV ? LedgerLines.csv(link) : LedgerLines.ndjson(link));
                        writer.write(format == Format.CSV ? "\r\n" : "\n");
                        return true;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writer.flush();
    }
}
