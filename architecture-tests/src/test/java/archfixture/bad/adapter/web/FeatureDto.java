package archfixture.bad.adapter.web;

/** An HTTP DTO that leaks (used by the application fixture). */
public class FeatureDto {
}
