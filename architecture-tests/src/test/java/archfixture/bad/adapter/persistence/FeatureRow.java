package archfixture.bad.adapter.persistence;

/** A persistence row (used outside persistence by the web fixture). */
@io.micronaut.data.annotation.MappedEntity("features")
public class FeatureRow {
}
