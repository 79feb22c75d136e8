package dev.lakesentry.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made clusters, warehouses, endpoints and workspaces against the waste detectors. */
class WasteDetectorsTest {

    static final Instant AS_OF = Instant.parse("2025-03-17T00:00:00Z");
    static final Instant DAY = AS_OF.minus(1, ChronoUnit.DAYS);

    static LedgerFixture idleFor(int idleHours, String clusterSource) {
        LedgerFixture f = LedgerFixture.account("acc").workspace("ws-1", "dev");
        if (clusterSource.equals("UI")) {
            f.allPurposeCluster("ws-1", "c-1", 2L, 0L);
        } else {
            f.jobCluster("ws-1", "c-1", 2);
        }
        f.utilisation("ws-1", "c-1", DAY, 2, 70, 40, 3);
        f.utilisation("ws-1", "c-1", DAY.plus(2, ChronoUnit.HOURS), idleHours, 2, 10, 3);
        for (int h = 0; h < 2 + idleHours; h++) {
            f.hourlyCost(DAY.plus(h, ChronoUnit.HOURS), LedgerFixture.interactiveCluster("ws-1", "c-1"), "4");
        }
        return f;
    }

    @Test
    void idleHoursDecideTheSeverity() {
        IdleClusterDetector d = new IdleClusterDetector();
        assertThat(d.detect(idleFor(1, "UI").context(AS_OF))).isEmpty();
        assertThat(d.detect(idleFor(2, "UI").context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.MEDIUM);
        assertThat(d.detect(idleFor(5, "UI").context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.MEDIUM);
        assertThat(d.detect(idleFor(6, "UI").context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.HIGH);
        assertThat(d.detect(idleFor(12, "UI").context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.CRITICAL);
    }

    @Test
    void idleWasteIsHourlyCostTimesIdleHoursProjectedToAMonth() {
        Insight i = new IdleClusterDetector().detect(idleFor(6, "UI").context(AS_OF)).get(0);
        assertThat(i.subject().kind()).isEqualTo(SubjectKind.CLUSTER);
        assertThat(i.subject().workspaceId()).isEqualTo("ws-1");
        assertThat(i.window().start()).isEqualTo(DAY.plus(2, ChronoUnit.HOURS));
        assertThat(i.window().end()).isEqualTo(DAY.plus(8, ChronoUnit.HOURS));
        assertThat(i.evidence().figures()).containsEntry("waste", "24.00").containsEntry("idleHours", "6");
        // 24 USD in a 7-day look-back is 24 × 30 / 7 a month.
        assertThat(i.estimatedMonthlyImpact().amount()).isEqualByComparingTo("102.857143");
        assertThat(i.evidence().rows()).contains(new LedgerRowRef("ledger_hourly_utilisation",
                "ws-1:c-1:" + DAY.plus(2, ChronoUnit.HOURS)), new LedgerRowRef("ledger_cluster",
                "ws-1:c-1:" + LedgerFixture.CLUSTERS_VALID_FROM));
        assertThat(i.evidence().series()).filteredOn(p -> p.flagged()).hasSize(6);
    }

    @Test
    void jobClustersAreNotIdleAllPurposeClusters() {
        assertThat(new IdleClusterDetector().detect(idleFor(12, "JOB").context(AS_OF))).isEmpty();
    }

    /**
     * An end-of-day wind-down: a busy hour, an hour that is idle on average but busy in its last minutes,
     * a fully idle hour, then 25 idle minutes until auto-termination: under two hours idle in all.
     */
    static LedgerFixture windDown() {
        LedgerFixture f = LedgerFixture.account("acc").workspace("ws-1", "dev").allPurposeCluster("ws-1", "c-1", 2L, 90L);
        double[][] hours = {{60, 75, 60}, {3.5, 40, 60}, {1.5, 2.1, 60}, {1.5, 2.1, 25}};
        for (int h = 0; h < hours.length; h++) {
            Instant hour = DAY.plus(16 + h, ChronoUnit.HOURS);
            f.utilisation(new HourlyUtilisation("acc", "ws-1", "c-1", hour, hours[h][0], hours[h][1], 20, 3,
                    (int) hours[h][2] * 3));
            f.hourlyCost(hour, LedgerFixture.interactiveCluster("ws-1", "c-1"), "4");
        }
        return f;
    }

    @Test
    void anHourCountsAsIdleOnlyWhenIdleThroughoutAndPartHoursCountTheirMinutes() {
        assertThat(new IdleClusterDetector().detect(windDown().context(AS_OF))).isEmpty();
        IdleClusterDetector byAverage = new IdleClusterDetector(PluginConfig.of(IdleClusterDetector.ID,
                Map.of("hourStatistic", "average")));
        assertThat(byAverage.detect(windDown().context(AS_OF))).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("idleHours", "3")
                        .containsEntry("hourStatistic", "average"));
        assertThat(byAverage.parameters()).containsEntry("hourStatistic", "average");
    }

    @Test
    void anUnknownHourStatisticIsRefusedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IdleClusterDetector(PluginConfig.of(
                        IdleClusterDetector.ID, Map.of("hourStatistic", "max"))))
                .hasMessageContaining("hourStatistic").hasMessageContaining("'max'");
    }

    @Test
    void theCpuThresholdIsASetting() {
        IdleClusterDetector strict = new IdleClusterDetector(PluginConfig.of(IdleClusterDetector.ID,
                Map.of("cpuThresholdPercent", "1")));
        assertThat(strict.detect(idleFor(12, "UI").context(AS_OF))).isEmpty();
        assertThat(strict.parameters()).containsEntry("cpuThresholdPercent", "1.0");
    }

    static LedgerFixture sized(long workers, double p95Cpu, double memory) {
        LedgerFixture f = LedgerFixture.account("acc").allPurposeCluster("ws-1", "c-1", workers, 60L);
        for (int h = 0; h < 24; h++) {
            Instant hour = DAY.plus(h, ChronoUnit.HOURS);
            f.utilisation(new HourlyUtilisation("acc", "ws-1", "c-1", hour, p95Cpu / 1.2, p95Cpu, memory,
                    (int) workers + 1, 60));
            f.hourlyCost(hour, LedgerFixture.interactiveCluster("ws-1", "c-1"), String.valueOf(workers + 1));
        }
        return f;
    }

    @Test
    void neededWorkersKeepCpuUnder85AndMemoryUnder90() {
        OversizedClusterDetector d = new OversizedClusterDetector();
        assertThat(d.neededWorkers(new HourlyUtilisation("a", "w", "c", DAY, 10, 40, 50, 9, 60))).isEqualTo(5);
        assertThat(d.neededWorkers(new HourlyUtilisation("a", "w", "c", DAY, 10, 10, 80, 9, 60))).isEqualTo(8);
        assertThat(d.neededWorkers(new HourlyUtilisation("a", "w", "c", DAY, 0, 0, 0, 9, 60))).isEqualTo(1);
        assertThat(d.neededWorkers(new HourlyUtilisation("a", "w", "c", DAY, 0, 0, 0, 1, 60))).isZero();
    }

    @Test
    void excessWorkersDecideTheSeverity() {
        OversizedClusterDetector d = new OversizedClusterDetector();
        // 8 workers at p95 CPU p: needed = floor(8p/85) + 1.
        assertThat(d.detect(sized(8, 80, 10).context(AS_OF))).isEmpty();
        assertThat(d.detect(sized(8, 70, 10).context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.LOW);
        assertThat(d.detect(sized(8, 60, 10).context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.MEDIUM);
        Insight high = d.detect(sized(8, 20, 10).context(AS_OF)).get(0);
        assertThat(high.severity()).isEqualTo(Severity.HIGH);
        assertThat(high.evidence().figures()).containsEntry("medianNeededWorkers", "2").containsEntry("excessWorkers", "6");
        // 9 nodes cost 9 USD an hour: 1 USD per node-hour, 6 excess workers × 24 hours in 7 days.
        assertThat(high.estimatedMonthlyImpact().amount()).isEqualByComparingTo(
                BigDecimal.valueOf(6 * 24).multiply(new BigDecimal("30")).divide(new BigDecimal("7"), 6,
                        java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void autoTerminationDisabledOrTooLong() {
        AutoTerminationDetector d = new AutoTerminationDetector();
        assertThat(d.detect(idleFor(6, "UI").context(AS_OF))).singleElement().satisfies(i -> {
            assertThat(i.type()).isEqualTo(InsightType.AUTO_TERMINATION_DISABLED);
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.evidence().figures()).containsEntry("avoidableIdleHours", "5.00");
            assertThat(i.estimatedMonthlyImpact().amount().signum()).isPositive();
        });
        for (long minutes : new long[] {30, 120}) {
            LedgerFixture ok = LedgerFixture.account("acc").allPurposeCluster("ws-1", "c-1", 2L, minutes)
                    .utilisation("ws-1", "c-1", DAY, 3, 2, 10, 3);
            assertThat(d.detect(ok.context(AS_OF))).isEmpty();
        }
        LedgerFixture long180 = LedgerFixture.account("acc").allPurposeCluster("ws-1", "c-1", 2L, 180L)
                .utilisation("ws-1", "c-1", DAY, 3, 2, 10, 3);
        assertThat(d.detect(long180.context(AS_OF))).singleElement().extracting(Insight::severity).isEqualTo(Severity.LOW);
        LedgerFixture long600 = LedgerFixture.account("acc").allPurposeCluster("ws-1", "c-1", 2L, 600L)
                .utilisation("ws-1", "c-1", DAY, 3, 2, 10, 3);
        assertThat(d.detect(long600.context(AS_OF))).singleElement().extracting(Insight::severity)
                .isEqualTo(Severity.MEDIUM);
        LedgerFixture unused = LedgerFixture.account("acc").allPurposeCluster("ws-1", "c-1", 2L, 0L);
        assertThat(d.detect(unused.context(AS_OF))).isEmpty();
    }

    @Test
    void anEndpointBilledWithoutRequestsIsAZombie() {
        LedgerFixture f = LedgerFixture.account("acc");
        for (int i = 1; i <= 7; i++) {
            LocalDate day = LocalDate.parse("2025-03-17").minusDays(i);
            f.dailyCost(day, LedgerFixture.servingEndpoint("ws-1", "ep-zombie"), "20");
            f.dailyCost(day, LedgerFixture.servingEndpoint("ws-1", "ep-live"), "20");
            f.servingRequests("ws-1", "ep-live", day, 1000);
            f.servingRequests("ws-1", "ep-zombie", day, 0);
        }
        List<Insight> found = new ZombieEndpointDetector().detect(f.context(AS_OF));
        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.subject().id()).isEqualTo("ep-zombie");
            assertThat(i.subject().kind()).isEqualTo(SubjectKind.SERVING_ENDPOINT);
            assertThat(i.estimatedMonthlyImpact().amount()).isEqualByComparingTo("600");
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.evidence().rows()).hasSize(14);
        });
    }

    @Test
    void noRequestIsOnlyClaimedWhereTheAccountHasRequestData() {
        // billing for the whole look-back, request data (of the live endpoint) only from its fourth day:
        // a first collection holds a year of billing and 90 days of requests
        LedgerFixture f = LedgerFixture.account("acc");
        for (int i = 1; i <= 7; i++) {
            LocalDate day = LocalDate.parse("2025-03-17").minusDays(i);
            f.dailyCost(day, LedgerFixture.servingEndpoint("ws-1", "ep-quiet"), "20");
            f.dailyCost(day, LedgerFixture.servingEndpoint("ws-1", "ep-live"), "20");
            if (i <= 4) {
                f.servingRequests("ws-1", "ep-live", day, 1000);
            }
        }
        assertThat(new ZombieEndpointDetector().detect(f.context(AS_OF))).isEmpty();
        Detector anyway = new ZombieEndpointDetector(PluginConfig.of(ZombieEndpointDetector.ID,
                Map.of("requireRequestData", "false")));
        assertThat(anyway.detect(f.context(AS_OF))).singleElement().satisfies(i -> {
            assertThat(i.subject().id()).isEqualTo("ep-quiet");
            assertThat(i.evidence().figures()).containsEntry("requestDataSince", "2025-03-13");
        });
        // once the request data covers the look-back the quiet endpoint is a zombie
        f.servingRequests("ws-1", "ep-live", LocalDate.parse("2025-03-09"), 1000);
        assertThat(new ZombieEndpointDetector().detect(f.context(AS_OF))).singleElement().satisfies(i ->
                assertThat(i.evidence().figures()).containsEntry("requestDataSince", "2025-03-09"));
        // an account with no request data at all: nothing can be said
        LedgerFixture none = LedgerFixture.account("acc");
        none.dailyCost(LocalDate.parse("2025-03-16"), LedgerFixture.servingEndpoint("ws-1", "ep-quiet"), "80");
        assertThat(new ZombieEndpointDetector().detect(none.context(AS_OF))).isEmpty();
        assertThat(anyway.detect(none.context(AS_OF))).hasSize(1);
    }

    @Test
    void aWarehouseRunningWithoutQueriesIsIdle() {
        LedgerFixture f = LedgerFixture.account("acc")
                .uptime("ws-1", "wh-1", DAY.plus(8, ChronoUnit.HOURS), DAY.plus(18, ChronoUnit.HOURS), 1)
                .query("ws-1", "wh-1", "q-1", DAY.plus(8, ChronoUnit.HOURS), DAY.plus(9, ChronoUnit.HOURS))
                .query("ws-1", "wh-1", "q-2", DAY.plus(10, ChronoUnit.HOURS), DAY.plus(11, ChronoUnit.HOURS));
        for (int h = 8; h < 18; h++) {
            f.hourlyCost(DAY.plus(h, ChronoUnit.HOURS), LedgerFixture.warehouse("ws-1", "wh-1"), "3");
        }
        List<Insight> found = new IdleWarehouseDetector().detect(f.context(AS_OF));
        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.window().start()).isEqualTo(DAY.plus(11, ChronoUnit.HOURS));
            assertThat(i.window().end()).isEqualTo(DAY.plus(18, ChronoUnit.HOURS));
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.evidence().figures()).containsEntry("waste", "21.00").containsEntry("lastQueryBefore", "q-2");
            assertThat(i.evidence().rows()).contains(new LedgerRowRef("ledger_query", "q-2"));
        });
    }

    @Test
    void weekendSpendOutsideProduction() {
        LedgerFixture f = LedgerFixture.account("acc").workspace("ws-dev", "team-dev").workspace("ws-prod", "team-prod");
        for (int i = 1; i <= 14; i++) {
            LocalDate day = LocalDate.parse("2025-03-17").minusDays(i);
            f.dailyCost(day, LedgerFixture.job("ws-dev", "1"), "40");
            f.dailyCost(day, LedgerFixture.job("ws-prod", "2"), "400");
            f.usage(r -> r.day(day).workspace("ws-dev").sku("PREMIUM_JOBS_COMPUTE").cost("400").tag("env", "prod"));
        }
        List<Insight> byName = new WeekendSpendDetector(PluginConfig.of(WeekendSpendDetector.ID,
                Map.of("productionTag", "env=prod"))).detect(f.context(AS_OF));
        assertThat(byName).hasSize(2).allSatisfy(i -> {
            assertThat(i.subject().id()).isEqualTo("ws-dev");
            assertThat(i.evidence().figures()).containsEntry("weekendSpend", "80.00");
            assertThat(i.window().duration()).isEqualTo(Duration.ofDays(2));
            assertThat(i.severity()).isEqualTo(Severity.MEDIUM);
        });
        assertThat(byName.get(1).window().start()).isEqualTo(Instant.parse("2025-03-15T00:00:00Z"));
        List<Insight> untagged = new WeekendSpendDetector().detect(f.context(AS_OF));
        assertThat(untagged).hasSize(2).allSatisfy(i -> assertThat(i.evidence().figures())
                .containsEntry("weekendSpend", "880.00"));
    }
}
