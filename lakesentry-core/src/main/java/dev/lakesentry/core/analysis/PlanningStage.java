package dev.lakesentry.core.analysis;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.ActionType;
import dev.lakesentry.api.plan.FieldChange;
import dev.lakesentry.api.plan.RiskTier;
import dev.lakesentry.api.plan.Target;
import dev.lakesentry.api.plan.TargetKind;
import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.api.store.PlanWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns actionable insights into action plans: data, never executed here. Each plan names the action,
 * the target, the exact field changes with the current setting they replace (read from the ledger's
 * latest configuration), the estimated monthly saving (the insight's), the risk tier and whether the
 * change can be undone.
 *
 * <table>
 *   <caption>Plans by insight type</caption>
 *   <tr><th>insight</th><th>action</th><th>change</th><th>tier</th></tr>
 *   <tr><td>idle-cluster</td><td>terminate-cluster</td><td>state RUNNING → TERMINATED</td><td>review</td></tr>
 *   <tr><td>auto-termination-disabled</td><td>set-cluster-auto-termination</td><td>autotermination_minutes → 60</td><td>auto</td></tr>
 *   <tr><td>oversized-cluster</td><td>set-cluster-autoscale</td><td>autoscale.max_workers → the recommended size</td><td>review</td></tr>
 *   <tr><td>idle-warehouse</td><td>set-warehouse-auto-stop</td><td>auto_stop_mins → 10</td><td>auto</td></tr>
 *   <tr><td>job-failure-rate-jump</td><td>pause-job-schedule</td><td>schedule.pause_status UNPAUSED → PAUSED</td><td>review</td></tr>
 * </table>
 * Other insight types have no automatic remedy and get no plan.
 */
public final class PlanningStage {
    static final long TARGET_AUTO_TERMINATION_MINUTES = 60;
    static final long TARGET_AUTO_STOP_MINUTES = 10;

    private final LedgerReader ledger;
    private final InsightReader insights;
    private final PlanWriter writer;

    public PlanningStage(LedgerReader ledger, InsightReader insights, PlanWriter writer) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.insights = Objects.requireNonNull(insights, "insights");
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /** Plans for the account's insights as of {@code asOf}; upserts them. */
    public List<ActionPlan> run(String accountId, Instant asOf) {
        List<ActionPlan> plans = plan(accountId, asOf);
        writer.upsert(plans);
        return plans;
    }

    /** The plans, without writing them, by id. */
    public List<ActionPlan> plan(String accountId, Instant asOf) {
        Map<String, ClusterVersion> clusters = new HashMap<>();
        for (ClusterVersion c : ledger.clusters(accountId)) {
            if (!c.validFrom().isAfter(asOf)) {
                clusters.merge(c.workspaceId() + "/" + c.clusterId(), c, (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
            }
        }
        Map<String, WarehouseVersion> warehouses = new HashMap<>();
        for (WarehouseVersion w : ledger.warehouses(accountId)) {
            if (!w.validFrom().isAfter(asOf)) {
                warehouses.merge(w.workspaceId() + "/" + w.warehouseId(), w, (a, b) -> a.validFrom().isAfter(b.validFrom()) ? a : b);
            }
        }
        List<ActionPlan> out = new ArrayList<>();
        for (Insight i : insights.insights(accountId)) {
            plan(i, clusters, warehouses, asOf).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(ActionPlan::id));
        return List.copyOf(out);
    }

    private Optional<ActionPlan> plan(Insight i, Map<String, ClusterVersion> clusters, Map<String, WarehouseVersion> warehouses,
                                      Instant asOf) {
        String ws = i.subject().workspaceId();
        if (ws == null) {
            return Optional.empty();
        }
        String id = i.subject().id();
        InsightType type = i.type();
        if (type.equals(InsightType.IDLE_CLUSTER) && i.subject().kind() == SubjectKind.CLUSTER) {
            return Optional.of(plan(i, ActionType.TERMINATE_CLUSTER, new Target(TargetKind.CLUSTER, ws, id),
                    List.of(new FieldChange("state", "RUNNING", "TERMINATED")), RiskTier.REVIEW, true, asOf));
        }
        if (type.equals(InsightType.AUTO_TERMINATION_DISABLED) && i.subject().kind() == SubjectKind.CLUSTER) {
            ClusterVersion c = clusters.get(ws + "/" + id);
            String before = c == null || c.autoTerminationMinutes() == null ? "0" : c.autoTerminationMinutes().toString();
            return Optional.of(plan(i, ActionType.SET_CLUSTER_AUTO_TERMINATION, new Target(TargetKind.CLUSTER, ws, id),
                    List.of(new FieldChange("autotermination_minutes", before, Long.toString(TARGET_AUTO_TERMINATION_MINUTES))),
                    RiskTier.AUTO, true, asOf));
        }
        if (type.equals(InsightType.OVERSIZED_CLUSTER) && i.subject().kind() == SubjectKind.CLUSTER) {
            ClusterVersion c = clusters.get(ws + "/" + id);
            String recommended = figure(i, "recommended_workers", "recommendedWorkers");
            if (c == null || recommended == null) {
                return Optional.empty();
            }
            List<FieldChange> changes = c.autoscales()
                    ? List.of(new FieldChange("autoscale.max_workers", String.valueOf(c.maxAutoscaleWorkers()), recommended))
                    : List.of(new FieldChange("num_workers", String.valueOf(c.workerCount()), recommended));
            return Optional.of(plan(i, ActionType.SET_CLUSTER_AUTOSCALE, new Target(TargetKind.CLUSTER, ws, id), changes,
                    RiskTier.REVIEW, true, asOf));
        }
        if (type.equals(InsightType.IDLE_WAREHOUSE) && i.subject().kind() == SubjectKind.SQL_WAREHOUSE) {
            WarehouseVersion w = warehouses.get(ws + "/" + id);
            String before = w == null || w.autoStopMinutes() == null ? null : w.autoStopMinutes().toString();
            if (before != null && Long.parseLong(before) > 0 && Long.parseLong(before) <= TARGET_AUTO_STOP_MINUTES) {
                return Optional.empty();
            }
            return Optional.of(plan(i, ActionType.SET_WAREHOUSE_AUTO_STOP, new Target(TargetKind.SQL_WAREHOUSE, ws, id),
                    List.of(new FieldChange("auto_stop_mins", before, Long.toString(TARGET_AUTO_STOP_MINUTES))),
                    RiskTier.AUTO, true, asOf));
        }
        if (type.equals(InsightType.JOB_FAILURE_RATE_JUMP)
                && (i.subject().kind() == SubjectKind.JOB || i.subject().kind() == SubjectKind.WORK_UNIT)) {
            String jobId = id.contains(":") ? id.substring(id.lastIndexOf(':') + 1) : id;
            return Optional.of(plan(i, ActionType.PAUSE_JOB_SCHEDULE, new Target(TargetKind.JOB, ws, jobId),
                    List.of(new FieldChange("schedule.pause_status", "UNPAUSED", "PAUSED")), RiskTier.REVIEW, true, asOf));
        }
        return Optional.empty();
    }

    private static ActionPlan plan(Insight i, ActionType type, Target target, List<FieldChange> changes, RiskTier tier,
                                   boolean reversible, Instant asOf) {
        return new ActionPlan(ActionPlan.idOf(i.id(), type, target), i.accountId(), i.id(), type, target, changes,
                i.estimatedMonthlyImpact(), tier, reversible, asOf);
    }

    private static String figure(Insight i, String... keys) {
        for (String k : keys) {
            String v = i.evidence().figures().get(k);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
