package io.flagtrail.application.service.audit;

import io.flagtrail.application.port.in.AuditDownload;
import io.flagtrail.application.port.in.ExportAuditUseCase;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.model.AuditQuery;
import io.flagtrail.application.port.out.LedgerChain;
import io.flagtrail.application.port.out.Transactions;
import io.flagtrail.domain.audit.AuditAction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Streams matching entries row by row (constant memory); the export is recorded before the first byte goes out. */
public final class ExportAuditService implements ExportAuditUseCase {

    private final LedgerChain chain;
    private final AuditTrail trail;
    private final Transactions transactions;

    public ExportAuditService(LedgerChain chain, AuditTrail trail, Transactions transactions) {
        this.chain = chain;
        this.trail = trail;
        this.transactions = transactions;
    }

    @Override
    public AuditDownload export(AuditQuery query, Format format, Origin origin) {
        var recorded = AuditQueries.describe(query);
        recorded.put("format", format.name());
        transactions.inTransaction(() -> {
            trail.read(AuditAction.AUDIT_EXPORTED, origin, recorded);
            return null;
        });
        return out -> write(query, format, out);
    }

    private void write(AuditQuery query, Format format, OutputStream out) throws IOException {
        // Bytes straight into a buffer: String.getBytes(UTF_8) is an intrinsic for this mostly-ASCII text, far
        // cheaper than a Writer's charset encoder.
        var writer = new BufferedOutputStream(out, 1 << 16);
        byte[] newline = (format == Format.CSV ? "\r\n" : "\n").getBytes(StandardCharsets.UTF_8);
        if (format == Format.CSV) {
            writer.write(LedgerLines.csvHeader().getBytes(StandardCharsets.UTF_8));
            writer.write(newline);
        }
        try {
            transactions.inTransaction(() -> {
                chain.export(query, link -> {
                    try {
                        String line = format == Format.CSV ? LedgerLines.csv(link) : LedgerLines.ndjson(link);
                        writer.write(line.getBytes(StandardCharsets.UTF_8));
                        writer.write(newline);
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
