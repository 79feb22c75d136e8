package dev.lakesentry.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.DetectorProvider;
import dev.lakesentry.api.spi.PluginConfig;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProvidersTest {

    static List<DetectorProvider> providers() {
        return ServiceLoader.load(DetectorProvider.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    @Test
    void everyBuiltInDetectorIsDiscoverable() {
        assertThat(providers()).extracting(DetectorProvider::id).containsExactlyInAnyOrder(
                "lakesentry.spend-anomaly", "lakesentry.spend-anomaly-baseline", "lakesentry.job-duration-regression",
                "lakesentry.job-failure-rate", "lakesentry.idle-cluster", "lakesentry.oversized-cluster",
                "lakesentry.auto-termination", "lakesentry.zombie-endpoint", "lakesentry.idle-warehouse",
                "lakesentry.weekend-spend");
    }

    @Test
    void eachProviderCreatesItsDetectorWithDefaultsRecordedAsParameters() {
        for (DetectorProvider p : providers()) {
            Detector d = p.create(PluginConfig.empty());
            assertThat(d.id()).isEqualTo(p.id());
            assertThat(d.parameters()).isNotEmpty();
        }
    }

    @Test
    void unknownKeysAndBadValuesAreRefusedNamingTheKey() {
        for (DetectorProvider p : providers()) {
            assertThatThrownBy(() -> p.create(PluginConfig.of(p.id(), Map.of("noSuchSetting", "1"))))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("noSuchSetting");
        }
        assertThatThrownBy(() -> new SpendAnomalyDetector(PluginConfig.of(SpendAnomalyDetector.ID,
                Map.of("dimensions", "work-unit,colour")))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("colour");
        assertThatThrownBy(() -> new IdleClusterDetector(PluginConfig.of(IdleClusterDetector.ID,
                Map.of("cpuThresholdPercent", "150")))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cpuThresholdPercent");
        assertThatThrownBy(() -> new WeekendSpendDetector(PluginConfig.of(WeekendSpendDetector.ID,
                Map.of("productionTag", "prod")))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("productionTag");
    }

    @Test
    void settingsChangeTheParametersInForce() {
        Detector d = new SpendAnomalyBaselineDetector(PluginConfig.of(SpendAnomalyBaselineDetector.ID,
                Map.of("zThreshold", "3", "minIncrease", "100")));
        assertThat(d.parameters()).containsEntry("zThreshold", "3.0").containsEntry("minIncrease", "100")
                .containsEntry("baselineDays", "30").containsEntry("ratioThreshold", "2.5");
    }
}
