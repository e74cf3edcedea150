package io.flagtrail.application.port.model;

import io.flagtrail.domain.feature.FeatureStatus;

/**
 * Which features to list: by status (null = active only), by tag, by text found in key, name or description;
 * ordered by key, one page of {@code limit} after {@code cursor}.
 */
public record FeatureListQuery(FeatureStatus status, String tag, String text, int limit, String cursor) {

    public FeatureListQuery {
        status = status == null ? FeatureStatus.ACTIVE : status;
        text = text == null || text.isBlank() ? null : text.strip();
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        limit = Page.limit(limit);
    }
}
