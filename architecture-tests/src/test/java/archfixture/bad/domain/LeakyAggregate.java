package archfixture.bad.domain;

/** Breaks "the domain depends on java.. only": it carries a framework annotation. */
@jakarta.inject.Singleton
public class LeakyAggregate {
}
