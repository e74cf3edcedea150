package archfixture.bad.cycle.b;

/** The other half of a package cycle. */
public class B {
    archfixture.bad.cycle.a.A a;
}
