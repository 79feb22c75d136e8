package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link WeekendSpendDetector} ({@value WeekendSpendDetector#ID}): weekend spend in non-production workspaces.
 *
 * @since 0.1.0
 */
public final class WeekendSpendDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return WeekendSpendDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new WeekendSpendDetector(config);
    }
}
