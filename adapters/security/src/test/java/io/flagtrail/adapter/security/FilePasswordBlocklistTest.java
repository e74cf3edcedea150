package io.flagtrail.adapter.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class FilePasswordBlocklistTest {

    @Test
    void the_shipped_list_refuses_common_long_passwords_whatever_their_case() {
        var list = new FilePasswordBlocklist(null);

        assertTrue(list.size() > 10_000);
        assertTrue(list.contains("123456789012".toCharArray()));
        assertTrue(list.contains("PassWord1234".toCharArray()), "compared without regard to case");
        assertFalse(list.contains("correct horse battery staple 42".toCharArray()));
    }

    @Test
    void a_configured_file_replaces_the_shipped_list() throws Exception {
        var file = Files.createTempFile("blocklist", ".txt");
        Files.writeString(file, "# ours\nour-company-2026!\n");

        var list = new FilePasswordBlocklist(file.toString());

        assertTrue(list.contains("Our-Company-2026!".toCharArray()));
        assertFalse(list.contains("123456789012".toCharArray()));
    }
}
