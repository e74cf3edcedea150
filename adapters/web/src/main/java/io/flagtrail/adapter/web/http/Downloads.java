package io.flagtrail.adapter.web.http;

import io.flagtrail.application.port.in.AuditDownload;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Streams a download to the client through a bounded pipe filled by a virtual thread: memory stays at the pipe's
 * size whatever the number of rows, and the database cursor advances only as fast as the client reads. A download
 * that fails on the server after it began (the status line is gone by then) is made visibly incomplete: it ends with
 * the format's failure line (documented in api.md) and then with an error, which aborts the transfer instead of ending
 * it cleanly; the log says so.
 */
public final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);

    private Downloads() {
    }

    /** The last line of a failed NDJSON export: one JSON object a reader of the lines cannot take for an entry. */
    public static String ndjsonFailure(String requestId) {
        return "{\"error\":\"export incomplete: the server failed while writing it; do not use this file\","
                + "\"incomplete\":true,\"requestId\":\"" + requestId + "\"}\n";
    }

    /** The last line of a failed CSV export. */
    public static String csvFailure(String requestId) {
        return "# EXPORT INCOMPLETE: the server failed while writing it; do not use this file (request " + requestId + ")\r\n";
    }

    /** A download with no failure line of its own (a zip that breaks off is already unreadable). */
    public static MutableHttpResponse<Flux<byte[]>> stream(AuditDownload download, MediaType type, String fileName) {
        return stream(download, type, fileName, null);
    }

    public static MutableHttpResponse<Flux<byte[]>> stream(AuditDownload download, MediaType type, String fileName,
                                                   String failureLine) {
        var pipe = new ChunkPipe();
        Thread.ofVirtual().name("download-" + fileName).start(() -> {
            // closed only when complete: closing marks the clean end, which a failed download must never get (with
            // try-with-resources the end went out before the failure, and the client saw a short file as whole)
            try {
                download.writeTo(pipe.out);
                pipe.out.close();
            } catch (IOException e) {
                LOG.info("download {} ended early: {}", fileName, e.getMessage());
                pipe.fail(e);
            } catch (RuntimeException e) {
                LOG.error("download {} failed midway; the client gets an incomplete file marked as such", fileName, e);
                if (failureLine != null) {
                    try {
                        pipe.out.write(failureLine.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        pipe.out.flush();
                    } catch (IOException clientGone) {
                        // nobody left to tell
                    }
                }
                pipe.fail(new IOException("the download failed on the server", e));
            }
        });
        // Whole 256 KB chunks as the body's elements: the server hands each one to the network with one thread hop,
        // where reading an InputStream would hop every 8 KB.
        Flux<byte[]> body = Flux.<byte[]>generate(sink -> {
            try {
                byte[] chunk = pipe.next();
                if (chunk == null) {
                    sink.complete();
                } else {
                    sink.next(chunk);
                }
            } catch (IOException e) {
                sink.error(e);
            }
        }).subscribeOn(Schedulers.boundedElastic()).doOnCancel(pipe::cancel);
        return HttpResponse.ok(body).contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
