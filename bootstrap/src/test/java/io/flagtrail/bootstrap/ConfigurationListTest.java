package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md against the real configuration: every environment variable application.yml reads and every
 * {@code flagtrail.*} / {@code auth.*} property the code reads, with {@code @Value} or as a component of a
 * {@code @ConfigurationProperties} record, must be listed there. The checker is also run on a deliberately incomplete
 * list, to show it can fail.
 */
class ConfigurationListTest {

    static final Path ROOT = Path.of("..");
    static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)(?::[^}]*)?}");
    static final Pattern VALUE_PROPERTY = Pattern.compile("@Value\\(\"\\$\\{((?:flagtrail|auth)\\.[a-z0-9.-]+)(?::[^}]*)?}\"\\)");
    static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"((?:flagtrail|auth)\\.[a-z0-9.-]+)\"\\)\\s*(?:public\\s+)?record\\s+\\w+\\((.*?)\\)\\s*\\{",
            Pattern.DOTALL);
    static final Pattern COMPONENT = Pattern.compile("(\\w+)\\s*(?:,|$)");

    @Test
    void every_setting_the_service_reads_is_in_docs_configuration_md() {
        assertEquals(Set.of(), missing(read(ROOT.resolve("bootstrap/src/main/resources/application.yml")), javaSources(),
                read(ROOT.resolve("docs/configuration.md"))));
    }

    @Test
    void the_check_fails_when_a_setting_is_not_listed() {
        var missing = missing("port: ${PORT:8080}\nsecret: ${NEW_SECRET:}\n",
                List.of("@Value(\"${flagtrail.new.thing:1}\") int thing;",
                        "@ConfigurationProperties(\"flagtrail.other\")\nrecord Other(@Bindable(defaultValue = \"1s\") "
                                + "Duration pollInterval, int size) {\n}"),
                "| `PORT` | `micronaut.server.port` | `8080` |\n| `flagtrail.other.size` | 1 |");
        assertEquals(Set.of("NEW_SECRET", "flagtrail.new.thing", "flagtrail.other.poll-interval"), missing);
    }

    static Set<String> missing(String yml, List<String> sources, String docs) {
        var missing = new TreeSet<String>();
        ENV_PLACEHOLDER.matcher(yml).results().map(m -> m.group(1))
                .filter(name -> !docs.contains("`" + name + "`") && !docs.contains(name + ","))
                .forEach(missing::add);
        for (var source : sources) {
            VALUE_PROPERTY.matcher(source).results().map(m -> m.group(1))
                    .filter(property -> !docs.contains("`" + property + "`"))
                    .forEach(missing::add);
            PROPERTIES_RECORD.matcher(source).results()
                    .flatMap(m -> COMPONENT.matcher(m.group(2).strip()).results()
                            .map(c -> m.group(1) + "." + kebab(c.group(1))))
                    .filter(property -> !docs.contains("`" + property + "`"))
                    .forEach(missing::add);
        }
        return missing;
    }

    /** A record component as Micronaut binds it: {@code cacheTtl} from {@code cache-ttl}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> javaSources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .map(ConfigurationListTest::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
