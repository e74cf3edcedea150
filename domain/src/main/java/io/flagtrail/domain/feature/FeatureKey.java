package io.flagtrail.domain.feature;

import io.flagtrail.domain.error.InvalidInput;
import java.util.regex.Pattern;

/** The immutable, URL-safe name applications use to evaluate a feature, e.g. {@code checkout.new-flow}. */
public record FeatureKey(String value) {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$");

    public FeatureKey {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw InvalidInput.of("key",
                    "must be 1-64 characters of a-z, 0-9, '.', '_', '-', starting and ending with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
