package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flagtrail.domain.audit.AuditAction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every action the trail records is listed in docs/api.md, which reviewers filter by; shown failing on a short list. */
class AuditActionsDocumentedTest {

    @Test
    void every_audit_action_is_in_docs_api_md() throws IOException {
        assertEquals(List.of(), undocumented(Files.readString(Path.of("../docs/api.md"))));
    }

    @Test
    void the_check_fails_when_an_action_is_missing() {
        assertEquals(List.of("FEATURE_UPDATED"), undocumented("`FEATURE_CREATED`").subList(0, 1));
    }

    static List<String> undocumented(String docs) {
        return Arrays.stream(AuditAction.values()).map(Enum::name).filter(name -> !docs.contains("`" + name + "`")).toList();
    }
}
