package io.flagtrail.domain.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One field that changed, with its value before and after (either may be null). */
public record FieldChange(String field, Object from, Object to) {

    /**
     * The fields whose values differ between two snapshots, in the order of {@code after}'s keys (of
     * {@code before}'s when the subject was removed and there is no after). Fields in {@code ignored} (bookkeeping
     * such as version) are left out.
     */
    public static List<FieldChange> between(Map<String, Object> before, Map<String, Object> after, Set<String> ignored) {
        if (after == null) {
            return before == null ? List.of() : between(null, before, ignored).stream()
                    .map(c -> new FieldChange(c.field(), c.to(), null)).toList();
        }
        List<FieldChange> changes = new ArrayList<>();
        for (var field : after.keySet()) {
            if (ignored.contains(field)) {
                continue;
            }
            Object from = before == null ? null : before.get(field);
            Object to = after.get(field);
            if (!Objects.equals(from, to)) {
                changes.add(new FieldChange(field, from, to));
            }
        }
        return List.copyOf(changes);
    }
}
