package io.flagtrail.domain.project;

import io.flagtrail.domain.error.InvalidInput;
import java.util.regex.Pattern;

/**
 * The rule for project and environment keys: 1-32 characters of a-z, 0-9, '_' and '-', starting and ending with a
 * letter or digit. Narrower than a feature key: these keys become parts of event subjects
 * ({@code <prefix>.<project>.<environment>.<type>}, ADR 0012), where '.' separates parts and '*' and '>' are wildcards.
 */
final class Slug {

    private static final Pattern KEY = Pattern.compile("^[a-z0-9](?:[a-z0-9_-]{0,30}[a-z0-9])?$");

    private Slug() {
    }

    static String check(String field, String value) {
        if (value == null || !KEY.matcher(value).matches()) {
            throw InvalidInput.of(field,
                    "must be 1-32 characters of a-z, 0-9, '_', '-', starting and ending with a letter or digit");
        }
        return value;
    }
}
