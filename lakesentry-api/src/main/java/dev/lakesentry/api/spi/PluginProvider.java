package dev.lakesentry.api.spi;

/**
 * A named factory for a plugin: what {@link java.util.ServiceLoader} finds. The provider is cheap to
 * instantiate; {@link #create} builds the immutable plugin with its settings.
 *
 * @param <P> the plugin type
 * @since 0.1.0
 */
public interface PluginProvider<P> {

    /**
     * The id of the plugin this provider creates: lower case, digits, {@code .}, {@code -} and
     * {@code _}; built-in ids start with {@code lakesentry.}, which third parties may not use.
     */
    String id();

    /** Creates the plugin with its settings. */
    P create(PluginConfig config);
}
