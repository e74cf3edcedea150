package io.flagtrail.application.port.in;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A download that has been checked and recorded and is ready to stream: errors a caller can cause are raised
 * before the first byte, so that an HTTP adapter can still answer them properly.
 */
@FunctionalInterface
public interface AuditDownload {

    void writeTo(OutputStream out) throws IOException;
}
