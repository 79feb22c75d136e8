package dev.lakesentry.core.plugin;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.AttributionRuleProvider;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginProvider;
import java.util.function.Function;

/**
 * The three extension points, each with its plugin and provider type and how to read a plugin's id.
 */
enum PluginKind {
    DETECTOR("Detector", Detector.class, DetectorProvider.class, p -> ((Detector) p).id()),
    ATTRIBUTION_RULE("Attribution rule", AttributionRule.class, AttributionRuleProvider.class,
            p -> ((AttributionRule) p).id()),
    ACTION_EXECUTOR("Action executor", ActionExecutor.class, ActionExecutorProvider.class,
            p -> ((ActionExecutor) p).id());

    final String label;
    final Class<?> pluginType;
    final Class<? extends PluginProvider<?>> providerType;
    private final Function<Object, String> idOf;

    @SuppressWarnings({"unchecked", "rawtypes"})
    PluginKind(String label, Class<?> pluginType, Class<? extends PluginProvider> providerType,
               Function<Object, String> idOf) {
        this.label = label;
        this.pluginType = pluginType;
        this.providerType = (Class<? extends PluginProvider<?>>) providerType;
        this.idOf = idOf;
    }

    String idOf(Object plugin) {
        return idOf.apply(plugin);
    }

    static PluginKind of(Object plugin) {
        for (PluginKind k : values()) {
            if (k.pluginType.isInstance(plugin)) {
                return k;
            }
        }
        throw new IllegalArgumentException(plugin.getClass().getName()
                + " is not a Detector, AttributionRule or ActionExecutor");
    }
}
