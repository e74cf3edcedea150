package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.ServerSecrets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Named secrets in a map: the first generator to run for a name wins, as with the database's unique key. */
public final class InMemoryServerSecrets implements ServerSecrets {

    private final Map<String, String> secrets = new HashMap<>();

    @Override
    public synchronized String getOrCreate(String name, Supplier<String> generator) {
        return secrets.computeIfAbsent(name, n -> generator.get());
    }
}
