package com.example.lakesentry.untagged;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link UntaggedSpendDetector}; found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.lakesentry.api.spi.DetectorProvider}.
 */
public final class UntaggedSpendDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return UntaggedSpendDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new UntaggedSpendDetector(config);
    }
}
