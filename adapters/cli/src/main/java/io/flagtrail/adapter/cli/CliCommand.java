package io.flagtrail.adapter.cli;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import picocli.CommandLine.Model.CommandSpec;

/** What every command group shares: where its output goes and in which format. */
abstract class CliCommand implements Runnable {

    /** The command's own spec (picocli injects it into each concrete command). */
    abstract CommandSpec spec();

    @Inject
    JsonMapper json;

    @Value("${flagtrail.cli.default-format:json}")
    String defaultFormat;

    /** A group named without one of its commands. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec().commandLine(), "name a command; see "
                + spec().qualifiedName() + " --help");
    }

    void print(Object result) {
        var root = (FlagtrailCommand) spec().root().userObject();
        new Printer(Printer.format(root.format, defaultFormat), spec().commandLine().getOut(), json).print(result);
    }
}
