package dev.lakesentry.api.spi;

/**
 * Finds and creates an {@link ActionExecutor}; register implementations in
 * {@code META-INF/services/dev.lakesentry.api.spi.ActionExecutorProvider}.
 *
 * @since 0.1.0
 */
public interface ActionExecutorProvider extends PluginProvider<ActionExecutor> {
}
