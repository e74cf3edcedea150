package io.flagtrail.bootstrap;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** {@code verify-bundle} as the jar runs it, writing to the streams a test reads. */
final class Offline {

    private Offline() {
    }

    static int verify(String[] args, PrintStream out, PrintStream err) {
        return CliMain.run(args, new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8));
    }
}
