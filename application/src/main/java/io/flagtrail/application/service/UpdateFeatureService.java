package io.flagtrail.application.service;

import io.flagtrail.application.port.in.UpdateFeatureCommand;
import io.flagtrail.application.port.in.UpdateFeatureUseCase;
import io.flagtrail.domain.feature.FeatureState;

/** Applies partial updates through the recorder. */
public final class UpdateFeatureService implements UpdateFeatureUseCase {

    private final FeatureChangeRecorder recorder;

    public UpdateFeatureService(FeatureChangeRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public FeatureState update(UpdateFeatureCommand command) {
        return recorder.change(command.key(), command.expectedVersion(), command.origin(), command.reason(),
                (feature, stamp) -> feature.update(command.patch(), stamp));
    }
}
