package io.flagtrail.adapter.web.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} for the next page (null on the last). */
@Serdeable
public record PageResponse<T>(List<T> items, @Nullable String nextCursor) {
}
