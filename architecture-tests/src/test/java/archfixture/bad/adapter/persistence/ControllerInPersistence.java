package archfixture.bad.adapter.persistence;

/** Breaks "controllers live only in adapter.web". */
@io.micronaut.http.annotation.Controller("/nope")
public class ControllerInPersistence {
}
