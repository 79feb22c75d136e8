package dev.lakesentry.archfixtures.cycle.b;

import dev.lakesentry.archfixtures.cycle.a.A;

/** The other half of a package cycle. */
public class B {
    public A a() {
        return new A();
    }
}
