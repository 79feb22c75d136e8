package dev.lakesentry.executors;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link ClusterAutoTerminationExecutor} (set a cluster's auto-termination), with the settings of {@link ExecutorSettings}.
 */
public final class ClusterAutoTerminationExecutorProvider implements ActionExecutorProvider {
    @Override
    public String id() {
        return ClusterAutoTerminationExecutor.ID;
    }

    @Override
    public ActionExecutor create(PluginConfig config) {
        return new ClusterAutoTerminationExecutor(ExecutorSettings.from(config));
    }
}
