package com.example.plugins;

import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.core.plugin.TestPlugins;

/** A third-party provider with its own id prefix. */
public class AcmeDetectorProvider implements DetectorProvider {
    @Override
    public String id() {
        return "acme.untagged";
    }

    @Override
    public Detector create(PluginConfig config) {
        return new TestPlugins.SilentDetector(id(), config);
    }
}
