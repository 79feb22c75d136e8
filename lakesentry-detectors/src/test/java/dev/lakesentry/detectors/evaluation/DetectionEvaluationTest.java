package dev.lakesentry.detectors.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.detectors.evaluation.DetectionEvaluation.Result;
import dev.lakesentry.detectors.evaluation.DetectionEvaluation.Score;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the evaluation harness on the small variant ({@link DetectionEvaluation#small()}) and holds the
 * floors documented in {@code docs/detection.md}, so tuning cannot silently regress. The floors are the
 * figures measured when they were set, rounded down: idle clusters 1.00 / 1.00; spend anomalies (three
 * spikes and one material level shift counted in recall), ours precision 1.00, recall 1.00, F1 1.00
 * against the baseline's 0.92, 1.00, 0.96.
 */
class DetectionEvaluationTest {
    private static Result result;

    @BeforeAll
    static void evaluate() {
        result = DetectionEvaluation.evaluate(DetectionEvaluation.small());
    }

    @Test
    void idleClustersAreAllFoundWithPrecisionAboveTheFloor() {
        Score s = result.score(InsightType.IDLE_CLUSTER, "lakesentry.idle-cluster");
        assertThat(s.labels()).isPositive();
        assertThat(s.recall()).isGreaterThanOrEqualTo(0.9);
        assertThat(s.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void spendSpikeFiguresStayAtOrAboveTheirFloor() {
        Score ours = result.score(InsightType.SPEND_ANOMALY, DetectionEvaluation.DEFAULT);
        Score baseline = result.score(InsightType.SPEND_ANOMALY, DetectionEvaluation.BASELINE);
        assertThat(ours.labels()).isEqualTo(4);
        assertThat(ours.recall()).isEqualTo(1.0);
        assertThat(baseline.recall()).isEqualTo(1.0);
        assertThat(ours.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(ours.f1()).isGreaterThan(baseline.f1());
    }

    @Test
    void levelShiftsBelowTheSmallestIncreaseExplainAlertsButAreNotCountedInRecall() {
        var shifts = result.labels().stream()
                .filter(l -> l.kind() == dev.lakesentry.testkit.generator.AnomalyKind.SPEND_LEVEL_SHIFT).toList();
        assertThat(shifts).extracting(DetectionEvaluation::counted).containsExactlyInAnyOrder(true, false);
        assertThat(shifts).allSatisfy(l -> assertThat(DetectionEvaluation.counted(l))
                .isEqualTo(Double.parseDouble(l.details().get("dailyIncrease")) >= 50));
    }

    @Test
    void everyTypeOfTheTruthIsScoredForItsDetector() {
        assertThat(result.scores()).extracting(s -> s.type().value()).contains("spend-anomaly", "idle-cluster",
                "idle-warehouse", "oversized-cluster", "auto-termination-disabled", "zombie-serving-endpoint",
                "job-duration-regression", "job-failure-rate-jump");
        for (String type : new String[] {"auto-termination-disabled", "oversized-cluster", "job-failure-rate-jump"}) {
            assertThat(result.scores()).filteredOn(s -> s.type().value().equals(type))
                    .allSatisfy(s -> assertThat(s.recall()).isEqualTo(1.0));
        }
    }
}
