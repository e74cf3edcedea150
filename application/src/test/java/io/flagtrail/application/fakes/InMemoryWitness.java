package io.flagtrail.application.fakes;

import io.flagtrail.application.port.out.CheckpointWitness;
import io.flagtrail.domain.ledger.Checkpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A witness in a list, with the same growth rule as the file witness; can be taken down and brought back. */
public final class InMemoryWitness implements CheckpointWitness {

    private final List<Checkpoint> held = new ArrayList<>();
    private boolean down;

    /** A witness that already holds these checkpoints, oldest first (a test's starting point). */
    public static InMemoryWitness holding(List<Checkpoint> checkpoints) {
        var witness = new InMemoryWitness();
        witness.held.addAll(checkpoints);
        return witness;
    }

    public synchronized void down(boolean down) {
        this.down = down;
    }

    public synchronized List<Checkpoint> held() {
        return List.copyOf(held);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized Optional<Checkpoint> latest() {
        failIfDown();
        return held.isEmpty() ? Optional.empty() : Optional.of(held.getLast());
    }

    @Override
    public synchronized void publish(Checkpoint checkpoint, Consistency consistency) {
        failIfDown();
        if (!CheckpointWitness.holdsAlready(latest(), checkpoint)) {
            held.add(checkpoint);
        }
    }

    private void failIfDown() {
        if (down) {
            throw new Unreachable("the witness is down", null);
        }
    }
}
