package io.flagtrail.application.port.out;

import java.util.function.Supplier;

/**
 * Secrets the service makes for itself on first start (such as the token signing secret) and shares across
 * instances: the first instance's generated value wins, and every later call answers that same value.
 */
public interface ServerSecrets {

    String getOrCreate(String name, Supplier<String> generator);
}
