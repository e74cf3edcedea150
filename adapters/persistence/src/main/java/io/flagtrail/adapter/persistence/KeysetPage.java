package io.flagtrail.adapter.persistence;

import io.flagtrail.application.port.model.Page;
import java.util.List;
import java.util.function.Function;

/** Cuts a result fetched with one row too many into a page and the cursor of the next one. */
public final class KeysetPage {

    private KeysetPage() {
    }

    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> sortKey) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        var items = fetched.subList(0, limit);
        return new Page<>(items, Cursors.encode(sortKey.apply(items.getLast())));
    }
}
