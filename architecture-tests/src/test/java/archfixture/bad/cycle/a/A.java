package archfixture.bad.cycle.a;

/** One half of a package cycle. */
public class A {
    archfixture.bad.cycle.b.B b;
}
