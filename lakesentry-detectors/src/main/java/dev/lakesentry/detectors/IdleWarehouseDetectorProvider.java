package dev.lakesentry.detectors;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link IdleWarehouseDetector} ({@value IdleWarehouseDetector#ID}): SQL warehouses running without queries.
 *
 * @since 0.1.0
 */
public final class IdleWarehouseDetectorProvider implements DetectorProvider {

    @Override
    public String id() {
        return IdleWarehouseDetector.ID;
    }

    @Override
    public Detector create(PluginConfig config) {
        return new IdleWarehouseDetector(config);
    }
}
