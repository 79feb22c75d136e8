package dev.lakesentry.runner.report;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.plan.ActionPlan;
import dev.lakesentry.api.plan.PlanStatus;
import dev.lakesentry.api.store.Store;
import dev.lakesentry.core.LakeSentry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything the summary and the report show about one account, read once from the store.
 *
 * @param accountId   the account
 * @param store       the store's description
 * @param asOf        the data's own latest time
 * @param skuLines    the SKU cost export
 * @param teamLines   the team cost export
 * @param insights    insights, most severe and costly first
 * @param plans       plans, largest saving first
 * @param planStatus  plan id to its status, derived from reviews, age and the action log
 * @param scores      the latest significance scores, highest first
 * @param names       work-unit key to its name
 * @param detectors   the detector ids in use
 */
public record ReportData(String accountId, String store, Instant asOf, List<CostExport.SkuLine> skuLines,
                        List<CostExport.TeamLine> teamLines, List<Insight> insights, List<ActionPlan> plans,
                        Map<String, PlanStatus> planStatus, List<SignificanceScore> scores, Map<String, String> names,
                        List<String> detectors) {

    /** The insight types that describe spend going wrong rather than resources wasted. */
    static final Set<String> NOT_WASTE = Set.of(InsightType.SPEND_ANOMALY.value(), InsightType.JOB_DURATION_REGRESSION.value(),
            InsightType.JOB_FAILURE_RATE_JUMP.value());

    /** Reads an account's figures from the store. */
    public static ReportData load(LakeSentry lakeSentry, String accountId) {
        Store store = lakeSentry.store();
        List<UsageLineItem> usage = store.ledgerReader().usage(accountId, CostExport.FIRST_DAY, CostExport.LAST_DAY);
        Set<LocalDate> provisional = usage.stream().filter(UsageLineItem::provisional).map(UsageLineItem::usageDate)
                .collect(Collectors.toCollection(TreeSet::new));
        List<CostExport.TeamLine> team = CostExport.byTeam(
                store.metricsReader().dailyCosts(accountId, CostDimension.TEAM, CostExport.FIRST_DAY, CostExport.LAST_DAY),
                provisional);
        List<Insight> insights = store.insightReader().insights(accountId).stream()
                .sorted(Comparator.comparing(Insight::severity).reversed()
                        .thenComparing(i -> i.estimatedMonthlyImpact().amount(), Comparator.reverseOrder())
                        .thenComparing(Insight::id))
                .toList();
        List<ActionPlan> plans = store.planReader().plans(accountId).stream()
                .sorted(Comparator.comparing((ActionPlan p) -> p.estimatedMonthlySaving().amount()).reversed()
                        .thenComparing(ActionPlan::id))
                .toList();
        Map<String, PlanStatus> status = new HashMap<>();
        plans.forEach(p -> status.put(p.id(), lakeSentry.planStatus(accountId, p.id()).status()));
        List<SignificanceScore> scores = store.metricsReader().latestScores(accountId).stream()
                .sorted(Comparator.comparingDouble(SignificanceScore::score).reversed()
                        .thenComparing(s -> s.workUnit().key()))
                .toList();
        Map<String, String> names = new HashMap<>();
        for (WorkUnit w : store.ledgerReader().workUnits(accountId)) {
            if (w.name() != null) {
                names.put(w.ref().key(), w.name());
            }
        }
        return new ReportData(accountId, store.describe(), lakeSentry.dataAsOf(accountId), CostExport.bySku(usage), team,
                insights, plans, Map.copyOf(status), scores, Map.copyOf(names), lakeSentry.plugins().detectors().stream()
                .map(d -> d.id()).sorted().toList());
    }

    /** A work unit's name, or its type and id. */
    public String name(WorkUnitRef ref) {
        String n = names.get(ref.key());
        return n != null ? n : ref.type().name().toLowerCase(java.util.Locale.ROOT) + " " + ref.externalId();
    }

    /** Total list cost per currency (the SKU export's total). */
    public Map<String, BigDecimal> totals() {
        return CostExport.skuTotals(skuLines);
    }

    /** The currency with the largest total (USD for Databricks list prices). */
    public String mainCurrency() {
        return totals().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD");
    }

    /** The first and last usage day, or {@code null}s when there is no usage. */
    public LocalDate firstDay() {
        return skuLines.stream().map(CostExport.SkuLine::usageDate).min(LocalDate::compareTo).orElse(null);
    }

    /** The last usage day. */
    public LocalDate lastDay() {
        return skuLines.stream().map(CostExport.SkuLine::usageDate).max(LocalDate::compareTo).orElse(null);
    }

    /** Attributed cost per owner in the main currency, largest first, the unattributed bucket last. */
    public Map<String, BigDecimal> teamTotals() {
        Map<String, BigDecimal> sums = new HashMap<>();
        teamLines.stream().filter(l -> l.currency().equals(mainCurrency())).forEach(l -> sums.merge(l.team(), l.cost(), BigDecimal::add));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getKey().equals("unattributed"))
                        .thenComparing(Map.Entry.comparingByValue(Comparator.reverseOrder())).thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Attributed cost per day and owner in the main currency. */
    public Map<LocalDate, Map<String, BigDecimal>> dailyByTeam() {
        Map<LocalDate, Map<String, BigDecimal>> out = new TreeMap<>();
        teamLines.stream().filter(l -> l.currency().equals(mainCurrency()))
                .forEach(l -> out.computeIfAbsent(l.usageDate(), d -> new HashMap<>()).merge(l.team(), l.cost(), BigDecimal::add));
        return out;
    }

    /** List cost per SKU in the main currency, largest first. */
    public Map<String, BigDecimal> skuTotalsByName() {
        Map<String, BigDecimal> sums = new HashMap<>();
        skuLines.stream().filter(l -> l.currency().equals(mainCurrency())).forEach(l -> sums.merge(l.skuName(), l.listCost(), BigDecimal::add));
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Rows no price matched. */
    public long unpricedRows() {
        return skuLines.stream().mapToLong(CostExport.SkuLine::unpricedRows).sum();
    }

    /** Waste insights (everything but spend anomalies and job regressions) grouped by type: count, impact, plan savings. */
    public Map<String, WasteType> wasteByType() {
        Map<String, BigDecimal> planSavings = new HashMap<>();
        plans.forEach(p -> planSavings.merge(p.insightId(), p.estimatedMonthlySaving().amount(), BigDecimal::add));
        Map<String, WasteType> out = new TreeMap<>();
        for (Insight i : insights) {
            if (NOT_WASTE.contains(i.type().value())) {
                continue;
            }
            WasteType add = new WasteType(i.type().value(), 1, i.estimatedMonthlyImpact().amount(),
                    planSavings.getOrDefault(i.id(), BigDecimal.ZERO));
            out.merge(i.type().value(), add, (a, b) -> new WasteType(a.type(), a.count() + b.count(),
                    a.monthlyImpact().add(b.monthlyImpact()), a.planSavings().add(b.planSavings())));
        }
        return out;
    }

    /** Spend anomalies, largest impact first. */
    public List<Insight> spendAnomalies() {
        return insights.stream().filter(i -> i.type().equals(InsightType.SPEND_ANOMALY))
                .sorted(Comparator.comparing((Insight i) -> i.estimatedMonthlyImpact().amount()).reversed()).toList();
    }

    /**
     * Waste of one insight type.
     *
     * @param type          the insight type
     * @param count         how many insights
     * @param monthlyImpact their summed estimated monthly impact
     * @param planSavings   the summed estimated monthly saving of their plans
     */
    public record WasteType(String type, int count, BigDecimal monthlyImpact, BigDecimal planSavings) {
    }
}
