package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server while a request is in flight: the request still gets its full answer (graceful shutdown,
 * {@code SHUTDOWN_GRACE_PERIOD}), and the server is gone afterwards.
 */
class GracefulShutdownTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /** An endpoint that answers only once the test lets it, only in this test. */
    @Controller("/test/slow")
    @Requires(property = "test.slow-endpoint", value = "true")
    @Secured(SecurityRule.IS_ANONYMOUS)
    static class SlowController {
        @Get
        @ExecuteOn(TaskExecutors.BLOCKING)
        String slow() throws InterruptedException {
            STARTED.countDown();
            return RELEASE.await(30, TimeUnit.SECONDS) ? "finished" : "never released";
        }
    }

    @Test
    void a_request_in_flight_when_the_server_stops_gets_its_answer() throws Exception {
        var props = new HashMap<String, Object>(StandaloneProperties.on(TestDatabase.h2()));
        props.put("test.slow-endpoint", "true");
        var server = ApplicationContext.run(EmbeddedServer.class, props);
        var uri = URI.create(server.getURI() + "/test/slow");
        try (var http = HttpClient.newHttpClient()) {
            CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(STARTED.await(10, TimeUnit.SECONDS), "the request reached the controller");

            var stopping = CompletableFuture.runAsync(() -> server.getApplicationContext().close());
            // The request is answered only after the server has stopped taking new ones: shutdown has begun.
            Poll.until(Duration.ofSeconds(20), "the server to refuse new connections", () -> refuses(uri));
            RELEASE.countDown();

            var answer = inFlight.get(20, TimeUnit.SECONDS);
            stopping.get(20, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode());
            assertEquals("finished", answer.body());
            assertTrue(!server.isRunning(), "the server stopped");
        }
    }

    private static boolean refuses(URI uri) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            return false;
        } catch (IOException refused) {
            return true;
        }
    }
}
