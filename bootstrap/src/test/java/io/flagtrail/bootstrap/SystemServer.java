package io.flagtrail.bootstrap;

import io.flagtrail.testsupport.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * The jar's real wiring on one database, on a free port, with both event sinks: started once per test run by
 * {@link SystemServers} and shared by every {@link SystemTest} class, closed when the run ends.
 */
final class SystemServer implements AutoCloseable {

    static final String ADMIN = "admin@example.com";
    static final String ADMIN_PASSWORD = "a-long-admin-password";
    static final java.time.Duration SESSION_MEMORY = java.time.Duration.ofSeconds(2);

    private final TestDatabase.Target database;
    private final Path eventsDirectory;
    private final EmbeddedServer server;

    SystemServer(TestDatabase.Target database) {
        this.database = database;
        try {
            this.eventsDirectory = Files.createTempDirectory("flagtrail-events-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var props = new HashMap<String, Object>(database.properties());
        props.put("flagtrail.admin.email", ADMIN);
        props.put("flagtrail.admin.password", ADMIN_PASSWORD);
        props.put("micronaut.server.port", "-1");
        props.put("flagtrail.ledger.checkpoint-every-entries", "1");
        props.put("flagtrail.events.path", eventsDirectory.toString());
        props.put("flagtrail.events.storage", "fs,db"); // both sinks the seed configuration names
        props.put("flagtrail.events.poll-interval", "20ms");
        // Kept session standings expire soon, so the test of edits made in the database by hand waits seconds only.
        props.put("flagtrail.security.session-memory", SESSION_MEMORY.toMillis() + "ms");
        this.server = ApplicationContext.run(EmbeddedServer.class, props);
    }

    URI uri() {
        return server.getURI();
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    TestDatabase.Target database() {
        return database;
    }

    Path eventsDirectory() {
        return eventsDirectory;
    }

    @Override
    public void close() {
        server.close();
    }
}
