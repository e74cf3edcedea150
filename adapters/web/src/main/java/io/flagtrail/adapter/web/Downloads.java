package io.flagtrail.adapter.web;

import io.flagtrail.application.port.in.AuditDownload;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.io.IOException;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a download to the client through a bounded pipe filled by a virtual thread: memory stays at the pipe's
 * size whatever the number of rows, and the database cursor advances only as fast as the client reads.
 */
final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);

    private Downloads() {
    }

    static MutableHttpResponse<Flux<byte[]>> stream(AuditDownload download, MediaType type, String fileName) {
        var pipe = new ChunkPipe();
        Thread.ofVirtual().name("download-" + fileName).start(() -> {
            try (var out = pipe.out) {
                download.writeTo(out);
            } catch (IOException e) {
                LOG.info("download {} ended early: {}", fileName, e.getMessage());
                pipe.fail(e);
            } catch (RuntimeException e) {
                LOG.error("download {} failed", fileName, e);
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
