package dev.lakesentry.archfixtures.api;

import dev.lakesentry.archfixtures.core.CoreThing;

/** Breaks "the API depends on nothing of ours": an API type that reaches into core. */
public class LeakyApiType {
    public CoreThing leak() {
        return new CoreThing();
    }
}
