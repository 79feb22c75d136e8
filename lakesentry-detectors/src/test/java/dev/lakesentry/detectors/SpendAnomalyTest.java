package dev.lakesentry.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.ConfigurationException;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made daily series against both spend detectors. */
class SpendAnomalyTest {

    static final WorkUnitRef JOB = LedgerFixture.job("ws-1", "42");
    /** A Monday. */
    static final LocalDate FIRST = LocalDate.parse("2025-01-06");

    final Detector ours = new SpendAnomalyDetector(PluginConfig.of(SpendAnomalyDetector.ID,
            Map.of("dimensions", "work-unit")));
    final Detector baseline = new SpendAnomalyBaselineDetector(PluginConfig.of(SpendAnomalyBaselineDetector.ID,
            Map.of("dimensions", "work-unit")));

    /** Deterministic noise of about ±5 % around the level. */
    static double[] noisy(int days, double level) {
        double[] v = new double[days];
        for (int i = 0; i < days; i++) {
            v[i] = level + level * 0.05 * (((i * 37) % 11) - 5) / 5.0;
        }
        return v;
    }

    /** The as-of time right after the series' last day. */
    static Instant after(double[] series) {
        return FIRST.plusDays(series.length).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<Insight> run(Detector d, double[] series) {
        return d.detect(LedgerFixture.account("acc").workspace("ws-1", "dev").dailySeries(JOB, FIRST, series)
                .context(after(series)));
    }

    @Test
    void aSuddenSpikeFlagsWithBothDetectors() {
        double[] s = noisy(40, 100);
        s[39] = 600;
        List<Insight> found = run(ours, s);
        assertThat(found).hasSize(1);
        Insight i = found.get(0);
        assertThat(i.subject().kind()).isEqualTo(SubjectKind.JOB);
        assertThat(i.subject().id()).isEqualTo(JOB.externalId());
        assertThat(i.subject().workspaceId()).isEqualTo(JOB.workspaceId());
        assertThat(i.window().start()).isEqualTo(Instant.parse("2025-02-14T00:00:00Z"));
        assertThat(i.window().end()).isEqualTo(Instant.parse("2025-02-15T00:00:00Z"));
        assertThat(i.estimatedMonthlyImpact().amount()).isGreaterThan(new BigDecimal("450"));
        assertThat(i.evidence().series()).filteredOn(SeriesPoint::flagged).hasSize(1);
        assertThat(i.evidence().rows()).containsExactly(new LedgerRowRef("ledger_usage_line_item", "rec-000040"));
        assertThat(i.evidence().figures()).containsEntry("worstDay", "2025-02-14").containsKey("robustScale");
        assertThat(run(baseline, s)).hasSize(1);
    }

    /** Weekdays about 100, weekends 10; from the fifth week on, weekends cost 300 (a cluster left running). */
    static double[] weekendsRiseFromWeekFive(int days) {
        double[] s = noisy(days, 100);
        for (int i = 0; i < days; i++) {
            if (i % 7 >= 5) {
                s[i] = i >= 28 ? 300 : 10;
            }
        }
        return s;
    }

    @Test
    void aRiseRecurringOnTheSameWeekdayIsTheNewNormalTheSecondWeek() {
        double[] firstSaturday = java.util.Arrays.copyOf(weekendsRiseFromWeekFive(41), 34);
        assertThat(run(ours, firstSaturday)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("worstDay", "2025-02-08"));
        double[] secondSaturday = weekendsRiseFromWeekFive(41);
        assertThat(run(ours, secondSaturday)).isEmpty();
        // Saturdays alone: one high day among the ten weekend days of the pool leaves the weekend spread
        // narrow, so it is the weekly recurrence that makes the second high Saturday normal
        double[] saturdaysOnly = weekendsRiseFromWeekFive(41);
        for (int i = 28; i < saturdaysOnly.length; i++) {
            if (i % 7 == 6) {
                saturdaysOnly[i] = 10;
            }
        }
        assertThat(run(ours, saturdaysOnly)).isEmpty();
        assertThat(run(ours("weekdayShiftWeeks", "1"), saturdaysOnly)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("worstDay", "2025-02-15"));
    }

    @Test
    void theSameSpikeFoundAgainTheNextDayKeepsItsId() {
        double[] s = noisy(41, 100);
        s[39] = 600;
        double[] dayBefore = java.util.Arrays.copyOf(s, 40);
        assertThat(run(ours, s)).extracting(Insight::id).isEqualTo(run(ours, dayBefore).stream().map(Insight::id).toList());
    }

    @Test
    void aWeeklyHeavyDayIsNormalForOursButFlagsTheBaseline() {
        double[] s = noisy(42, 100);
        for (int i = 0; i < s.length; i++) {
            if (FIRST.plusDays(i).getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
                s[i] = 900;
            }
        }
        assertThat(s[41]).isEqualTo(900);
        assertThat(run(ours, s)).isEmpty();
        assertThat(run(baseline, s)).hasSize(1);
    }

    /**
     * Weekdays spread widely around 150 with no weekday pattern (query-driven spend), weekends about 70:
     * the weekday sequence below repeats every 9 weekdays, so each weekday's five points differ week by week.
     */
    static double[] busyWarehouse(int days) {
        double[] weekday = {112, 160, 228, 135, 173, 125, 210, 150, 140};
        double[] s = new double[days];
        int w = 0;
        for (int i = 0; i < days; i++) {
            java.time.DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
            s[i] = d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY ? 70 + (i % 3) * 8
                    : weekday[w++ % weekday.length];
        }
        return s;
    }

    @Test
    void aBusyDayWithinTheUsualRangeOfANoisySeriesDoesNotFlag() {
        double[] s = busyWarehouse(44);
        s[43] = 235;
        assertThat(FIRST.plusDays(43).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
        assertThat(run(ours, s)).isEmpty();
        s[43] = 520;
        assertThat(run(ours, s)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("seasonality", "weekend"));
    }

    /** A detector with one setting changed (work-unit series only). */
    static Detector ours(String key, String value) {
        return new SpendAnomalyDetector(PluginConfig.of(SpendAnomalyDetector.ID, Map.of("dimensions", "work-unit", key, value)));
    }

    /**
     * Four weeks of a query-driven SQL warehouse from the test kit (seed 8080, noise 0.35): weekdays 53 to
     * 109 around a median of about 80, weekends 12 to 56; then a Monday costing {@code monday}.
     */
    static double[] queryDrivenWarehouse(double monday) {
        double[] weekdays = {73.4, 70.8, 71.7, 65.7, 95.5, 78.9, 60.1, 109.1, 103.9, 61.2, 81.9, 84.8, 71.2, 73.7,
            79.4, 94.1, 98.8, 81.5, 52.8, 102.2};
        double[] weekends = {27.0, 29.9, 22.8, 31.9, 11.7, 17.8, 55.5, 24.3};
        double[] s = new double[29];
        int w = 0;
        int e = 0;
        for (int i = 0; i < 28; i++) {
            s[i] = i % 7 >= 5 ? weekends[e++] : weekdays[w++];
        }
        s[28] = monday;
        return s;
    }

    @Test
    void onTheLogScaleABusyDayOfAQueryDrivenWarehouseIsNoiseAndATripledDayIsNot() {
        double[] busy = queryDrivenWarehouse(147.6);
        assertThat(FIRST.plusDays(28).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        // 1.8 times the median: within this warehouse's multiplicative noise (log-scale spread about 0.2)
        assertThat(run(ours, busy)).isEmpty();
        // in dollars the busy day is 68 over the median, over four dollar spreads: the linear scale flags it
        assertThat(run(ours("costScale", "linear"), busy)).hasSize(1);
        // auto-stop switched off: the day costs three times the usual
        assertThat(run(ours, queryDrivenWarehouse(258.2))).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("costScale", "log"));
    }

    @Test
    void aWeeklyRefreshRecursEvenWhenTheWeekBeforeCostLessThanTheDollarMinimum() {
        // a daily incremental load of about 7 and a weekly full refresh on Tuesdays from the second week: the
        // first refresh was 47 over the median (an outlier, but below minIncrease 50), the recent one is 60 over
        double[] s = noisy(16, 7);
        s[8] = 53.9;
        s[15] = 67.4;
        assertThat(FIRST.plusDays(15).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.TUESDAY);
        assertThat(run(ours, s)).isEmpty();
        // without the weekly recurrence rule the refresh alerts
        assertThat(run(ours("weekdayShiftWeeks", "1"), s)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("worstDay", "2025-01-21"));
    }

    @Test
    void costScaleAndLogOffsetAreChecked() {
        assertThatThrownBy(() -> ours("costScale", "sqrt")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("costScale").hasMessageContaining("sqrt").hasMessageContaining("log or linear");
        assertThatThrownBy(() -> ours("logOffset", "0")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("logOffset");
        assertThat(new SpendAnomalyDetector().parameters()).containsEntry("costScale", "log").containsEntry("logOffset", "10");
    }

    @Test
    void theSeasonalShapeWithTheSmallestLeaveOneOutErrorWins() {
        double[] flat = noisy(42, 100);
        flat[41] = 600;
        assertThat(run(ours, flat)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("seasonality", "none"));
        double[] weekly = noisy(42, 100);
        for (int i = 0; i < weekly.length; i++) {
            weekly[i] += 60 * FIRST.plusDays(i).getDayOfWeek().getValue();
        }
        weekly[41] = 2000;
        assertThat(run(ours, weekly)).singleElement()
                .satisfies(i -> assertThat(i.evidence().figures()).containsEntry("seasonality", "weekday"));
    }

    @Test
    void theSpreadFollowsAHeavyUpperTailButNotAFewOutliers() {
        // a burst on 3 days in 10: the median absolute deviation is 0, the tail estimate is not
        assertThat(SpendAnomalyDetector.spread(new double[] {0, 0, 0, 0, 0, 0, 0, 10, 10, 10}))
                .isCloseTo(10 / 1.6449, org.assertj.core.data.Offset.offset(1e-9));
        // the two largest deviations never set it, however few the points (two days of a ramp in a young pool)
        assertThat(SpendAnomalyDetector.spread(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 10, 10})).isZero();
        assertThat(SpendAnomalyDetector.spread(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 50})).isZero();
        // one outlier in 20 moves neither estimate
        double[] mostlyQuiet = new double[20];
        for (int i = 0; i < 19; i++) {
            mostlyQuiet[i] = i % 2 == 0 ? 1 : -1;
        }
        mostlyQuiet[19] = 500;
        assertThat(SpendAnomalyDetector.spread(mostlyQuiet)).isCloseTo(1.4826, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void leaveOneOutMedians() {
        double[] a = {1, 2, 3, 10};
        assertThat(SpendAnomalyDetector.median(a, -1)).isEqualTo(2.5);
        assertThat(SpendAnomalyDetector.median(a, 0)).isEqualTo(3);
        assertThat(SpendAnomalyDetector.median(a, 1)).isEqualTo(3);
        assertThat(SpendAnomalyDetector.median(a, 2)).isEqualTo(2);
        assertThat(SpendAnomalyDetector.median(a, 3)).isEqualTo(2);
        double[] b = {4, 5, 9};
        assertThat(SpendAnomalyDetector.median(b, -1)).isEqualTo(5);
        assertThat(SpendAnomalyDetector.median(b, 0)).isEqualTo(7);
        assertThat(SpendAnomalyDetector.median(b, 2)).isEqualTo(4.5);
    }

    @Test
    void weekendDipsDoNotFlagAndAWeekdayBackToNormalDoesNot() {
        double[] s = noisy(43, 500);
        for (int i = 0; i < s.length; i++) {
            java.time.DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
            if (d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY) {
                s[i] = 20;
            }
        }
        assertThat(FIRST.plusDays(42).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(run(ours, s)).isEmpty();
        assertThat(run(ours, java.util.Arrays.copyOf(s, 41))).isEmpty();
    }

    @Test
    void spendOnAQuietWeekendDayFlagsWithOurs() {
        double[] s = noisy(41, 500);
        for (int i = 0; i < s.length; i++) {
            java.time.DayOfWeek d = FIRST.plusDays(i).getDayOfWeek();
            if (d == java.time.DayOfWeek.SATURDAY || d == java.time.DayOfWeek.SUNDAY) {
                s[i] = 20;
            }
        }
        assertThat(FIRST.plusDays(40).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        s[40] = 450;
        assertThat(run(ours, s)).hasSize(1);
    }

    @Test
    void aPersistentLevelShiftAlertsAtFirstThenBecomesTheNewNormal() {
        double[] base = noisy(60, 100);
        for (int i = 35; i < base.length; i++) {
            base[i] = base[i] * 3;
        }
        assertThat(run(ours, java.util.Arrays.copyOf(base, 36))).hasSize(1);
        assertThat(run(ours, java.util.Arrays.copyOf(base, 39))).hasSize(1);
        for (int days = 43; days <= 60; days++) {
            assertThat(run(ours, java.util.Arrays.copyOf(base, days))).as("after %d days", days - 35).isEmpty();
        }
    }

    @Test
    void aSpikeAfterALevelShiftIsStillFound() {
        double[] s = noisy(50, 100);
        for (int i = 30; i < s.length; i++) {
            s[i] = s[i] * 3;
        }
        s[49] = 1500;
        List<Insight> found = run(ours, s);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().figures()).containsEntry("levelShiftSince", "2025-02-05");
    }

    @Test
    void aGradualRampIsNotASpike() {
        double[] s = new double[40];
        for (int i = 0; i < s.length; i++) {
            s[i] = 100 * Math.pow(1.01, i);
        }
        assertThat(run(ours, s)).isEmpty();
        assertThat(run(baseline, s)).isEmpty();
    }

    @Test
    void aSteepRecentRampIsFound() {
        double[] s = noisy(40, 100);
        s[38] = 300;
        s[39] = 500;
        List<Insight> found = run(ours, s);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().series()).filteredOn(SeriesPoint::flagged).hasSize(2);
        assertThat(run(baseline, s)).hasSize(1);
    }

    @Test
    void tinyAndConstantSeriesStayQuiet() {
        double[] tiny = noisy(40, 2);
        tiny[39] = 30;
        assertThat(run(ours, tiny)).isEmpty();
        assertThat(run(baseline, tiny)).isEmpty();
        double[] constant = new double[40];
        java.util.Arrays.fill(constant, 250);
        assertThat(run(ours, constant)).isEmpty();
        assertThat(run(baseline, constant)).isEmpty();
    }

    @Test
    void aSpikeOnAConstantSeriesFlagsOursButNeverTheBaseline() {
        double[] s = new double[40];
        java.util.Arrays.fill(s, 250);
        s[39] = 600;
        assertThat(run(ours, s)).hasSize(1);
        assertThat(run(baseline, s)).isEmpty();
    }

    @Test
    void shortAndEmptySeriesStayQuiet() {
        assertThat(run(ours, new double[] {100, 900})).isEmpty();
        assertThat(run(baseline, new double[] {100, 900})).isEmpty();
        assertThat(run(ours, new double[] {900})).isEmpty();
    }

    @Test
    void pastAnomaliesFromPreviousInsightsStayOutOfTheBaseline() {
        double[] s = noisy(40, 100);
        s[20] = 900;
        LedgerFixture f = LedgerFixture.account("acc").dailySeries(JOB, FIRST, java.util.Arrays.copyOf(s, 21));
        List<Insight> earlier = ours.detect(f.context(after(java.util.Arrays.copyOf(s, 21))));
        assertThat(earlier).hasSize(1);
        LedgerFixture later = LedgerFixture.account("acc").dailySeries(JOB, FIRST, s).previousInsight(earlier.get(0));
        Insight none = ours.detect(later.context(after(s))).stream().findFirst().orElse(null);
        assertThat(none).isNull();
        s[39] = 400;
        List<Insight> found = ours.detect(LedgerFixture.account("acc").dailySeries(JOB, FIRST, s)
                .previousInsight(earlier.get(0)).context(after(s)));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).evidence().figures()).containsEntry("excludedAsPastAnomalies", "1");
    }

    @Test
    void severityIsTheLowerOfTheScoreAndTheDollarBands() {
        assertThat(SpendFinding.severity(20, new BigDecimal("150"))).isEqualTo(Severity.LOW);
        assertThat(SpendFinding.severity(20, new BigDecimal("200"))).isEqualTo(Severity.MEDIUM);
        assertThat(SpendFinding.severity(20, new BigDecimal("1000"))).isEqualTo(Severity.HIGH);
        assertThat(SpendFinding.severity(20, new BigDecimal("5000"))).isEqualTo(Severity.CRITICAL);
        assertThat(SpendFinding.severity(2.5, new BigDecimal("5000"))).isEqualTo(Severity.LOW);
        assertThat(SpendFinding.severity(3, new BigDecimal("5000"))).isEqualTo(Severity.MEDIUM);
        assertThat(SpendFinding.severity(5, new BigDecimal("5000"))).isEqualTo(Severity.HIGH);
        assertThat(SpendFinding.severity(8, new BigDecimal("5000"))).isEqualTo(Severity.CRITICAL);
        double[] s = noisy(40, 1000);
        s[39] = 9000;
        assertThat(run(ours, s)).singleElement().extracting(Insight::severity).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void everyDimensionGetsItsOwnSeriesAndTeamsComeFromMetricsWhenPresent() {
        double[] s = noisy(40, 100);
        s[39] = 900;
        Detector all = new SpendAnomalyDetector();
        LedgerFixture f = LedgerFixture.account("acc").workspace("ws-1", "dev").identity("etl@example.com", "data-eng");
        for (int i = 0; i < s.length; i++) {
            String cost = BigDecimal.valueOf(s[i]).toPlainString();
            LocalDate day = FIRST.plusDays(i);
            f.usage(r -> r.day(day).workUnit(JOB).cost(cost).runAs("etl@example.com"));
        }
        assertThat(all.detect(f.context(after(s)))).extracting(i -> i.subject().kind())
                .containsExactlyInAnyOrder(SubjectKind.SKU, SubjectKind.TEAM, SubjectKind.JOB, SubjectKind.WORKSPACE);
        for (int i = 0; i < s.length; i++) {
            f.dailyCostMetric(CostDimension.TEAM, "platform", FIRST.plusDays(i), BigDecimal.valueOf(s[i]).toPlainString());
        }
        assertThat(all.detect(f.context(after(s)))).filteredOn(i -> i.subject().kind() == SubjectKind.TEAM)
                .singleElement().satisfies(i -> {
                    assertThat(i.subject().id()).isEqualTo("platform");
                    assertThat(i.evidence().figures()).containsEntry("source", "metric_daily_cost");
                });
    }
}
