package io.flagtrail.application.port.in;

import java.util.List;

/**
 * Creates many features in one transaction: all of them, or none when any key is taken or repeated in the batch.
 * Every created feature is audited and publishes its event as a single creation would.
 */
public interface ImportFeaturesUseCase {

    enum Outcome { CREATED, KEY_TAKEN, DUPLICATE_IN_BATCH, NOT_IMPORTED }

    /** What became of the item at {@code index} (0-based) of the batch. */
    record ItemResult(int index, String key, Outcome outcome, String message) {
    }

    record ImportResult(boolean imported, List<ItemResult> items) {
    }

    ImportResult importAll(List<CreateFeatureCommand> commands);
}
