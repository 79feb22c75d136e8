package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link JobFailureRateDetector} ({@value JobFailureRateDetector#ID}): job failure-rate jumps.
 *
 * @since 0.1.0
 */
public final class JobFailureRateDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return JobFailureRateDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new JobFailureRateDetector(config);
    }
}
