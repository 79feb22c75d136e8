package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link JobDurationRegressionDetector} ({@value JobDurationRegressionDetector#ID}): job duration regressions.
 *
 * @since 0.1.0
 */
public final class JobDurationRegressionDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return JobDurationRegressionDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new JobDurationRegressionDetector(config);
    }
}
