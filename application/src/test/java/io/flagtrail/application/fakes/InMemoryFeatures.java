package io.flagtrail.application.fakes;

import io.flagtrail.application.port.model.FeatureListQuery;
import io.flagtrail.application.port.model.Page;
import io.flagtrail.application.port.out.Features;
import io.flagtrail.domain.error.Conflict;
import io.flagtrail.domain.feature.EnvironmentState;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureDefinition;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.feature.FeatureRecord;
import io.flagtrail.domain.feature.FeatureState;
import io.flagtrail.domain.feature.FeatureStatus;
import io.flagtrail.domain.project.ProjectKey;
import io.flagtrail.domain.project.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Features in a sorted map by project and key, with the same unique keys as the database. */
public final class InMemoryFeatures implements Features, Rollbackable {

    private final TreeMap<String, FeatureRecord> byKey = new TreeMap<>();
    /** Keys whose stored row cannot be read, as a row written by an older or broken version might be. */
    private final Set<String> broken = new HashSet<>();

    /** From now on the stored row of this key cannot be read for evaluation. */
    public synchronized void breakRow(String key) {
        broken.add(key);
    }

    private static String id(ProjectKey project, FeatureKey key) {
        return project.value() + "/" + key.value();
    }

    @Override
    public synchronized Optional<FeatureRecord> find(ProjectKey project, FeatureKey key) {
        return Optional.ofNullable(byKey.get(id(project, key)));
    }

    /** The fake's transactions run one at a time, so finding is locking. */
    @Override
    public synchronized Optional<FeatureRecord> lock(ProjectKey project, FeatureKey key) {
        return find(project, key);
    }

    @Override
    public synchronized List<FeatureRecord> lockAll(UUID projectId) {
        return byKey.values().stream().filter(r -> r.definition().projectId().equals(projectId)).toList();
    }

    @Override
    public synchronized void addAll(List<FeatureRecord> features) {
        for (var feature : features) {
            var definition = feature.definition();
            if (byKey.containsKey(id(definition.project(), definition.key()))) {
                throw Conflict.featureKeyTaken(definition.key().value());
            }
        }
        features.forEach(f -> byKey.put(id(f.definition().project(), f.definition().key()), f));
    }

    @Override
    public synchronized Set<FeatureKey> existing(UUID projectId, Collection<FeatureKey> keys) {
        var used = lockAll(projectId).stream().map(r -> r.definition().key()).collect(Collectors.toSet());
        return keys.stream().filter(used::contains).collect(Collectors.toSet());
    }

    @Override
    public synchronized void updateDefinition(FeatureDefinition definition) {
        var id = id(definition.project(), definition.key());
        var stored = byKey.get(id);
        if (stored == null) {
            throw new IllegalStateException("feature " + definition.key() + " is not stored: it cannot be updated");
        }
        byKey.put(id, new FeatureRecord(definition, stored.states()));
    }

    @Override
    public synchronized void updateStates(List<EnvironmentState> states) {
        for (var state : states) {
            var entry = byKey.entrySet().stream()
                    .filter(e -> e.getValue().states().stream().anyMatch(s -> s.id().equals(state.id()))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a feature state is not stored: it cannot be updated"));
            var replaced = entry.getValue().states().stream().map(s -> s.id().equals(state.id()) ? state : s).toList();
            entry.setValue(new FeatureRecord(entry.getValue().definition(), replaced));
        }
    }

    @Override
    public synchronized void addStates(Map<UUID, EnvironmentState> byFeature) {
        byKey.replaceAll((id, record) -> {
            var added = byFeature.get(record.definition().id());
            if (added == null) {
                return record;
            }
            var states = new ArrayList<>(record.states());
            states.add(added);
            return new FeatureRecord(record.definition(), states);
        });
    }

    @Override
    public synchronized void removeStates(UUID environmentId) {
        byKey.replaceAll((id, record) -> new FeatureRecord(record.definition(),
                record.states().stream().filter(s -> !s.environmentId().equals(environmentId)).toList()));
    }

    @Override
    public synchronized Page<FeatureState> list(Scope scope, FeatureListQuery query) {
        var matching = views(scope)
                .filter(f -> query.cursor() == null || f.key().value().compareTo(query.cursor()) > 0)
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

    @Override
    public synchronized void forEachActive(Scope scope, Consumer<FeatureState> readable,
                                           BiConsumer<String, RuntimeException> unreadable) {
        views(scope).filter(f -> f.status() == FeatureStatus.ACTIVE).forEach(f -> {
            if (broken.contains(f.key().value())) {
                unreadable.accept(f.key().value(), new IllegalArgumentException("malformed JSON at offset 12: bad number"));
            } else {
                readable.accept(f);
            }
        });
    }

    @Override
    public synchronized Map<Scope, String> fingerprints() {
        var scopes = new java.util.LinkedHashSet<Scope>();
        byKey.values().forEach(r -> r.states().forEach(s -> scopes.add(new Scope(r.definition().project(), s.environment()))));
        var fingerprints = new java.util.LinkedHashMap<Scope, String>();
        for (var scope : scopes) {
            var views = views(scope).toList();
            fingerprints.put(scope, views.size() + "-" + views.stream().mapToLong(FeatureState::version).sum());
        }
        return fingerprints;
    }

    /** The scope's project's features as its environment shows them, in key order. */
    private java.util.stream.Stream<FeatureState> views(Scope scope) {
        return byKey.values().stream()
                .filter(r -> r.definition().project().equals(scope.project()))
                .map(Feature::reconstitute)
                .filter(f -> f.isIn(scope.environment()))
                .map(f -> f.in(scope.environment()));
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
        byKey.putAll((Map<String, FeatureRecord>) snapshot);
    }
}
