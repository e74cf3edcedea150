package archfixture.bad.application;

import archfixture.bad.adapter.web.FeatureDto;

/** Breaks "the application depends on the domain only": it uses an HTTP DTO. */
public class LeakyService {
    public FeatureDto answer() {
        return new FeatureDto();
    }
}
