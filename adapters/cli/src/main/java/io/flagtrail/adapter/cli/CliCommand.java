package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.model.Page;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/** What every command group shares: where its output goes and in which format. */
abstract class CliCommand implements Runnable {

    /** The command's own spec (picocli injects it into each concrete command). */
    abstract CommandSpec spec();

    @Inject
    JsonMapper json;

    @Value("${flagtrail.cli.default-format:json}")
    String defaultFormat;

    /** The instant an option names, or null when it is not given; anything else is refused naming the option. */
    static java.time.Instant instant(String option, String text) {
        return text == null ? null : io.flagtrail.application.port.in.Instants.require(option, text);
    }

    /** A group named without one of its commands. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec().commandLine(), "name a command; see "
                + spec().qualifiedName() + " --help");
    }

    void print(Object result) {
        printer(List.of()).print(result);
    }

    /** A result whose table shows only these columns (a feature has twenty fields; a terminal has room for eight). */
    void print(Object result, List<String> tableColumns) {
        printer(tableColumns).print(result);
    }

    /** One page of a list: the items through {@code view}, and how to fetch the next page. */
    <T> void printPage(Page<T> page, Function<T, Map<String, Object>> view, List<String> tableColumns) {
        printer(tableColumns).printPage(page.items().stream().map(view).toList(), page.nextCursor());
    }

    private Printer printer(List<String> tableColumns) {
        var root = (FlagtrailCommand) spec().root().userObject();
        return new Printer(Printer.format(root.format, defaultFormat), spec().commandLine().getOut(), json, tableColumns);
    }
}
