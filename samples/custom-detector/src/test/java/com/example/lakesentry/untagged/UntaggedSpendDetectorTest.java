package com.example.lakesentry.untagged;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import dev.lakesentry.testkit.fixtures.SampleLedgers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class UntaggedSpendDetectorTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-14");

    /** ws-1: 3 × 40 USD untagged and 500 USD tagged in the window; ws-2: 20 USD untagged; old untagged spend before the window. */
    static LedgerFixture ledger() {
        return LedgerFixture.account("acc-1")
                .workspace("ws-1", "analytics-dev")
                .workspace("ws-2", "sandbox")
                .usage(r -> r.day(DAY).workspace("ws-1").sku("PREMIUM_ALL_PURPOSE_COMPUTE").cost("40"))
                .usage(r -> r.day(DAY.plusDays(1)).workspace("ws-1").sku("PREMIUM_ALL_PURPOSE_COMPUTE").cost("40"))
                .usage(r -> r.day(DAY.plusDays(2)).workspace("ws-1").sku("PREMIUM_JOBS_COMPUTE").cost("40").tag("env", "dev"))
                .usage(r -> r.day(DAY).workspace("ws-1").sku("PREMIUM_JOBS_COMPUTE").cost("500").tag("team", "data-eng"))
                .usage(r -> r.day(DAY).workspace("ws-2").sku("PREMIUM_JOBS_COMPUTE").cost("20"))
                .usage(r -> r.day(DAY.minusDays(20)).workspace("ws-2").sku("PREMIUM_JOBS_COMPUTE").cost("900"));
    }

    private static List<Insight> detect(UntaggedSpendDetector d) {
        return d.detect(ledger().context(SampleLedgers.AS_OF));
    }

    @Test
    void findsTheWorkspaceWhoseUntaggedSpendReachesTheThreshold() {
        List<Insight> found = detect(new UntaggedSpendDetector());
        assertThat(found).hasSize(1);
        Insight i = found.get(0);
        assertThat(i.subject().id()).isEqualTo("ws-1");
        assertThat(i.type()).isEqualTo(UntaggedSpendDetector.UNTAGGED_SPEND);
        assertThat(i.evidence().figures()).containsEntry("untaggedSpend", "120.00").containsEntry("untaggedRows", "3");
        assertThat(i.evidence().rows()).hasSize(3);
        assertThat(i.estimatedMonthlyImpact().amount()).isEqualByComparingTo(new BigDecimal("514.285714"));
        assertThat(i.severity()).isEqualTo(Severity.HIGH);
        assertThat(i.window().end()).isEqualTo(SampleLedgers.AS_OF);
    }

    @Test
    void aLowerThresholdAlsoFindsTheSmallWorkspace() {
        List<Insight> found = detect(new UntaggedSpendDetector(PluginConfig.of(UntaggedSpendDetector.ID, Map.of("threshold", "10"))));
        assertThat(found).extracting(i -> i.subject().id()).containsExactlyInAnyOrder("ws-1", "ws-2");
    }

    @Test
    void anotherTagKeyCountsOtherRowsAsUntagged() {
        List<Insight> found = detect(new UntaggedSpendDetector(PluginConfig.of(UntaggedSpendDetector.ID, Map.of("tagKey", "env"))));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().figures()).containsEntry("untaggedSpend", "580.00");
    }

    @Test
    void unknownOrInvalidSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new UntaggedSpendDetector(PluginConfig.of(UntaggedSpendDetector.ID, Map.of("treshold", "5"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("treshold");
        assertThatThrownBy(() -> new UntaggedSpendDetector(PluginConfig.of(UntaggedSpendDetector.ID, Map.of("threshold", "lots"))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("threshold").hasMessageContaining("lots");
    }

    @Test
    void theProviderIsFoundThroughItsServiceEntry() {
        assertThat(ServiceLoader.load(dev.lakesentry.api.spi.DetectorProvider.class).stream()
                .map(ServiceLoader.Provider::type)).contains(UntaggedSpendDetectorProvider.class);
    }
}
