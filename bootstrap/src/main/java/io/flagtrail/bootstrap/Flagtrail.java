package io.flagtrail.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts the Flagtrail server, or with {@code verify-bundle <file>} checks an evidence bundle offline. */
public final class Flagtrail {

    private Flagtrail() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("verify-bundle")) {
            System.exit(OfflineVerifier.run(args));
        }
        Micronaut.build(args)
                .mainClass(Flagtrail.class)
                .banner(false)
                .properties(DatabaseSelection.defaults(System.getenv(), System.getProperties()))
                .start();
    }
}
