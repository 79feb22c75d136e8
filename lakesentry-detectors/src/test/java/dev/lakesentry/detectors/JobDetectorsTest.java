package dev.lakesentry.detectors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import dev.lakesentry.testkit.fixtures.LedgerFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-made job runs against the job detectors. */
class JobDetectorsTest {

    static final Instant AS_OF = Instant.parse("2025-03-17T00:00:00Z");
    static final WorkUnitRef JOB = LedgerFixture.job("ws-1", "7");

    /** 20 daily runs of about an hour, then the given recent runs, and a cost of 10 USD a run. */
    static LedgerFixture runs(long[] recentMinutes, String[] recentStates) {
        LedgerFixture f = LedgerFixture.account("acc");
        for (int i = 20; i >= 3; i--) {
            Instant start = AS_OF.minus(i, ChronoUnit.DAYS);
            f.run(JOB, "r-" + i, start, Duration.ofMinutes(58 + i % 5), i % 9 == 0 ? "FAILED" : "SUCCEEDED");
            f.hourlyCost(start, JOB, "10");
        }
        for (int k = 0; k < recentMinutes.length; k++) {
            Instant start = AS_OF.minus(40, ChronoUnit.HOURS).plus(k * 4L, ChronoUnit.HOURS);
            f.run(JOB, "n-" + k, start, Duration.ofMinutes(recentMinutes[k]), recentStates[k]);
        }
        return f;
    }

    @Test
    void aRecentRunFarAboveTheBaselineIsARegression() {
        List<Insight> found = new JobDurationRegressionDetector().detect(
                runs(new long[] {60, 150}, new String[] {"SUCCEEDED", "SUCCEEDED"}).context(AS_OF));
        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.subject().kind()).isEqualTo(SubjectKind.JOB);
            assertThat(i.subject().id()).isEqualTo("7");
            assertThat(i.severity()).isEqualTo(Severity.HIGH);
            assertThat(i.evidence().figures()).containsEntry("flaggedRuns", "1").containsEntry("baselineRuns", "16");
            assertThat(i.evidence().series()).filteredOn(p -> p.flagged()).hasSize(1);
            assertThat(i.estimatedMonthlyImpact().amount().signum()).isPositive();
        });
    }

    @Test
    void withMinFlaggedRunsOneSlowRunIsNotARegressionButTwoAre() {
        Detector twoRuns = new JobDurationRegressionDetector(PluginConfig.of(JobDurationRegressionDetector.ID,
                Map.of("minFlaggedRuns", "2")));
        assertThat(twoRuns.detect(runs(new long[] {60, 150}, new String[] {"SUCCEEDED", "SUCCEEDED"}).context(AS_OF)))
                .isEmpty();
        assertThat(twoRuns.detect(runs(new long[] {140, 150}, new String[] {"SUCCEEDED", "SUCCEEDED"}).context(AS_OF)))
                .singleElement().satisfies(i -> assertThat(i.evidence().figures()).containsEntry("flaggedRuns", "2"));
        // when only one run is recent, that run is all the evidence there is
        assertThat(twoRuns.detect(runs(new long[] {150}, new String[] {"SUCCEEDED"}).context(AS_OF))).hasSize(1);
        assertThat(new JobDurationRegressionDetector().parameters()).containsEntry("minFlaggedRuns", "1");
    }

    @Test
    void normalRunsAndTooFewBaselineRunsStayQuiet() {
        assertThat(new JobDurationRegressionDetector().detect(
                runs(new long[] {60, 62}, new String[] {"SUCCEEDED", "SUCCEEDED"}).context(AS_OF))).isEmpty();
        LedgerFixture few = LedgerFixture.account("acc");
        for (int i = 0; i < 4; i++) {
            few.run(JOB, "r-" + i, AS_OF.minus(10 - i, ChronoUnit.DAYS), Duration.ofMinutes(60), "SUCCEEDED");
        }
        few.run(JOB, "slow", AS_OF.minus(1, ChronoUnit.HOURS).minus(5, ChronoUnit.HOURS), Duration.ofHours(5), "SUCCEEDED");
        assertThat(new JobDurationRegressionDetector().detect(few.context(AS_OF))).isEmpty();
    }

    @Test
    void aFailureRateUpByFifteenPointsIsAJump() {
        // Baseline (days 8 to 20 before as-of): 2 of 13 runs failed (15.4 %); the last 7 days hold 9 runs.
        List<Insight> up11 = new JobFailureRateDetector().detect(runs(new long[] {60, 60, 60, 60},
                new String[] {"FAILED", "SUCCEEDED", "FAILED", "SUCCEEDED"}).context(AS_OF));
        assertThat(up11).isEmpty();
        List<Insight> found = new JobFailureRateDetector().detect(runs(new long[] {60, 60, 60, 60},
                new String[] {"FAILED", "FAILED", "FAILED", "SUCCEEDED"}).context(AS_OF));
        assertThat(found).singleElement().satisfies(i -> {
            assertThat(i.severity()).isEqualTo(Severity.LOW);
            assertThat(i.evidence().figures()).containsEntry("recentFailures", "3").containsEntry("increasePoints", "17.95");
            assertThat(i.window().end()).isBeforeOrEqualTo(AS_OF);
        });
        assertThat(new JobFailureRateDetector().detect(runs(new long[] {60, 60, 60, 60},
                new String[] {"SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "CANCELED"}).context(AS_OF))).isEmpty();
    }

    @Test
    void failureRateSeverityCutOffs() {
        assertThat(Support.bands(20, 25, 40, 60)).isEqualTo(Severity.LOW);
        assertThat(Support.bands(25, 25, 40, 60)).isEqualTo(Severity.MEDIUM);
        assertThat(Support.bands(40, 25, 40, 60)).isEqualTo(Severity.HIGH);
        assertThat(Support.bands(60, 25, 40, 60)).isEqualTo(Severity.CRITICAL);
    }
}
