package dev.lakesentry.api.spi;

/**
 * Finds and creates an {@link AttributionRule}; register implementations in
 * {@code META-INF/services/dev.lakesentry.api.spi.AttributionRuleProvider}.
 *
 * @since 0.1.0
 */
public interface AttributionRuleProvider extends PluginProvider<AttributionRule> {
}
