package io.flagtrail.bootstrap;

import io.micronaut.runtime.Micronaut;

/** Starts the Flagtrail server. */
public final class Flagtrail {

    private Flagtrail() {
    }

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Flagtrail.class)
                .banner(false)
                .properties(DatabaseSelection.defaults(System.getenv(), System.getProperties()))
                .start();
    }
}
