package dev.lakesentry.executors;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link TerminateClusterExecutor} (terminate a cluster), with the settings of {@link ExecutorSettings}.
 */
public final class TerminateClusterExecutorProvider implements ActionExecutorProvider {
    @Override
    public String id() {
        return TerminateClusterExecutor.ID;
    }

    @Override
    public ActionExecutor create(PluginConfig config) {
        return new TerminateClusterExecutor(ExecutorSettings.from(config));
    }
}
