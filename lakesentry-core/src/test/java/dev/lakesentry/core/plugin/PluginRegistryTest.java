package dev.lakesentry.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.plugins.AcmeDetectorProvider;
import com.example.plugins.SneakyDetectorProvider;
import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.ActionExecutorProvider;
import dev.lakesentry.api.spi.AttributionRule;
import dev.lakesentry.api.spi.AttributionRuleProvider;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path dir;

    /** A class loader that sees the test classes, plus its own META-INF/services entries and nothing else new. */
    private ClassLoader isolatedLoader(Map<Class<?>, List<String>> services) throws IOException {
        Path servicesDir = Files.createDirectories(dir.resolve("META-INF/services"));
        for (Map.Entry<Class<?>, List<String>> e : services.entrySet()) {
            Files.writeString(servicesDir.resolve(e.getKey().getName()),
                    "# plugins for the test\n" + String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
        }
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    }

    private static List<String> names(Class<?>... classes) {
        return Arrays.stream(classes).map(Class::getName).collect(Collectors.toList());
    }

    @Test
    void discoversOnlyFromTheGivenClassLoader() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(
                DetectorProvider.class, names(TestPlugins.AlphaProvider.class, TestPlugins.BetaProvider.class,
                        AcmeDetectorProvider.class),
                AttributionRuleProvider.class, names(TestPlugins.RuleAProvider.class),
                ActionExecutorProvider.class, names(TestPlugins.ExecutorProvider.class)));

        PluginRegistry registry = PluginRegistry.builder().discover(loader).build();

        assertThat(registry.detectors()).extracting(Detector::id)
                .containsExactly("acme.untagged", "lakesentry.alpha", "lakesentry.beta");
        assertThat(registry.attributionRules()).extracting(AttributionRule::id).containsExactly("lakesentry.rule-a");
        assertThat(registry.executors()).extracting(e -> e.id()).containsExactly("lakesentry.noop-exec");
        assertThat(PluginRegistry.builder().discover().build().ids())
                .as("the test class path itself registers none of these providers").isEmpty();
        assertThat(PluginRegistry.builder().build().ids()).as("no discovery unless asked").isEmpty();
    }

    @Test
    void duplicateIdsFailNamingBothClasses() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(DetectorProvider.class,
                names(TestPlugins.AlphaProvider.class, TestPlugins.AlphaImpostorProvider.class)));

        assertThatThrownBy(() -> PluginRegistry.builder().discover(loader).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'lakesentry.alpha' is registered twice")
                .hasMessageContaining(TestPlugins.AlphaProvider.class.getName())
                .hasMessageContaining(TestPlugins.AlphaImpostorProvider.class.getName());
    }

    @Test
    void duplicateExplicitRegistrationsFailToo() {
        assertThatThrownBy(() -> PluginRegistry.builder()
                .register(new TestPlugins.OrderedRule("lakesentry.rule-a", 1))
                .register(new TestPlugins.SilentDetector("lakesentry.rule-a", null))
                .build())
                .hasMessageContaining("registered twice")
                .hasMessageContaining("OrderedRule").hasMessageContaining("SilentDetector");
    }

    @Test
    void explicitRegistrationWinsOverDiscovery() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(DetectorProvider.class,
                names(TestPlugins.AlphaProvider.class, TestPlugins.BetaProvider.class)));
        TestPlugins.SilentDetector mine = new TestPlugins.SilentDetector("lakesentry.alpha", null);

        PluginRegistry registry = PluginRegistry.builder().register(mine).discover(loader).build();

        assertThat(registry.detector("lakesentry.alpha")).containsSame(mine);
        assertThat(registry.detectors()).hasSize(2);
    }

    @Test
    void allowListEnablesOnlyNamedIdsAndRefusesUnknownOnes() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(DetectorProvider.class,
                names(TestPlugins.AlphaProvider.class, TestPlugins.BetaProvider.class, TestPlugins.FailingProvider.class)));

        PluginRegistry registry = PluginRegistry.builder().discover(loader).enableOnly(List.of("lakesentry.beta")).build();
        assertThat(registry.ids()).containsExactly("lakesentry.beta");

        assertThatThrownBy(() -> PluginRegistry.builder().discover(loader).enableOnly(List.of("lakesentry.gamma")).build())
                .hasMessageContaining("'lakesentry.gamma'").hasMessageContaining("lakesentry.alpha");
        assertThatThrownBy(() -> PluginRegistry.builder()
                .register(new TestPlugins.SilentDetector("lakesentry.mine", null))
                .enableOnly(List.of()).build())
                .hasMessageContaining("'lakesentry.mine'").hasMessageContaining("not in the enabled ids");
    }

    @Test
    void settingsReachTheProviderAndUnknownTargetsAreRefused() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(DetectorProvider.class, names(TestPlugins.AlphaProvider.class)));

        PluginRegistry registry = PluginRegistry.builder().discover(loader)
                .config("lakesentry.alpha", Map.of("threshold", "7")).build();
        assertThat(registry.detectors().get(0).parameters()).containsEntry("threshold", "7");

        assertThatThrownBy(() -> PluginRegistry.builder().discover(loader)
                .config("lakesentry.alhpa", Map.of("threshold", "7")).build())
                .hasMessageContaining("'lakesentry.alhpa'").hasMessageContaining("no plugin has that id");
        assertThatThrownBy(() -> PluginRegistry.builder()
                .register(new TestPlugins.SilentDetector("lakesentry.mine", null))
                .config("lakesentry.mine", Map.of("a", "b")).build())
                .hasMessageContaining("built instance");
    }

    @Test
    void theBuiltInPrefixIsReservedAndIdsAreChecked() throws IOException {
        ClassLoader sneaky = isolatedLoader(Map.of(DetectorProvider.class, names(SneakyDetectorProvider.class)));
        assertThatThrownBy(() -> PluginRegistry.builder().discover(sneaky).build())
                .hasMessageContaining("'lakesentry.sneaky'").hasMessageContaining("reserved")
                .hasMessageContaining(SneakyDetectorProvider.class.getName());

        assertThatThrownBy(() -> PluginRegistry.builder().registerProvider(new TestPlugins.BadIdProvider()).build())
                .hasMessageContaining("'Not An Id'").hasMessageContaining("lower case");
    }

    @Test
    void providerFailuresNameTheProvider() {
        assertThatThrownBy(() -> PluginRegistry.builder().registerProvider(new TestPlugins.FailingProvider()).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(TestPlugins.FailingProvider.class.getName())
                .hasMessageContaining("cannot reach the model")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PluginRegistry.builder().registerProvider(new TestPlugins.MismatchProvider()).build())
                .hasMessageContaining("'lakesentry.mismatch'").hasMessageContaining("'lakesentry.other'");
    }

    @Test
    void brokenServiceEntriesFailClearly() throws IOException {
        ClassLoader missing = isolatedLoader(Map.of(DetectorProvider.class, List.of("com.example.DoesNotExist")));
        assertThatThrownBy(() -> PluginRegistry.builder().discover(missing).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("com.example.DoesNotExist");
    }

    @Test
    void providersWithoutNoArgConstructorFailClearly() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(DetectorProvider.class,
                names(TestPlugins.NoDefaultConstructorProvider.class)));
        assertThatThrownBy(() -> PluginRegistry.builder().discover(loader).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("NoDefaultConstructorProvider");
    }

    @Test
    void rulesRunByOrderThenId() throws IOException {
        ClassLoader loader = isolatedLoader(Map.of(AttributionRuleProvider.class, names(
                TestPlugins.RuleBProvider.class, TestPlugins.RuleAProvider.class, TestPlugins.RuleCProvider.class)));
        assertThat(PluginRegistry.builder().discover(loader).build().attributionRules())
                .extracting(AttributionRule::id)
                .containsExactly("lakesentry.rule-c", "lakesentry.rule-a", "lakesentry.rule-b");
    }

    @Test
    void refusesObjectsThatAreNoPlugin() {
        assertThatThrownBy(() -> PluginRegistry.builder().register("a string"))
                .hasMessageContaining("java.lang.String").hasMessageContaining("Detector");
    }
}
