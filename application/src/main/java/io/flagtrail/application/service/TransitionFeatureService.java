package io.flagtrail.application.service;

import io.flagtrail.application.port.in.TransitionFeatureCommand;
import io.flagtrail.application.port.in.TransitionFeatureUseCase;
import io.flagtrail.domain.feature.FeatureState;

/** Enables, disables, deletes and restores features through the recorder. */
public final class TransitionFeatureService implements TransitionFeatureUseCase {

    private final FeatureChangeRecorder recorder;

    public TransitionFeatureService(FeatureChangeRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public FeatureState transition(TransitionFeatureCommand command) {
        return recorder.change(command.key(), command.expectedVersion(), command.origin(), command.reason(),
                (feature, stamp) -> {
                    switch (command.transition()) {
                        case ENABLE -> feature.enable(stamp);
                        case DISABLE -> feature.disable(stamp);
                        case DELETE -> feature.delete(stamp);
                        case RESTORE -> feature.restore(stamp);
                    }
                });
    }
}
