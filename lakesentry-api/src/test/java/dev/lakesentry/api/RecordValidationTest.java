package dev.lakesentry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.RecordType;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.TeamMembership;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.OwnerKind;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.metrics.Badge;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.InsightReviewAction;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.spi.AllocationShare;
import dev.lakesentry.api.spi.AttributionDecision;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.stage.StageName;
import dev.lakesentry.api.stage.StageOutcome;
import dev.lakesentry.api.stage.StageRequest;
import dev.lakesentry.api.stage.RunMode;
import dev.lakesentry.api.stage.StageResult;
import dev.lakesentry.api.store.LedgerScope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record refuses bad values with a message that names the record, the field and the value. */
class RecordValidationTest {

    static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-03-04T11:00:00Z");
    static final LocalDate D = LocalDate.parse("2025-03-04");
    static final WorkUnitRef JOB = new WorkUnitRef(WorkUnitType.JOB, "ws1", "837261947261");
    static final Subject SUBJECT = new Subject(SubjectKind.CLUSTER, "0215-101530-x7kq2abc", "ws1");
    static final TimeWindow WINDOW = new TimeWindow(T0, T1);
    static final Evidence EVIDENCE = new Evidence("idle for 7 h", Map.of("idleHours", "7"), List.of(), List.of());
    static final Target TARGET = new Target(TargetKind.CLUSTER, "ws1", "0215-101530-x7kq2abc");

    static Stream<Arguments> badValues() {
        return Stream.of(
                bad("Money from text", () -> Money.usd("1.2.3"), "'1.2.3'"),
                bad("SkuPrice negative", () -> new SkuPrice("a", "SKU", "AWS", Money.USD, "DBU", T0, null,
                        new BigDecimal("-0.10"), null), "SkuPrice.unitPrice", "-0.10"),
                bad("SkuPrice end before start", () -> new SkuPrice("a", "SKU", "AWS", Money.USD, "DBU", T1, T0,
                        BigDecimal.ONE, null), "SkuPrice.priceEnd", T0.toString()),
                bad("NodeType NaN cores", () -> new NodeType("a", "i3.xlarge", Double.NaN, 1, 0), "NodeType.coreCount", "NaN"),
                bad("ClusterVersion max below min", () -> new ClusterVersion("a", "ws", "c", null, null, T0, null, null,
                        4L, 2L, null, null, null, "UI", null, null, null), "maxAutoscaleWorkers", "(2)", "(4)"),
                bad("ClusterVersion blank id", () -> new ClusterVersion("a", "ws", " ", null, null, T0, null, null,
                        null, null, null, null, null, "UI", null, null, null), "ClusterVersion.clusterId"),
                bad("ClusterVersion null tag", () -> new ClusterVersion("a", "ws", "c", null, null, T0, null, null,
                        null, null, null, null, null, "UI", nullValued("team"), null, null), "ClusterVersion.tags", "team=null"),
                bad("WorkUnitRun attempt 0", () -> new WorkUnitRun("a", JOB, "r1", T0, T1, null, null, 0, List.of()),
                        "WorkUnitRun.attempt", "0"),
                bad("WorkUnitRun ends before start", () -> new WorkUnitRun("a", JOB, "r1", T1, T0, null, null, 1, List.of()),
                        "WorkUnitRun.end"),
                bad("WorkUnitRun null compute id", () -> new WorkUnitRun("a", JOB, "r1", T0, T1, null, null, 1,
                        Arrays.asList("c1", null)), "WorkUnitRun.computeIds"),
                bad("UsageLineItem priced without cost", () -> usage(PriceStatus.PRICED, null, null), "PRICED", "r-1"),
                bad("UsageLineItem unpriced with cost", () -> usage(PriceStatus.NO_PRICE, BigDecimal.ONE, Money.usd("1")),
                        "NO_PRICE"),
                bad("HourlyUtilisation mid-hour", () -> new HourlyUtilisation("a", "ws", "c", T0.plusSeconds(60), 1, 1, 1, 1, 60),
                        "HourlyUtilisation.hour", "10:01"),
                bad("HourlyUtilisation cpu over 100", () -> new HourlyUtilisation("a", "ws", "c", T0, 101, 1, 1, 1, 60),
                        "HourlyUtilisation.avgCpuPercent", "101"),
                bad("QueryRecord negative duration", () -> new QueryRecord("a", "ws", "s", null, null, "FINISHED", T0, T1,
                        Duration.ofSeconds(-1), 0, null), "QueryRecord.totalDuration", "PT-1S"),
                bad("TeamMembership blank team", () -> new TeamMembership("*@x.com", " "), "TeamMembership.team"),
                bad("CostAllocation share over 1", () -> new CostAllocation("a", D, "r", OwnerKind.TEAM, "t",
                        new BigDecimal("1.5"), Money.usd("1"), "rule", Confidence.EXACT), "CostAllocation.share", "1.5"),
                bad("CostAllocation unattributed mismatch", () -> new CostAllocation("a", D, "r", OwnerKind.UNATTRIBUTED,
                        "unattributed", BigDecimal.ONE, Money.usd("1"), "fallback", Confidence.EXACT), "UNATTRIBUTED"),
                bad("SignificanceScore over 100", () -> new SignificanceScore("a", JOB, T0, 100.5, Money.usd("1"), null,
                        Set.of(Badge.GROWING)), "SignificanceScore.score", "100.5"),
                bad("InsightType not kebab", () -> new InsightType("Idle Cluster"), "InsightType.value", "'Idle Cluster'"),
                bad("Insight id not derived", () -> new Insight("ins-x", "a", InsightType.IDLE_CLUSTER, Severity.HIGH,
                        SUBJECT, WINDOW, Money.usd("1"), EVIDENCE, "lakesentry.idle-cluster", Map.of(), T1), "Insight.id", "'ins-x'"),
                bad("Evidence blank summary", () -> new Evidence(" ", null, null, null), "Evidence.summary"),
                bad("TimeWindow reversed", () -> new TimeWindow(T1, T0), "TimeWindow.end"),
                bad("ActionPlan without changes", () -> new ActionPlan("p", "a", "i", ActionType.TERMINATE_CLUSTER, TARGET,
                        List.of(), Money.usd("1"), RiskTier.REVIEW, false, T0), "ActionPlan 'p'", "at least one field"),
                bad("ActionRecord read-only", () -> new ActionRecord("r", "a", "p", "t", ExecutionMode.READ_ONLY,
                        ActionOutcome.STARTED, List.of(), null, "alice", T0), "ActionRecord.mode"),
                bad("InsightReview snooze without until", () -> new InsightReview("r", "a", "i", InsightReviewAction.SNOOZE,
                        new Reviewer("alice"), T0, null, null), "InsightReview.snoozeUntil", "SNOOZE"),
                bad("Reviewer bare policy", () -> new Reviewer("policy:"), "policy id"),
                bad("AllocationShare over 100", () -> new AllocationShare(OwnerKind.TEAM, "t", new BigDecimal("100.01")),
                        "AllocationShare.percent", "100.01", "'t'"),
                bad("AllocationShare unattributed", () -> new AllocationShare(OwnerKind.UNATTRIBUTED, "t", BigDecimal.TEN),
                        "AllocationShare.ownerKind"),
                bad("AttributionDecision not 100", () -> new AttributionDecision("split", Confidence.EXACT, List.of(
                        new AllocationShare(OwnerKind.TEAM, "a", new BigDecimal("60")),
                        new AllocationShare(OwnerKind.TEAM, "b", new BigDecimal("30")))), "'split'", "90", "total 100"),
                bad("Partition reversed", () -> new Partition("a", D, D.minusDays(1)), "Partition.to", "2025-03-03"),
                bad("StageRequest other account", () -> new StageRequest("a", RunMode.INCREMENTAL,
                        List.of(Partition.day("b", D)), T0), "'a'", "'b'"),
                bad("StageResult failed without error", () -> new StageResult(StageName.TRANSFORMATION, "a", T0, List.of(),
                        0, 0, null, T0, T1, StageOutcome.FAILED, null), "StageResult.error", "FAILED"),
                bad("LedgerScope negative horizon", () -> new LedgerScope("a", List.of(), T0, Duration.ofDays(-1), List.of()),
                        "LedgerScope.correctionHorizon", "PT-24H")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void refusesWithAClearMessage(String name, ThrowingCallable construction, List<String> fragments) {
        var assertion = assertThatThrownBy(construction).isInstanceOf(IllegalArgumentException.class);
        for (String fragment : fragments) {
            assertion.hasMessageContaining(fragment);
        }
    }

    @Test
    void validValuesConstructAndCopyCollections() {
        Map<String, String> tags = new HashMap<>(Map.of("team", "analytics"));
        ClusterVersion v = new ClusterVersion("a", "ws", "c", "n", "o", T0, null, null, 2L, 6L, "i3", "i3", 60L, "UI",
                tags, T0, null);
        tags.put("team", "changed");
        assertThat(v.tags()).containsEntry("team", "analytics");
        assertThat(v.autoscales()).isTrue();
        assertThat(v.allPurpose()).isTrue();
        assertThatCode(() -> usage(PriceStatus.PRICED, new BigDecimal("0.15"), Money.usd("0.6375"))).doesNotThrowAnyException();
        Insight i = Insight.of("a", InsightType.IDLE_CLUSTER, Severity.HIGH, SUBJECT, WINDOW, Money.usd("1"), EVIDENCE,
                "lakesentry.idle-cluster", Map.of("threshold", "5"), T1);
        assertThat(i.id()).isEqualTo(Insight.idOf("a", InsightType.IDLE_CLUSTER, SUBJECT, WINDOW)).startsWith("ins-");
        assertThat(Insight.idOf("a", InsightType.IDLE_CLUSTER, SUBJECT, new TimeWindow(T0, T1.plusSeconds(1))))
                .isNotEqualTo(i.id());
        assertThat(ActionPlan.idOf(i.id(), ActionType.TERMINATE_CLUSTER, TARGET)).startsWith("plan-").hasSize(29);
        assertThat(new FieldChange("state", "RUNNING", "TERMINATED").inverse())
                .isEqualTo(new FieldChange("state", "TERMINATED", "RUNNING"));
        assertThat(new WorkUnitRun("a", JOB, "r", T0, T1, "FAILED", null, 1, null).failed()).isTrue();
        assertThat(new WorkUnitRun("a", JOB, "r", T0, T1, "SUCCEEDED", null, 1, null).failed()).isFalse();
        assertThat(Reviewer.policy("nightly").isPolicy()).isTrue();
    }

    @Test
    void membershipsMatchExactlyOrByGlob() {
        assertThat(new TeamMembership("*@analytics.example.com", "analytics").matches("Ann@Analytics.example.com")).isTrue();
        assertThat(new TeamMembership("svc-etl-?", "data-eng").matches("svc-etl-1")).isTrue();
        assertThat(new TeamMembership("svc-etl-?", "data-eng").matches("svc-etl-10")).isFalse();
        assertThat(new TeamMembership("a.b@x.com", "t").matches("aXb@x.com")).isFalse();
        assertThat(new TeamMembership("a.b@x.com", "t").matches(null)).isFalse();
    }

    private static UsageLineItem usage(PriceStatus status, BigDecimal unitPrice, Money cost) {
        return new UsageLineItem("a", "r-1", "ws", D, T0, T1, "PREMIUM_JOBS_COMPUTE", "AWS", "DBU",
                new BigDecimal("4.25"), RecordType.ORIGINAL, D, "JOBS", JOB, "c", null, "837261947261", null, null,
                null, null, "svc@x.com", null, Map.of(), false, unitPrice, cost, status, true);
    }

    private static Map<String, String> nullValued(String key) {
        Map<String, String> m = new HashMap<>();
        m.put(key, null);
        return m;
    }

    private static Arguments bad(String name, ThrowingCallable construction, String... fragments) {
        return Arguments.of(name, construction, List.of(fragments));
    }
}
