/**
 * The extension points: {@link dev.lakesentry.api.spi.Detector}, {@link dev.lakesentry.api.spi.AttributionRule}
 * and {@link dev.lakesentry.api.spi.ActionExecutor}, each found through its provider by
 * {@link java.util.ServiceLoader}, the read-only contexts they receive, and {@link dev.lakesentry.api.spi.PluginConfig}.
 * Plugins return values; only the stage that called them writes.
 *
 * @since 0.1.0
 */
package dev.lakesentry.api.spi;
