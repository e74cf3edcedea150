package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.Poll;
import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances on one PostgreSQL database, their periodic snapshot check an hour apart: a change made through the
 * first is evaluated by the second within seconds, so through the push alone (issue 21: the commit's notice, heard by
 * every instance on the database).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstanceEvaluationSystemTest implements TestPropertyProvider {

    @Inject EmbeddedServer first;
    @Inject JsonMapper json;
    private Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        properties = StandaloneProperties.on(TestDatabase.postgres());
        properties.put("flagtrail.evaluation.refresh-interval", "1h");
        return properties;
    }

    @Test
    void a_change_through_one_instance_is_evaluated_by_the_other() throws Exception {
        try (var second = ApplicationContext.run(EmbeddedServer.class, Map.<String, Object>copyOf(properties))) {
            var one = new Api(first.getURI(), json);
            var two = new Api(second.getURI(), json);
            String admin = one.login("admin@flagtrail.local", properties.get("flagtrail.admin.password"));
            String key = (String) one.send("POST", "/api/v1/api-keys", admin,
                    "{\"name\":\"two-instances\",\"scopes\":[\"evaluate\"]}").json().get("secret");
            one.send("POST", "/api/v1/features", admin, "{\"key\":\"shared-flag\",\"name\":\"Shared\"}");

            awaitServed(two, key, "\"value\":false");
            one.send("POST", "/api/v1/features/shared-flag/enable", admin, null);

            awaitServed(two, key, "\"value\":true");
        }
    }

    /** Waits until the second instance serves {@code expected}; how fast it does is measured in bench/ instead. */
    private static void awaitServed(Api api, String key, String expected) {
        Poll.until(Duration.ofSeconds(10), "the instance to serve " + expected,
                () -> api.send("POST", "/ofrep/v1/evaluate/flags/shared-flag", null, "{\"context\":{}}", "X-API-Key", key),
                reply -> reply.status() == 200 && reply.raw().body().contains(expected));
    }
}
