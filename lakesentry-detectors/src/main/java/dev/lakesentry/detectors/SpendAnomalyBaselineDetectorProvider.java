package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link SpendAnomalyBaselineDetector} ({@value SpendAnomalyBaselineDetector#ID}): spend anomalies by the published LakeSentry method.
 *
 * @since 0.1.0
 */
public final class SpendAnomalyBaselineDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return SpendAnomalyBaselineDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new SpendAnomalyBaselineDetector(config);
    }
}
