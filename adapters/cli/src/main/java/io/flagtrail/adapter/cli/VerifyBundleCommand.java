package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.VerifyBundleUseCase;
import io.flagtrail.domain.json.CanonicalJson;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code flagtrail verify-bundle <bundle.zip>}: checks an evidence bundle with the JDK alone. It runs without the
 * application context (no database, no server, no network): {@link Cli} hands it the verifier directly.
 */
@Command(name = "verify-bundle", mixinStandardHelpOptions = true,
        description = "Check an evidence bundle offline: no server, no database, no network. Prints the verdict "
                + "sentence, or the whole report with --format. Exit 0 verified; 1 not verified, or not a whole "
                + "evidence bundle (corrupt, truncated, foreign), or a --trusted file that is no checkpoint; 2 a "
                + "file that is not there.")
final class VerifyBundleCommand implements Callable<Integer> {

    /** What every zip file starts with: a local file header. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "BUNDLE", description = "The evidence bundle (.zip), or - for standard input.")
    String file;

    @Option(names = "--trusted", paramLabel = "FILE", description = "A checkpoint you kept (checkpoint.json, an "
            + "earlier bundle, a file of checkpoints, or a witness directory); the bundle must extend it. Repeatable.")
    List<String> trusted = List.of();

    /** Set by {@link Cli}'s offline factory. */
    VerifyBundleUseCase verifier;

    @Override
    public Integer call() throws IOException {
        try (InputStream in = new BufferedInputStream(file.equals("-") ? System.in : Files.newInputStream(Path.of(file)))) {
            in.mark(ZIP_MAGIC.length);
            if (!java.util.Arrays.equals(in.readNBytes(ZIP_MAGIC.length), ZIP_MAGIC)) {
                throw new CliFailure(1, file + " is not an evidence bundle (not a zip file)");
            }
            in.reset();
            var report = verifier.verify(in, TrustedCheckpoints.read(trusted));
            String format = ((FlagtrailCommand) spec.root().userObject()).format;
            var out = report.verified() ? spec.commandLine().getOut() : spec.commandLine().getErr();
            out.println(format == null ? report.summary() : render(Views.report(report), format));
            out.flush();
            return report.verified() ? 0 : 1;
        } catch (NoSuchFileException e) {
            throw new CliFailure(2, "no such file: " + file);
        } catch (IOException e) {
            // a zip cut short or damaged inside: java.util.zip says what, the reviewer needs to know which file
            throw new CliFailure(1, file + " is not a whole evidence bundle (" + e.getMessage() + ")");
        }
    }

    /** JSON here is the canonical form: the verifier needs no JSON library, and the report has no numbers to round. */
    private static String render(java.util.Map<String, Object> report, String format) {
        return switch (Printer.format(format, "json")) {
            case JSON -> CanonicalJson.write(report);
            case TEXT, TABLE -> String.join("\n", report.entrySet().stream()
                    .map(e -> e.getKey() + ": " + (e.getValue() == null ? "" : e.getValue())).toList());
        };
    }
}
