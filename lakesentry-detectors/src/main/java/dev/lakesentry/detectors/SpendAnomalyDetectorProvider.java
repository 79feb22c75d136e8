package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link SpendAnomalyDetector} ({@value SpendAnomalyDetector#ID}): LakeSentry's default robust, seasonal spend anomalies.
 *
 * @since 0.1.0
 */
public final class SpendAnomalyDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return SpendAnomalyDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new SpendAnomalyDetector(config);
    }
}
