package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link ZombieEndpointDetector} ({@value ZombieEndpointDetector#ID}): serving endpoints billed without requests.
 *
 * @since 0.1.0
 */
public final class ZombieEndpointDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return ZombieEndpointDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new ZombieEndpointDetector(config);
    }
}
