package dev.lakesentry.detectors;

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
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Oversized clusters: for each hour a cluster ran in the look-back (whole UTC days before the as-of
 * day), the fewest workers that would have kept p95 CPU under {@code cpuTargetPercent} and average
 * memory under {@code memoryTargetPercent} given the workers running; the median of that over the hours
 * (rounded up) against the configured size (fixed worker count, or the autoscaling minimum). An excess
 * of 1 worker is low, 2 medium, 3 or more high. The monthly saving is the excess workers' cost at the
 * cluster's cost per node-hour over the hours it ran, projected to 30 days.
 *
 * @since 0.1.0
 */
public final class OversizedClusterDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.oversized-cluster";

    private final int lookBackDays;
    private final double cpuTarget;
    private final double memoryTarget;
    private final int minIntervals;
    private final boolean allPurposeOnly;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public OversizedClusterDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public OversizedClusterDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBackDays = s.integer("lookBackDays", 7, 1);
        cpuTarget = s.number("cpuTargetPercent", 85, 1, 100);
        memoryTarget = s.number("memoryTargetPercent", 90, 1, 100);
        minIntervals = s.integer("minIntervals", 6, 1);
        allPurposeOnly = s.flag("allPurposeOnly", true);
        parameters = s.finish();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The fewest workers that keep CPU and memory under the targets, given the hour's load; 0 when no worker ran. */
    int neededWorkers(HourlyUtilisation u) {
        int workers = u.nodeCount() - 1;
        if (workers <= 0) {
            return 0;
        }
        int cpu = (int) Math.floor(workers * u.p95CpuPercent() / cpuTarget) + 1;
        int memory = (int) Math.floor(workers * u.avgMemoryPercent() / memoryTarget) + 1;
        return Math.max(1, Math.max(cpu, memory));
    }

    @Override
    public List<Insight> detect(DetectionContext context) {
        LocalDate lastDay = Support.lastCompleteDay(context.asOf());
        Instant to = Support.startOf(lastDay.plusDays(1));
        Clusters clusters = new Clusters(context, to.minus(java.time.Duration.ofDays(lookBackDays)), to);
        List<Insight> out = new ArrayList<>();
        for (Map.Entry<String, List<HourlyUtilisation>> e : clusters.utilisation.entrySet()) {
            Map<Instant, List<HourlyUtilisation>> byVersion = new TreeMap<>();
            Map<Instant, ClusterVersion> versions = new TreeMap<>();
            for (HourlyUtilisation u : e.getValue()) {
                Optional<ClusterVersion> v = clusters.versionAt(e.getKey(), u.hour());
                if (v.isEmpty() || (allPurposeOnly && !v.get().allPurpose()) || neededWorkers(u) == 0) {
                    continue;
                }
                versions.put(v.get().validFrom(), v.get());
                byVersion.computeIfAbsent(v.get().validFrom(), k -> new ArrayList<>()).add(u);
            }
            byVersion.forEach((validFrom, hours) -> {
                Insight i = examine(context, clusters, e.getKey(), versions.get(validFrom), hours);
                if (i != null) {
                    out.add(i);
                }
            });
        }
        return Support.ordered(out);
    }

    private Insight examine(DetectionContext context, Clusters clusters, String key, ClusterVersion v,
                            List<HourlyUtilisation> hours) {
        Long configured = v.autoscales() ? v.minAutoscaleWorkers() : v.workerCount();
        if (configured == null || hours.size() < minIntervals) {
            return null;
        }
        double[] needed = hours.stream().mapToDouble(this::neededWorkers).toArray();
        int median = (int) Math.ceil(new Median().evaluate(needed));
        long excess = configured - median;
        if (excess < 1) {
            return null;
        }
        Severity severity = excess >= 3 ? Severity.HIGH : excess == 2 ? Severity.MEDIUM : Severity.LOW;
        long nodeHours = clusters.utilisation.get(key).stream().mapToLong(HourlyUtilisation::nodeCount).sum();
        BigDecimal cost = ResourceCosts.sum(clusters.costs.rows(key));
        BigDecimal perNodeHour = nodeHours == 0 ? BigDecimal.ZERO
                : cost.divide(BigDecimal.valueOf(nodeHours), 6, RoundingMode.HALF_EVEN);
        BigDecimal saving = perNodeHour.multiply(BigDecimal.valueOf(excess)).multiply(BigDecimal.valueOf(hours.size()));
        BigDecimal monthly = Support.monthly(saving, lookBackDays);
        String currency = clusters.costs.currency(key).getCurrencyCode();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("configuredWorkers", String.valueOf(configured));
        figures.put("sizing", v.autoscales() ? "autoscaling minimum" : "fixed worker count");
        figures.put("medianNeededWorkers", String.valueOf(median));
        figures.put("excessWorkers", String.valueOf(excess));
        figures.put("intervals", String.valueOf(hours.size()));
        figures.put("cpuTargetPercent", Support.fmt(cpuTarget));
        figures.put("memoryTargetPercent", Support.fmt(memoryTarget));
        figures.put("costPerNodeHour", Support.fmt(perNodeHour));
        figures.put("lookBackSaving", Support.fmt(saving));
        String summary = "Cluster " + v.clusterId() + " is configured with " + configured + " workers but "
                + median + " would have kept CPU under " + Support.fmt(cpuTarget) + " % and memory under "
                + Support.fmt(memoryTarget) + " % in the median of " + hours.size() + " hours; "
                + excess + " excess worker(s), about " + Support.fmt(monthly) + " " + currency + " a month";
        List<SeriesPoint> series = new ArrayList<>();
        List<LedgerRowRef> rows = new ArrayList<>();
        rows.add(Clusters.versionRow(v));
        for (HourlyUtilisation u : hours) {
            series.add(new SeriesPoint(u.hour(), BigDecimal.valueOf(neededWorkers(u)), neededWorkers(u) < configured));
            rows.add(Clusters.utilisationRow(u));
        }
        Instant start = hours.get(0).hour();
        Instant end = hours.get(hours.size() - 1).hour().plus(Clusters.HOUR);
        return Insight.of(context.accountId(), InsightType.OVERSIZED_CLUSTER, severity,
                new Subject(SubjectKind.CLUSTER, v.clusterId(), v.workspaceId()), new TimeWindow(start, end),
                new Money(monthly, clusters.costs.currency(key)), new Evidence(summary, figures, series, rows), ID,
                parameters, context.asOf());
    }
}
