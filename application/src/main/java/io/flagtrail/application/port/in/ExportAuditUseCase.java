package io.flagtrail.application.port.in;

import io.flagtrail.application.port.model.AuditQuery;
/** Streams the audit entries matching a query, newest first, as NDJSON or CSV; the export itself is recorded. */
public interface ExportAuditUseCase {

    enum Format { NDJSON, CSV }

    AuditDownload export(AuditQuery query, Format format, Origin origin);
}
