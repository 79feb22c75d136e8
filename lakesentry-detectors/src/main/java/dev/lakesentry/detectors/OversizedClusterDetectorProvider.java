package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link OversizedClusterDetector} ({@value OversizedClusterDetector#ID}): oversized clusters.
 *
 * @since 0.1.0
 */
public final class OversizedClusterDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return OversizedClusterDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new OversizedClusterDetector(config);
    }
}
