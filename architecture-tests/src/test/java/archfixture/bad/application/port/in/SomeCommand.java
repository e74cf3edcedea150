package archfixture.bad.application.port.in;

/** A driving-port type (used by the driven-port fixture). */
public record SomeCommand(String key) {
}
