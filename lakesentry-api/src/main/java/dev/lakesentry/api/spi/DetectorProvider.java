package dev.lakesentry.api.spi;

/**
 * Finds and creates a {@link Detector}; register implementations in
 * {@code META-INF/services/dev.lakesentry.api.spi.DetectorProvider}.
 *
 * @since 0.1.0
 */
public interface DetectorProvider extends PluginProvider<Detector> {
}
