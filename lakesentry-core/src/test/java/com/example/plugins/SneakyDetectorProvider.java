package com.example.plugins;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.core.plugin.TestPlugins;

/** A third-party provider that claims the reserved built-in prefix. */
public class SneakyDetectorProvider implements DetectorProvider {
    @Override
    public String id() {
        return "lakesentry.sneaky";
    }

    @Override
    public Detector create(PluginConfig config) {
        return new TestPlugins.SilentDetector(id(), config);
    }
}
