package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Requests generated from the served OpenAPI document, for every operation it lists: {@value #PER_OPERATION} each,
 * with path, query and header parameters and bodies drawn from the document's schemas, then often broken (a wrong
 * type, an unknown or missing field, a NUL byte, a lone surrogate, bytes that are not UTF-8, a cut body, a wrong
 * content type, no or a forged credential). Every answer must be below 500, name no exception, stack frame, Java
 * package or library, and agree with the document ({@link OpenApiContract}).
 * <p>
 * The seed is fixed ({@value #DEFAULT_SEED}) so that CI cannot pass or fail by luck; run with
 * {@code -Dflagtrail.fuzz.seed=random} (or a number, or {@code FLAGTRAIL_FUZZ_SEED}) to explore: the seed is in
 * every failure message, and a seed that finds something is pinned in {@link #FOUND} once the bug is fixed.
 */
class OpenApiFuzzTest {

    static final int PER_OPERATION = 30;
    static final long DEFAULT_SEED = 20261202L;
    /** Seeds that found a bug once, kept so the bug cannot come back unseen (2: OFREP's 415 was undocumented). */
    static final List<Long> FOUND = List.of(2L);

    /** What must never reach a client: internals of the service, its runtime or its libraries. */
    private static final Pattern INTERNALS = Pattern.compile(
            "(?i)exception|\\bat [a-z0-9_$]+\\.[a-z0-9_$.]+\\(|io\\.flagtrail|\\bjava\\.|jakarta\\.|com\\.fasterxml|jackson"
                    + "|io\\.micronaut|io\\.netty|org\\.h2|org\\.postgresql|hikari|sqlstate|caused by");

    @Test
    void every_operation_survives_generated_requests_on_h2() {
        fuzz(TestDatabase.h2());
    }

    @Test
    void every_operation_survives_generated_requests_on_postgresql() {
        fuzz(TestDatabase.postgres());
    }

    private void fuzz(TestDatabase.Target database) {
        var properties = new HashMap<String, Object>(StandaloneProperties.on(database));
        properties.put("flagtrail.admin.email", "fuzz-admin@example.com");
        try (var server = ApplicationContext.run(EmbeddedServer.class, properties)) {
            // one line per distinct problem, with the first request that showed it
            var failures = new TreeMap<String, String>();
            for (long seed : seeds()) {
                var client = new FuzzClient(server.getURI(),
                        server.getApplicationContext().getBean(io.micronaut.json.JsonMapper.class), "fuzz-admin@example.com",
                        "an-admin-password-for-tests");
                var requests = new FuzzRequests(client.document(), seed, client.fixtures());
                for (var request : requests.all(PER_OPERATION)) {
                    String example = "seed " + seed + ": " + request.describe();
                    try {
                        judge(client.contract(), request, client.send(request))
                                .forEach(problem -> failures.putIfAbsent(problem, example));
                    } catch (java.io.UncheckedIOException broken) {
                        failures.putIfAbsent(request.method() + " " + request.template()
                                + ": the answer broke off (" + broken.getCause().getMessage() + ")", example);
                    }
                }
            }
            assertEquals(List.of(), failures.entrySet().stream().limit(40)
                    .map(f -> f.getKey() + "\n    first seen with " + f.getValue()).toList(), failures.size() + " problems");
        }
    }

    static List<Long> seeds() {
        String asked = System.getProperty("flagtrail.fuzz.seed", System.getenv("FLAGTRAIL_FUZZ_SEED"));
        if (asked == null || asked.isBlank()) {
            var all = new ArrayList<>(FOUND);
            all.addFirst(DEFAULT_SEED);
            return all;
        }
        return List.of("random".equalsIgnoreCase(asked) ? new java.security.SecureRandom().nextLong() : Long.parseLong(asked));
    }

    /** Everything wrong with one answer, one line per kind of problem. */
    static List<String> judge(OpenApiContract contract, FuzzRequests.Request request, FuzzClient.Received answer) {
        var found = new ArrayList<String>();
        String where = request.method() + " " + request.template() + " -> " + answer.status();
        if (answer.status() >= 500) {
            found.add(where + ": server error " + abbreviate(answer.text()));
        }
        var leak = INTERNALS.matcher(answer.text());
        if (!answer.isBinary() && leak.find()) {
            found.add(where + ": the body names internals ('" + leak.group() + "'): " + abbreviate(answer.text()));
        }
        if (answer.unparsable()) {
            found.add(where + ": declared JSON, but is not: " + abbreviate(answer.text()));
        } else {
            found.addAll(contract.check(new OpenApiContract.Answer(request.method(), request.path(), answer.status(),
                    answer.contentType(), answer.json())));
        }
        return found;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").replaceAll("\"requestId\":\"[^\"]*\"", "");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
