package archfixture.bad.application.service;

/** A use-case service (used directly by the web fixture). */
public class SomeService {
}
