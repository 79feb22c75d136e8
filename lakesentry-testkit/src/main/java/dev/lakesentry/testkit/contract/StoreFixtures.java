package dev.lakesentry.testkit.contract;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.PrincipalKind;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.RecordType;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.ledger.Workspace;
import dev.lakesentry.api.metrics.Badge;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.OwnerKind;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionOutcome;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionRecord;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.ExecutionMode;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.push.PushEnvelope;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import dev.lakesentry.api.push.WatermarkRange;
import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.InsightReviewAction;
import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.store.LedgerActivity;
import dev.lakesentry.api.store.LedgerReference;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Small, hand-made records of every layer for {@link StoreContract}: one account, a few rows each, values
 * chosen to catch lossy storage (micro-second instants, 18-digit fractions, nulls, nested maps).
 *
 * @since 0.1.0
 */
public final class StoreFixtures {
    /** The account every fixture belongs to. */
    public static final String ACCOUNT = "acc-contract";
    /** Another account, to check that reads never cross accounts. */
    public static final String OTHER_ACCOUNT = "acc-other";
    /** The workspace of every fixture. */
    public static final String WORKSPACE = "1234567890";
    /** The first usage day of the fixtures. */
    public static final LocalDate DAY = LocalDate.of(2025, 3, 4);

    private StoreFixtures() {
    }

    /** An instant on {@link #DAY} with microseconds, {@code hour:minute} UTC. */
    public static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute, 7, 123_456_000).toInstant(ZoneOffset.UTC);
    }

    /** A billing usage record as the Statement Execution API delivers it: strings, nested values as maps. */
    public static SourceRecord billingRecord(String recordId, LocalDate day, String quantity) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("record_id", recordId);
        v.put("account_id", ACCOUNT);
        v.put("workspace_id", WORKSPACE);
        v.put("sku_name", "PREMIUM_JOBS_COMPUTE");
        v.put("cloud", "AWS");
        v.put("usage_start_time", day + "T10:00:00.000Z");
        v.put("usage_end_time", day + "T11:00:00.000Z");
        v.put("usage_date", day.toString());
        v.put("custom_tags", Map.of("team", "data-eng", "cost-center", "42"));
        v.put("usage_unit", "DBU");
        v.put("usage_quantity", quantity);
        v.put("usage_metadata", mapWithNulls("cluster_id", "0304-abc", "job_id", "987", "warehouse_id", null));
        v.put("identity_metadata", Map.of("run_as", "svc@example.com"));
        v.put("record_type", "ORIGINAL");
        v.put("ingestion_date", day.plusDays(1).toString());
        v.put("billing_origin_product", "JOBS");
        v.put("product_features", Map.of("is_serverless", false, "jobs_tier", "CLASSIC"));
        v.put("usage_type", "COMPUTE_TIME");
        return new SourceRecord(v);
    }

    private static Map<String, Object> mapWithNulls(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** {@code count} billing records {@code <prefix>-0 …} on {@link #DAY}. */
    public static List<SourceRecord> billingRecords(String prefix, int count) {
        List<SourceRecord> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(billingRecord(prefix + "-" + i, DAY, "1.5" + i));
        }
        return out;
    }

    /** A complete billing push of the records. */
    public static PushEnvelope billingPush(String extractionId, String accountId, List<SourceRecord> records) {
        return PushEnvelope.create(extractionId, "conn-1", accountId, SystemTable.BILLING_USAGE,
                new WatermarkRange(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0)), records);
    }

    /** A workspaces snapshot push. */
    public static PushEnvelope workspacesPush(String extractionId, String... names) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            records.add(SourceRecord.of(Map.of("account_id", ACCOUNT, "workspace_id", "ws-" + i, "workspace_name", names[i],
                    "create_time", "2024-01-02 03:04:05.678901")));
        }
        return PushEnvelope.create(extractionId, "conn-1", ACCOUNT, SystemTable.WORKSPACES_LATEST, null, records);
    }

    // ---- ledger

    public static WorkUnitRef job(String id) {
        return new WorkUnitRef(WorkUnitType.JOB, WORKSPACE, id);
    }

    /** One of each undated ledger entity, with nulls and tags. */
    public static LedgerReference reference() {
        return new LedgerReference(
                List.of(new Workspace(ACCOUNT, WORKSPACE, "prod", "https://prod.cloud.databricks.com", "RUNNING",
                                at(DAY.minusYears(1), 9, 0)),
                        new Workspace(ACCOUNT, "222", null, null, null, null)),
                List.of(new WarehouseVersion(ACCOUNT, WORKSPACE, "wh-1", "bi", "PRO", "SMALL", 1, 4, 10,
                        Map.of("owner", "bi-team"), at(DAY, 1, 0), at(DAY, 5, 0), null)),
                List.of(new SkuPrice(ACCOUNT, "PREMIUM_JOBS_COMPUTE", "AWS", Money.USD, "DBU", at(DAY.minusDays(30), 0, 0),
                                null, new BigDecimal("0.15"), new BigDecimal("0.2")),
                        new SkuPrice(ACCOUNT, "TINY_SKU", "AWS", Money.USD, "DBU", at(DAY.minusDays(30), 0, 0),
                                at(DAY, 0, 0), new BigDecimal("0.000000000000000001"), null)),
                List.of(new NodeType(ACCOUNT, "i3.xlarge", 4.0, 31_232, 0)),
                List.of(new Identity(ACCOUNT, "ana@example.com", PrincipalKind.USER, "data-eng"),
                        new Identity(ACCOUNT, "svc-etl", PrincipalKind.SERVICE_PRINCIPAL, null)),
                List.of(new ClusterVersion(ACCOUNT, WORKSPACE, "0304-abc", "etl", "ana@example.com", at(DAY, 2, 0), null,
                                null, 2L, 8L, "i3.xlarge", "i3.xlarge", 30L, "UI", Map.of("team", "data-eng"),
                                at(DAY, 2, 0), null),
                        new ClusterVersion(ACCOUNT, WORKSPACE, "0304-abc", "etl", "ana@example.com", at(DAY, 1, 0),
                                at(DAY, 2, 0), 4L, null, null, "i3.xlarge", "i3.xlarge", null, "UI", Map.of(),
                                at(DAY, 1, 0), null)),
                List.of(new WorkUnit(ACCOUNT, job("987"), "nightly", "svc-etl", Map.of("team", "data-eng"), at(DAY, 0, 0),
                                null),
                        new WorkUnit(ACCOUNT, new WorkUnitRef(WorkUnitType.SQL_WAREHOUSE, WORKSPACE, "wh-1"), null, null,
                                Map.of(), at(DAY, 0, 0), at(DAY, 23, 0))));
    }

    /** A usage line item on the day, priced at 0.15 USD per DBU. */
    public static UsageLineItem usage(String recordId, LocalDate day, String quantity) {
        return usage(recordId, day, quantity, "0.15");
    }

    /** A usage line item on the day at the given unit price. */
    public static UsageLineItem usage(String recordId, LocalDate day, String quantity, String unitPrice) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal price = new BigDecimal(unitPrice);
        return new UsageLineItem(ACCOUNT, recordId, WORKSPACE, day, at(day, 10, 0), at(day, 11, 0), "PREMIUM_JOBS_COMPUTE",
                "AWS", "DBU", q, RecordType.ORIGINAL, day.plusDays(1), "JOBS", job("987"), "0304-abc", null, "987",
                "555", null, null, null, "svc-etl", null, Map.of("team", "data-eng"), false, price,
                Money.usd(q.multiply(price)), PriceStatus.PRICED, true);
    }

    /** An unpriced serverless usage line item without a work unit. */
    public static UsageLineItem unpricedUsage(String recordId, LocalDate day) {
        return new UsageLineItem(ACCOUNT, recordId, null, day, at(day, 3, 0), at(day, 4, 0), "UNKNOWN_SKU", "AWS", "DBU",
                new BigDecimal("-2.5"), RecordType.RETRACTION, day.plusDays(2), null, null, null, null, null, null, null,
                null, null, null, null, Map.of(), true, null, null, PriceStatus.NO_PRICE, false);
    }

    /** One of each dated ledger entity on the day. */
    public static LedgerActivity activity(LocalDate day) {
        return new LedgerActivity(
                List.of(usage("rec-" + day + "-1", day, "1.25"), unpricedUsage("rec-" + day + "-2", day)),
                List.of(new WorkUnitRun(ACCOUNT, job("987"), "run-" + day, at(day, 10, 0), at(day, 10, 45), "SUCCEEDED",
                                "CRON", 1, List.of("0304-abc", "wh-1")),
                        new WorkUnitRun(ACCOUNT, job("987"), "run-" + day + "-b", at(day, 12, 0), at(day, 12, 1), null,
                                null, 2, List.of())),
                List.of(new WarehouseUptime(ACCOUNT, WORKSPACE, "wh-1", at(day, 8, 0), at(day, 9, 30), 2)),
                List.of(new QueryRecord(ACCOUNT, WORKSPACE, "stmt-" + day, "wh-1", "ana@example.com", "FINISHED",
                                at(day, 8, 10), at(day, 8, 11), Duration.ofMillis(61_234), 1_000_000L, job("987")),
                        new QueryRecord(ACCOUNT, WORKSPACE, "stmt-" + day + "-b", null, null, "FAILED", at(day, 9, 0),
                                at(day, 9, 0), Duration.ZERO, 0L, null)),
                List.of(new HourlyUtilisation(ACCOUNT, WORKSPACE, "0304-abc", day.atTime(10, 0).toInstant(ZoneOffset.UTC),
                        12.5, 87.25, 40.125, 3, 180)),
                List.of(new ServingDailyRequests(ACCOUNT, WORKSPACE, "ep-1", day, 1200, 50_000, 75_000)));
    }

    // ---- metrics, insights, plans

    public static CostAllocation allocation(LocalDate day, String recordId, String team, String amount) {
        return new CostAllocation(ACCOUNT, day, recordId, OwnerKind.TEAM, team, new BigDecimal("0.5"), Money.usd(amount),
                "rule-1", Confidence.EXACT);
    }

    public static CostAllocation unattributed(LocalDate day, String recordId, String amount) {
        return new CostAllocation(ACCOUNT, day, recordId, OwnerKind.UNATTRIBUTED, CostAllocation.UNATTRIBUTED,
                new BigDecimal("0.5"), Money.usd(amount), "fallback", Confidence.UNATTRIBUTED);
    }

    public static DailyCost dailyCost(LocalDate day, CostDimension dimension, String key, String cost) {
        return new DailyCost(ACCOUNT, day, dimension, key, Money.usd(cost), new BigDecimal("10.5"), 1);
    }

    public static SignificanceScore score(String jobId, Instant asOf, double score) {
        return new SignificanceScore(ACCOUNT, job(jobId), asOf, score, Money.usd("123.456"),
                Map.of("cost", 0.1 + 0.2, "frequency", 12.5, "reliability", 1.0 / 3), Set.of(Badge.TOP_SPENDER, Badge.GROWING));
    }

    public static Insight insight(String clusterId, Severity severity) {
        Subject subject = new Subject(SubjectKind.CLUSTER, clusterId, WORKSPACE);
        TimeWindow window = new TimeWindow(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0));
        Evidence evidence = new Evidence("idle 20 of 24 hours", Map.of("idle_hours", "20", "threshold", "5.0"),
                List.of(new SeriesPoint(at(DAY, 0, 0), new BigDecimal("1E+3"), false),
                        new SeriesPoint(at(DAY, 1, 0), new BigDecimal("4.250"), true)),
                List.of(new LedgerRowRef("ledger_hourly_utilisation", clusterId + "@" + DAY)));
        return Insight.of(ACCOUNT, InsightType.IDLE_CLUSTER, severity, subject, window, Money.usd("812.4000001"), evidence,
                "lakesentry.idle-cluster", Map.of("idle_threshold", "5"), at(DAY.plusDays(1), 1, 0));
    }

    public static ActionPlan plan(Insight insight, boolean reversible) {
        Target target = new Target(TargetKind.CLUSTER, WORKSPACE, insight.subject().id());
        return new ActionPlan(ActionPlan.idOf(insight.id(), ActionType.SET_CLUSTER_AUTO_TERMINATION, target), ACCOUNT,
                insight.id(), ActionType.SET_CLUSTER_AUTO_TERMINATION, target,
                List.of(new FieldChange("autotermination_minutes", null, "30"), new FieldChange("note", "a\"b\\c\n", "")),
                Money.usd("500.25"), RiskTier.REVIEW, reversible, at(DAY.plusDays(1), 2, 0));
    }

    public static InsightReview insightReview(String id, String insightId, Instant at) {
        return new InsightReview(id, ACCOUNT, insightId, InsightReviewAction.SNOOZE, new Reviewer("ana"), at,
                at.plus(Duration.ofDays(7)), "back next week");
    }

    public static PlanReview planReview(String id, String planId, Instant at) {
        return new PlanReview(id, ACCOUNT, planId, PlanDecision.APPROVE, Reviewer.policy("auto-small"), at, null);
    }

    public static ActionRecord actionRecord(String id, String planId, ActionOutcome outcome, Instant at) {
        return new ActionRecord(id, ACCOUNT, planId, "attempt-1", ExecutionMode.APPLY, outcome,
                List.of(new FieldChange("autotermination_minutes", null, "30")), outcome == ActionOutcome.FAILED ? "boom" : null,
                "scheduler", at);
    }
}
