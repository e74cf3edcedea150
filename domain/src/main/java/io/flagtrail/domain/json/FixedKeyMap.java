package io.flagtrail.domain.json;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable map over a fixed set of keys kept in canonical (sorted) order, with its values in an array.
 * {@link CanonicalJson} writes it without hashing or sorting anything, which is what makes verifying and exporting
 * millions of ledger entries cheap; as a {@link Map} it behaves like any other.
 */
public final class FixedKeyMap extends AbstractMap<String, Object> {

    /** A shared, sorted set of keys; make one per shape, once. */
    public static final class Keys {
        final String[] sorted;
        /** Each member's opening as canonical JSON writes it, {@code {"key":} then {@code ,"key":}: made once. */
        final String[] openings;
        private volatile Keys plus;
        private volatile String plusKey;

        private Keys(String[] sorted) {
            this.sorted = sorted;
            this.openings = new String[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                openings[i] = (i == 0 ? "{" : ",") + CanonicalJson.quoted(sorted[i]) + ":";
            }
        }

        /** These keys and one more, remembered so that adding the same key to many maps sorts only once. */
        Keys plus(String key) {
            var cached = plus;
            if (cached != null && key.equals(plusKey)) {
                return cached;
            }
            var extended = Arrays.copyOf(sorted, sorted.length + 1);
            extended[sorted.length] = key;
            Arrays.sort(extended);
            var made = new Keys(extended);
            plusKey = key;
            plus = made;
            return made;
        }

        public static Keys of(String... keys) {
            var sorted = keys.clone();
            Arrays.sort(sorted);
            return new Keys(sorted);
        }

        int indexOf(String key) {
            return Arrays.binarySearch(sorted, key);
        }

        /** A map of these keys; set each value once with {@link FixedKeyMap#set}. */
        public FixedKeyMap map() {
            return new FixedKeyMap(this, new Object[sorted.length]);
        }
    }

    final Keys keys;
    final Object[] values;

    private FixedKeyMap(Keys keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    public FixedKeyMap set(String key, Object value) {
        int index = keys.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException("no key " + key + " in this shape");
        }
        values[index] = value;
        return this;
    }

    /** A copy with one more member (or one member replaced). */
    public FixedKeyMap with(String key, Object value) {
        if (containsKey(key)) {
            return new FixedKeyMap(keys, values.clone()).set(key, value);
        }
        var extended = keys.plus(key);
        var copy = new Object[extended.sorted.length];
        for (int from = 0, to = 0; to < copy.length; to++) {
            copy[to] = extended.sorted[to].equals(key) ? value : values[from++];
        }
        return new FixedKeyMap(extended, copy);
    }

    @Override
    public Object get(Object key) {
        int index = key instanceof String s ? keys.indexOf(s) : -1;
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String s && keys.indexOf(s) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int at;

                    @Override
                    public boolean hasNext() {
                        return at < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (at >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = at++;
                        return new SimpleImmutableEntry<>(keys.sorted[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
