package io.flagtrail.adapter.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/** A download that fails on the server after it began is visibly incomplete: a failure line, then an error. */
class DownloadsTest {

    @Test
    void a_failure_midway_ends_with_the_failure_line_and_an_error_never_a_clean_end() {
        var received = new ByteArrayOutputStream();
        var error = new AtomicReference<Throwable>();
        var response = Downloads.stream(out -> {
            out.write("{\"position\":1}\n".getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the database went away");
        }, MediaType.of("application/x-ndjson"), "x.ndjson", Downloads.ndjsonFailure("req-1"));

        drain(response.body(), received, error);

        var lines = received.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("{\"position\":1}", lines[0]);
        assertTrue(lines[lines.length - 1].contains("\"incomplete\":true") && lines[lines.length - 1].contains("req-1"),
                received.toString(StandardCharsets.UTF_8));
        assertNotNull(error.get(), "the stream ends in an error, which aborts the transfer");
    }

    @Test
    void a_complete_download_ends_cleanly_without_a_failure_line() {
        var received = new ByteArrayOutputStream();
        var error = new AtomicReference<Throwable>();
        var response = Downloads.stream(out -> out.write("a,b\r\n".getBytes(StandardCharsets.UTF_8)),
                MediaType.of("text/csv"), "x.csv", Downloads.csvFailure("req-2"));

        drain(response.body(), received, error);

        assertEquals("a,b\r\n", received.toString(StandardCharsets.UTF_8));
        assertNull(error.get());
    }

    private static void drain(Flux<byte[]> body, ByteArrayOutputStream received, AtomicReference<Throwable> error) {
        body.doOnNext(received::writeBytes).onErrorResume(e -> {
            error.set(e);
            return Flux.empty();
        }).blockLast();
    }
}
