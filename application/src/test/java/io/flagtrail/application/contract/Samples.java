package io.flagtrail.application.contract;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.Origin;
import io.flagtrail.application.port.out.IdGenerator;
import io.flagtrail.domain.actor.Actor;
import io.flagtrail.domain.actor.ActorType;
import io.flagtrail.domain.audit.Channel;
import io.flagtrail.domain.audit.RequestContext;
import io.flagtrail.domain.feature.FeatureAttributes;
import io.flagtrail.domain.feature.FeatureKey;
import io.flagtrail.domain.change.Reason;
import io.flagtrail.domain.ledger.Checkpoint;
import io.flagtrail.domain.ledger.Cosignature;
import io.flagtrail.domain.ledger.CosignedCheckpoint;
import java.util.List;
import java.util.UUID;

/** The actor, keys and commands that storage tests share. */
public final class Samples {

    public static final Origin ORIGIN = new Origin(new Actor(ActorType.USER, "u-1", "Alice", "alice@example.com"),
            new RequestContext("req-42", null, Channel.HTTP, "127.0.0.1", "junit"));

    private Samples() {
    }

    /** A checkpoint of {@code size} as a witness would hold it; the hashes and signatures are only shaped right. */
    public static CosignedCheckpoint cosigned(String origin, long size) {
        var issued = java.time.Instant.parse("2026-12-03T10:00:00.123456Z").plusSeconds(size);
        var checkpoint = new Checkpoint(size, "a".repeat(64), "b".repeat(64), "c".repeat(64), issued, "ed25519-log",
                "c2lnbmF0dXJl");
        return new CosignedCheckpoint(checkpoint, new Cosignature(origin, checkpoint.statementHash(), issued,
                "ed25519-witness", "Y29zaWduYXR1cmU="));
    }

    /** The feature as {@code scope}'s environment shows it. */
    public static java.util.Optional<io.flagtrail.domain.feature.FeatureState> stored(
            io.flagtrail.application.port.out.Features features, io.flagtrail.domain.project.Scope scope, FeatureKey key) {
        return features.find(scope.project(), key).map(record ->
                io.flagtrail.domain.feature.Feature.reconstitute(record).in(scope.environment()));
    }

    /** The feature as {@link #SOLO} shows it, where {@link #command} creates it. */
    public static java.util.Optional<io.flagtrail.domain.feature.FeatureState> stored(
            io.flagtrail.application.port.out.Features features, FeatureKey key) {
        return stored(features, SOLO, key);
    }

    /**
     * A project with one environment, for tests that count ledger entries: a feature created there makes one entry
     * (in the default project it makes one per environment).
     */
    public static final io.flagtrail.domain.project.Scope SOLO = new io.flagtrail.domain.project.Scope(
            new io.flagtrail.domain.project.ProjectKey("solo"), io.flagtrail.domain.project.EnvironmentKey.PRODUCTION);

    /** Adds {@link #SOLO}'s project and environment to {@code projects} unless they are there. */
    public static void addSolo(io.flagtrail.application.port.out.Projects projects) {
        if (projects.find(SOLO.project()).isPresent()) {
            return;
        }
        var stamp = new io.flagtrail.domain.change.ChangeStamp(ORIGIN.actor(), java.time.Instant.parse("2026-01-01T00:00:00Z"), null);
        var project = io.flagtrail.domain.project.Project.create(UUID.randomUUID(), SOLO.project(), "Solo", "", null, stamp);
        projects.add(project);
        projects.add(io.flagtrail.domain.project.Environment.create(UUID.randomUUID(), project.id(), SOLO.environment(),
                "Production", io.flagtrail.domain.project.EnvironmentType.PRODUCTION, 0, null, stamp));
    }

    public static FeatureKey uniqueKey() {
        return new FeatureKey("f" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** A feature created in {@link #SOLO}: one ledger entry. */
    public static CreateFeatureCommand command(FeatureKey key, String reason) {
        return new CreateFeatureCommand(SOLO, key, new FeatureAttributes("Name", "", 100, List.of(), null), false,
                Reason.ofNullable(reason), ORIGIN);
    }

    /** Ids that stay unique across test methods sharing one schema (sequential ones would collide). */
    public static final class RandomIds implements IdGenerator {
        @Override
        public UUID newId() {
            return UUID.randomUUID();
        }
    }
}
