package dev.lakesentry.core;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.ActionExecutor;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.core.plugin.PluginRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pipeline a host application embeds: a store, a clock and the plugins. Build one with
 * {@link #builder()}:
 *
 * <pre>{@code
 * try (LakeSentry lakeSentry = LakeSentry.builder()
 *         .store(store)
 *         .discoverPlugins()
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * The host owns the store: closing the pipeline does not close it.
 */
public final class LakeSentry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LakeSentry.class);

    private final Store store;
    private final Clock clock;
    private final PluginRegistry plugins;

    private LakeSentry(Store store, Clock clock, PluginRegistry plugins) {
        this.store = store;
        this.clock = clock;
        this.plugins = plugins;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The store the pipeline works on. */
    public Store store() {
        return store;
    }

    /** The clock stage runs are timed with (never used for the data's as-of time). */
    public Clock clock() {
        return clock;
    }

    /** The plugins in use. */
    public PluginRegistry plugins() {
        return plugins;
    }

    /** Stops the pipeline's own work; the store stays open (the host owns it). */
    @Override
    public void close() {
        LOG.debug("LakeSentry pipeline on {} closed", store.describe());
    }

    /**
     * Builds a {@link LakeSentry}. Plugins come from an explicit {@link PluginRegistry}, or from the
     * builder's own registration methods, never both.
     */
    public static final class Builder {
        private Store store;
        private Clock clock = Clock.systemUTC();
        private PluginRegistry registry;
        private final PluginRegistry.Builder pluginBuilder = PluginRegistry.builder();
        private boolean pluginBuilderUsed;

        private Builder() {
        }

        /** The store (required). */
        public Builder store(Store store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The clock (default: the system clock in UTC); tests inject a fixed one. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A ready-made plugin registry. */
        public Builder plugins(PluginRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Registers a detector; explicit registration wins over discovery. */
        public Builder detector(Detector detector) {
            return plugin(detector);
        }

        /** Registers an attribution rule. */
        public Builder attributionRule(AttributionRule rule) {
            return plugin(rule);
        }

        /** Registers an action executor. */
        public Builder executor(ActionExecutor executor) {
            return plugin(executor);
        }

        /** Discovers plugin providers on the class path of LakeSentry's class loader. */
        public Builder discoverPlugins() {
            pluginBuilder.discover();
            pluginBuilderUsed = true;
            return this;
        }

        /** Discovers plugin providers from this class loader (for example one over a plugin directory). */
        public Builder discoverPlugins(ClassLoader loader) {
            pluginBuilder.discover(loader);
            pluginBuilderUsed = true;
            return this;
        }

        /** Enables only these plugin ids. */
        public Builder enablePlugins(Collection<String> ids) {
            pluginBuilder.enableOnly(ids);
            pluginBuilderUsed = true;
            return this;
        }

        /** Settings for a discovered plugin. */
        public Builder pluginConfig(String id, Map<String, String> settings) {
            pluginBuilder.config(id, settings);
            pluginBuilderUsed = true;
            return this;
        }

        private Builder plugin(Object plugin) {
            pluginBuilder.register(Objects.requireNonNull(plugin, "plugin"));
            pluginBuilderUsed = true;
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @throws ConfigurationException naming what is missing or contradictory
         */
        public LakeSentry build() {
            if (store == null) {
                throw new ConfigurationException("LakeSentry needs a store: call LakeSentry.builder().store(...), "
                        + "for example with the JDBC store of lakesentry-jdbc-store");
            }
            if (registry != null && pluginBuilderUsed) {
                throw new ConfigurationException("LakeSentry was given a PluginRegistry and also plugins or discovery"
                        + " settings on the builder; use one or the other");
            }
            if (!ZoneOffset.UTC.equals(clock.getZone().normalized())) {
                LOG.debug("Clock zone {} is not UTC; LakeSentry uses it only for instants, which carry no zone", clock.getZone());
            }
            PluginRegistry plugins = registry != null ? registry : pluginBuilder.build();
            LOG.debug("LakeSentry pipeline on {} with plugins {}", store.describe(), plugins.ids());
            return new LakeSentry(store, clock, plugins);
        }
    }
}
