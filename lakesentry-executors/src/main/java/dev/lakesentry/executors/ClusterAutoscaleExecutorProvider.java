package dev.lakesentry.executors;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link ClusterAutoscaleExecutor} (set a cluster's size), with the settings of {@link ExecutorSettings}.
 */
public final class ClusterAutoscaleExecutorProvider implements ActionExecutorProvider {
    @Override
    public String id() {
        return ClusterAutoscaleExecutor.ID;
    }

    @Override
    public ActionExecutor create(PluginConfig config) {
        return new ClusterAutoscaleExecutor(ExecutorSettings.from(config));
    }
}
