package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link IdleClusterDetector} ({@value IdleClusterDetector#ID}): idle all-purpose clusters.
 *
 * @since 0.1.0
 */
public final class IdleClusterDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return IdleClusterDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new IdleClusterDetector(config);
    }
}
