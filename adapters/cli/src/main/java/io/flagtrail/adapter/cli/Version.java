package io.flagtrail.adapter.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The build's version (the POM's, written into {@code META-INF/flagtrail/version.properties}): the same one the
 * OpenAPI document and the API pages carry. {@code dev} only where that file is missing.
 */
final class Version implements IVersionProvider {

    private static final String CURRENT = read();

    static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/META-INF/flagtrail/version.properties")) {
            if (in == null) {
                return "dev";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[]{"flagtrail " + current()};
    }
}
