package archfixture.bad.adapter.web;

import archfixture.bad.adapter.persistence.FeatureRow;

/** Breaks "adapters never depend on each other" and "rows never leave persistence". */
public class WebUsesRow {
    public FeatureRow row() {
        return new FeatureRow();
    }
}
