package io.flagtrail.application.fakes;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureState;
import java.util.Locale;
import java.util.Map;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;

/** Features in a sorted map, with the same version check as the database. */
public final class InMemoryFeatures implements Features, Rollbackable {

    private final TreeMap<String, FeatureState> byKey = new TreeMap<>();
    /** Keys whose stored row cannot be read, as a row written by an older or broken version might be. */
    private final Set<String> broken = new java.util.HashSet<>();

    /** From now on the stored row of this key cannot be read for evaluation. */
    public synchronized void breakRow(String key) {
        broken.add(key);
    }

    @Override
    public synchronized void forEachActive(java.util.function.Consumer<FeatureState> readable,
                                           java.util.function.BiConsumer<String, RuntimeException> unreadable) {
        byKey.values().stream().filter(f -> f.status() == io.flagtrail.domain.feature.FeatureStatus.ACTIVE).forEach(f -> {
            if (broken.contains(f.key().value())) {
                unreadable.accept(f.key().value(), new IllegalArgumentException("malformed JSON at offset 12: bad number"));
            } else {
                readable.accept(f);
            }
        });
    }

    @Override
    public synchronized Optional<FeatureState> find(FeatureKey key) {
        return Optional.ofNullable(byKey.get(key.value()));
    }

    /** The fake's transactions run one at a time, so finding is locking. */
    @Override
    public synchronized Optional<FeatureState> lock(FeatureKey key) {
        return find(key);
    }

    @Override
    public synchronized void add(FeatureState feature) {
        if (byKey.putIfAbsent(feature.key().value(), feature) != null) {
            throw Conflict.featureKeyTaken(feature.key().value());
        }
    }

    @Override
    public synchronized String fingerprint() {
        return byKey.size() + "-" + byKey.values().stream().mapToLong(FeatureState::version).sum();
    }

    @Override
    public synchronized void addAll(List<FeatureState> features) {
        features.forEach(this::add);
    }

    @Override
    public synchronized Set<FeatureKey> existing(Collection<FeatureKey> keys) {
        return keys.stream().filter(k -> byKey.containsKey(k.value())).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public synchronized void update(FeatureState feature) {
        if (byKey.replace(feature.key().value(), feature) == null) {
            throw new IllegalStateException("feature " + feature.key() + " is not stored: it cannot be updated");
        }
    }

    @Override
    public synchronized Page<FeatureState> list(FeatureListQuery query) {
        var matching = byKey.tailMap(query.cursor() == null ? "" : query.cursor(), query.cursor() == null)
                .values().stream()
                .filter(f -> f.status() == query.status())
                .filter(f -> query.tag() == null || f.attributes().tags().contains(query.tag()))
                .filter(f -> query.text() == null || text(f).contains(query.text().toLowerCase(Locale.ROOT)))
                .limit(query.limit() + 1L).toList();
        if (matching.size() <= query.limit()) {
            return new Page<>(matching, null);
        }
        var items = matching.subList(0, query.limit());
        return new Page<>(items, items.getLast().key().value());
    }

    private static String text(FeatureState f) {
        return (f.key().value() + " " + f.attributes().name() + " " + f.attributes().description()).toLowerCase(Locale.ROOT);
    }

    @Override
    public synchronized Object snapshot() {
        return Map.copyOf(byKey);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        byKey.clear();
        byKey.putAll((Map<String, FeatureState>) snapshot);
    }
}
