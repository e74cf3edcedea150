package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.testsupport.TestDatabase;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs each {@link SystemTest} class once per database. The server of a database is started the first time a class
 * needs it and kept in the root store, so the whole run shares one per database and JUnit closes it at the end.
 */
final class SystemServers implements ClassTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace SERVERS = ExtensionContext.Namespace.create(SystemServers.class);

    private enum Database {
        H2(TestDatabase::h2), POSTGRESQL(TestDatabase::postgres);

        private final Supplier<TestDatabase.Target> target;

        Database(Supplier<TestDatabase.Target> target) {
            this.target = target;
        }
    }

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return true;
    }

    @Override
    public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(Database.values()).map(OnDatabase::new);
    }

    /** One run of a class on one database: its client is made for it, and its answers are checked after it. */
    private record OnDatabase(Database database) implements ClassTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return database.name();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new Client(database));
        }
    }

    /** Makes the class's client on first use (every test instance of one run gets the same) and checks it after. */
    private static final class Client implements ParameterResolver, AfterAllCallback {

        private final Database database;
        private SystemClient client;

        Client(Database database) {
            this.database = database;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SystemClient.class;
        }

        @Override
        public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (client == null) {
                var server = context.getRoot().getStore(SERVERS)
                        .getOrComputeIfAbsent(database, d -> new SystemServer(d.target.get()), SystemServer.class);
                client = new SystemClient(server);
            }
            return client;
        }

        /**
         * Every answer the class received agrees with the served OpenAPI document: operation, status, content type
         * and body schema.
         */
        @Override
        public synchronized void afterAll(ExtensionContext context) {
            if (client != null) {
                var contract = new OpenApiContract(client.api().send("GET", "/openapi.yml", null, null).raw().body());
                assertEquals(Set.of(), contract.violations(List.copyOf(client.api().answers)));
            }
        }
    }
}
