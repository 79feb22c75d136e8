package dev.lakesentry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.core.plugin.PluginRegistry;
import dev.lakesentry.core.plugin.TestPlugins;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LakeSentryTest {

    /**
     * A store that describes itself and hands out readers and writers that refuse every call: building
     * the pipeline may wire them but must not read or write anything.
     */
    private static Store describingStore() {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("describe")) {
                        return "test store";
                    }
                    if (method.getReturnType().isInterface() && (args == null || args.length == 0)) {
                        return refusing(method.getReturnType());
                    }
                    throw new AssertionError("the builder must not call Store." + method.getName());
                });
    }

    private static Object refusing(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("toString")) {
                return "refusing " + type.getSimpleName();
            }
            throw new AssertionError("building the pipeline must not call " + type.getSimpleName() + "." + method.getName());
        });
    }

    @Test
    void needsAStore() {
        assertThatThrownBy(() -> LakeSentry.builder().build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("needs a store");
    }

    @Test
    void buildsWithClockAndExplicitPlugins() {
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T00:00:00Z"), ZoneOffset.UTC);
        try (LakeSentry ls = LakeSentry.builder().store(describingStore()).clock(clock)
                .detector(new TestPlugins.SilentDetector("lakesentry.a", null))
                .attributionRule(new TestPlugins.OrderedRule("lakesentry.r", 1))
                .executor(new TestPlugins.NoopExecutor("lakesentry.x"))
                .build()) {
            assertThat(ls.clock()).isSameAs(clock);
            assertThat(ls.plugins().ids()).containsExactly("lakesentry.a", "lakesentry.r", "lakesentry.x");
        }
    }

    @Test
    void refusesARegistryTogetherWithBuilderPlugins() {
        assertThatThrownBy(() -> LakeSentry.builder().store(describingStore())
                .plugins(PluginRegistry.empty())
                .detector(new TestPlugins.SilentDetector("lakesentry.a", null))
                .build())
                .hasMessageContaining("one or the other");
    }

    @Test
    void pluginErrorsSurfaceAtBuildTime() {
        assertThatThrownBy(() -> LakeSentry.builder().store(describingStore())
                .detector(new TestPlugins.SilentDetector("lakesentry.a", null))
                .detector(new TestPlugins.SilentDetector("lakesentry.a", null))
                .build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("registered twice");
    }
}
