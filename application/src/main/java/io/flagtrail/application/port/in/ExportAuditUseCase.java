package io.flagtrail.application.port.in;

import java.io.IOException;
import java.io.OutputStream;

/** Streams the audit entries matching a query, newest first, as NDJSON or CSV; the export itself is recorded. */
public interface ExportAuditUseCase {

    enum Format { NDJSON, CSV }

    void export(AuditQuery query, Format format, Origin origin, OutputStream out) throws IOException;
}
