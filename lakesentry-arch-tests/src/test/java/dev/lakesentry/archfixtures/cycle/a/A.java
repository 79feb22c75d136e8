package dev.lakesentry.archfixtures.cycle.a;

import dev.lakesentry.archfixtures.cycle.b.B;

/** One half of a package cycle. */
public class A {
    public B b() {
        return new B();
    }
}
