package dev.lakesentry.archfixtures.detectors;

import dev.lakesentry.archfixtures.api.CleanApiType;

/** Follows the plugin rule. */
public class CleanDetector {
    public CleanApiType value() {
        return new CleanApiType(java.util.List.of());
    }
}
