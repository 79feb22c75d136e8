package dev.lakesentry.executors;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link WarehouseAutoStopExecutor} (set a SQL warehouse's auto-stop), with the settings of {@link ExecutorSettings}.
 */
public final class WarehouseAutoStopExecutorProvider implements ActionExecutorProvider {
    @Override
    public String id() {
        return WarehouseAutoStopExecutor.ID;
    }

    @Override
    public ActionExecutor create(PluginConfig config) {
        return new WarehouseAutoStopExecutor(ExecutorSettings.from(config));
    }
}
