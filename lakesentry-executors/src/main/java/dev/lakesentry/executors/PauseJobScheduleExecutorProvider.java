package dev.lakesentry.executors;

import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.PluginConfig;

/**
 * Creates the {@link PauseJobScheduleExecutor} (pause a job's schedule), with the settings of {@link ExecutorSettings}.
 */
public final class PauseJobScheduleExecutorProvider implements ActionExecutorProvider {
    @Override
    public String id() {
        return PauseJobScheduleExecutor.ID;
    }

    @Override
    public ActionExecutor create(PluginConfig config) {
        return new PauseJobScheduleExecutor(ExecutorSettings.from(config));
    }
}
