package dev.lakesentry.archfixtures.detectors;

import dev.lakesentry.archfixtures.core.CoreThing;

/** Breaks "plugins depend only on the API": a detector that reaches into core. */
public class ReachingDetector {
    public CoreThing reach() {
        return new CoreThing();
    }
}
