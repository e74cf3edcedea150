package io.flagtrail.application.service;

import io.flagtrail.application.port.in.CreateFeatureCommand;
import io.flagtrail.application.port.in.CreateFeatureUseCase;
import io.flagtrail.domain.feature.Feature;
import io.flagtrail.domain.feature.FeatureState;

/** Creates features through the recorder, so creation is audited like every other change. */
public final class CreateFeatureService implements CreateFeatureUseCase {

    private final FeatureChangeRecorder recorder;

    public CreateFeatureService(FeatureChangeRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public FeatureState create(CreateFeatureCommand command) {
        return recorder.create(command.origin(), command.reason(),
                (id, stamp) -> Feature.create(id, command.key(), command.attributes(), command.enabled(), stamp));
    }
}
