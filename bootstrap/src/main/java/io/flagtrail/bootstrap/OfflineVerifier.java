package io.flagtrail.bootstrap;

import io.flagtrail.application.service.VerifyBundleService;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar flagtrail.jar verify-bundle <bundle.zip>}: checks an evidence bundle with the JDK alone; starts
 * no server, opens no database and no network connection. Exit code 0 when it verifies, 1 when it does not,
 * 2 on wrong usage or an unreadable file.
 */
final class OfflineVerifier {

    private OfflineVerifier() {
    }

    static int run(String[] args) throws IOException {
        return run(args, System.out, System.err);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        if (args.length != 2) {
            err.println("usage: java -jar flagtrail.jar verify-bundle <evidence-bundle.zip>  (use - for standard input)");
            return 2;
        }
        try (InputStream in = args[1].equals("-") ? System.in : Files.newInputStream(Path.of(args[1]))) {
            var report = new VerifyBundleService().verify(in);
            (report.verified() ? out : err).println(report.summary());
            return report.verified() ? 0 : 1;
        } catch (NoSuchFileException e) {
            err.println("no such file: " + args[1]);
            return 2;
        }
    }
}
