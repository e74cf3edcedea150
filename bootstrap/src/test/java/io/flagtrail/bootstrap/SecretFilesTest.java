package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretFilesTest {

    @Test
    void a_secret_file_wins_over_the_variable_itself_and_loses_its_trailing_newline() throws Exception {
        var file = Files.createTempFile("secret", ".txt");
        Files.writeString(file, "from-the-file-of-32-bytes-or-more\n");
        var env = Map.of("AUTH_JWT_SECRET", "from-the-environment", "AUTH_JWT_SECRET_FILE", file.toString());

        assertEquals("from-the-file-of-32-bytes-or-more", SecretFiles.applied(env).get("AUTH_JWT_SECRET"));
        var properties = SecretFiles.properties(env);
        assertEquals("from-the-file-of-32-bytes-or-more", properties.get("auth.jwt.secret"));
        assertEquals("from-the-file-of-32-bytes-or-more", properties.get("AUTH_JWT_SECRET"));
    }

    @Test
    void context_properties_outrank_the_environment() {
        assertTrue(System.getenv().containsKey("PATH"), "the check rides on PATH, which every environment has");
        try (var context = ApplicationContext.builder().properties(Map.of("path", "from-a-secret-file"))
                .deduceEnvironment(false).build()) {
            context.getEnvironment().start();
            assertEquals("from-a-secret-file", context.getEnvironment().getProperty("path", String.class).orElseThrow());
        }
    }

    @Test
    void other_programs_file_variables_are_left_alone() {
        assertEquals(Map.of("TF_CLI_CONFIG_FILE", "/no/such/file"),
                SecretFiles.applied(Map.of("TF_CLI_CONFIG_FILE", "/no/such/file")));
    }

    @Test
    void an_unreadable_file_stops_startup_naming_the_variable() {
        var error = assertThrows(IllegalStateException.class,
                () -> SecretFiles.applied(Map.of("DATABASE_PASSWORD_FILE", "/no/such/file")));
        assertTrue(error.getMessage().startsWith("DATABASE_PASSWORD_FILE names /no/such/file"), error.getMessage());
    }
}
