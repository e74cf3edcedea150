package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.model.Page;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command group shares: where its output goes and in which format. {@code @Command} with no attributes
 * only marks the class for picocli's processor, so that it accepts the {@code @Spec} field here; each group's own
 * {@code @Command} says what it is.
 */
@Command
abstract class CliCommand implements Runnable {

    /** The spec of the concrete command group (picocli injects it, walking up to this class). */
    @Spec
    CommandSpec spec;

    CommandSpec spec() {
        return spec;
    }

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

    /** Refuses a command given its fields both in a file ({@code with}) and as options. */
    static void requireNone(String with, Object... options) {
        for (var option : options) {
            if (option != null) {
                throw new CliFailure(2, "give the fields either with " + with + " or as options, not both");
            }
        }
    }
}
