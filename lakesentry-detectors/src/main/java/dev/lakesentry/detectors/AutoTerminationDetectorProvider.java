package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link AutoTerminationDetector} ({@value AutoTerminationDetector#ID}): clusters with auto-termination disabled or too long.
 *
 * @since 0.1.0
 */
public final class AutoTerminationDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return AutoTerminationDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new AutoTerminationDetector(config);
    }
}
