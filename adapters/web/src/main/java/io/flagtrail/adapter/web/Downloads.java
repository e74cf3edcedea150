package io.flagtrail.adapter.web;

import io.flagtrail.application.port.in.AuditDownload;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a download to the client through a pipe filled by a virtual thread: memory stays at the pipe's size
 * whatever the number of rows, and the database cursor advances only as fast as the client reads.
 */
final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    private static final int PIPE_BYTES = 1 << 16;

    private Downloads() {
    }

    static MutableHttpResponse<StreamedFile> stream(AuditDownload download, MediaType type, String fileName) {
        try {
            var in = new PipedInputStream(PIPE_BYTES);
            var out = new PipedOutputStream(in);
            Thread.ofVirtual().name("download-" + fileName).start(() -> {
                try (out) {
                    download.writeTo(out);
                } catch (IOException e) {
                    LOG.info("download {} ended early: {}", fileName, e.getMessage());
                } catch (RuntimeException e) {
                    LOG.error("download {} failed", fileName, e);
                }
            });
            return HttpResponse.ok(new StreamedFile(in, type))
                    .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
