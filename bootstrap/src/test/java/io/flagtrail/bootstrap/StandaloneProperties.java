package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The properties of a system test that runs its own server: a fresh database, a free port, its own event files. */
final class StandaloneProperties {

    private StandaloneProperties() {
    }

    static Map<String, String> on(TestDatabase.Target database) {
        var props = new HashMap<String, String>();
        database.properties().forEach((k, v) -> props.put(k, String.valueOf(v)));
        props.put("micronaut.server.port", "-1");
        props.put("flagtrail.admin.password", "an-admin-password-for-tests");
        props.put("flagtrail.events.path", System.getProperty("java.io.tmpdir") + "/flagtrail-events-" + UUID.randomUUID());
        return props;
    }
}
