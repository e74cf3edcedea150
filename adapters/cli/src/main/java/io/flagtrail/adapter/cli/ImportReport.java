package io.flagtrail.adapter.cli;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.domain.project.Scope;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.domain.error.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code features import} prints, refused or imported: {@code {"imported", "count", "elapsedMillis", "items"}}
 * with one {@code {"index", "key", "outcome", "message"}} per item, and the check of every item before any is sent.
 */
final class ImportReport {

    /** The items as commands, and one result per item: INVALID with its message, or NOT_IMPORTED (yet). */
    record Checked(List<CreateFeatureCommand> commands, List<Map<String, Object>> items, int invalid) {
    }

    private ImportReport() {
    }

    static Checked check(List<FeatureInput> inputs, Scope scope, Origin origin) {
        var commands = new ArrayList<CreateFeatureCommand>(inputs.size());
        var items = new ArrayList<Map<String, Object>>(inputs.size());
        int invalid = 0;
        for (int i = 0; i < inputs.size(); i++) {
            try {
                commands.add(inputs.get(i).command(scope, origin));
                items.add(item(i, inputs.get(i).key(), "NOT_IMPORTED", null));
            } catch (InvalidInput e) {
                invalid++;
                items.add(item(i, inputs.get(i).key(), "INVALID", e.getMessage()));
            }
        }
        return new Checked(commands, items, invalid);
    }

    static Map<String, Object> summary(boolean imported, int count, long elapsedMillis, List<?> items) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("imported", imported);
        summary.put("count", count);
        summary.put("elapsedMillis", elapsedMillis);
        summary.put("items", items);
        return summary;
    }

    static Map<String, Object> item(int index, String key, String outcome, String message) {
        var item = new LinkedHashMap<String, Object>();
        item.put("index", index);
        item.put("key", key);
        item.put("outcome", outcome);
        item.put("message", message);
        return item;
    }
}
