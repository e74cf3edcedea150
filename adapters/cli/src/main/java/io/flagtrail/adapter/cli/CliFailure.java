package io.flagtrail.adapter.cli;

/** A failure the CLI reports with its own message and exit code. */
final class CliFailure extends RuntimeException {

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
