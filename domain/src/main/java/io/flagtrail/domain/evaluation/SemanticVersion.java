package io.flagtrail.domain.evaluation;

import java.util.regex.Pattern;

/** A semantic version (major.minor.patch, an optional pre-release; build metadata ignored) ordered as SemVer 2.0 says. */
record SemanticVersion(long major, long minor, long patch, String preRelease) implements Comparable<SemanticVersion> {

    private static final Pattern SHAPE = Pattern.compile(
            "v?(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

    /** The version, or null when the text is none. */
    static SemanticVersion parse(String text) {
        var m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                m.group(4));
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int core = Long.compare(major, other.major) != 0 ? Long.compare(major, other.major)
                : Long.compare(minor, other.minor) != 0 ? Long.compare(minor, other.minor)
                : Long.compare(patch, other.patch);
        if (core != 0) {
            return core;
        }
        if (preRelease == null || other.preRelease == null) {
            return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
        }
        return comparePreRelease(preRelease.split("\\."), other.preRelease.split("\\."));
    }

    private static int comparePreRelease(String[] a, String[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            boolean an = a[i].matches("\\d+");
            boolean bn = b[i].matches("\\d+");
            int c = an && bn ? Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]))
                    : an ? -1 : bn ? 1 : a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }
}
