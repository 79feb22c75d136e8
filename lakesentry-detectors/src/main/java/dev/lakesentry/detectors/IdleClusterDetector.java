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
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Idle all-purpose clusters: runs of at least {@code minIdleHours} consecutive hours in the look-back in
 * which an all-purpose cluster ran with CPU below {@code cpuThresholdPercent} throughout the hour (the
 * hour's 95th percentile of node-minute CPU; {@code hourStatistic=average} uses the hour's average) and
 * that together ran at least {@code minIdleHours} hours (hours the cluster ran only part of count
 * their running minutes, estimated as node-minute samples over nodes). One insight per
 * run of idle hours; severity low below {@code mediumHours}, medium from it, high from
 * {@code highHours}, critical from {@code criticalHours}. Waste = hourly cost × idle hours; the monthly
 * estimate projects the look-back's idle waste to 30 days.
 *
 * @since 0.1.0
 */
public final class IdleClusterDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.idle-cluster";

    private final Duration lookBack;
    private final double cpuThreshold;
    private final int minIdleHours;
    private final boolean throughout;
    private final int mediumHours;
    private final int highHours;
    private final int criticalHours;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public IdleClusterDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public IdleClusterDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBack = s.duration("lookBack", Duration.ofDays(7), Duration.ofHours(1));
        cpuThreshold = s.number("cpuThresholdPercent", 5.0, 0, 100);
        minIdleHours = s.integer("minIdleHours", 2, 1);
        throughout = s.choice("hourStatistic", "p95", "p95", "average").equals("p95");
        mediumHours = s.integer("mediumHours", 2, 1);
        highHours = s.integer("highHours", 6, 1);
        criticalHours = s.integer("criticalHours", 12, 1);
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

    @Override
    public List<Insight> detect(DetectionContext context) {
        Instant asOf = context.asOf();
        Clusters clusters = new Clusters(context, asOf.minus(lookBack), asOf);
        List<Insight> out = new ArrayList<>();
        for (String key : clusters.utilisation.keySet()) {
            for (Clusters.Streak streak : clusters.idleStreaks(key, cpuThreshold, throughout)) {
                if (streak.length() < minIdleHours || streak.runningMinutes() < minIdleHours * 60.0) {
                    continue;
                }
                Optional<ClusterVersion> version = clusters.versionAt(key, streak.start());
                if (version.isEmpty() || !version.get().allPurpose()) {
                    continue;
                }
                out.add(insight(context, clusters, streak, version.get()));
            }
        }
        return Support.ordered(out);
    }

    private Insight insight(DetectionContext context, Clusters clusters, Clusters.Streak streak, ClusterVersion v) {
        List<UsageLineItem> used = new ArrayList<>();
        BigDecimal waste = clusters.costOf(streak.key(), streak.start(), streak.end(), used);
        BigDecimal hourly = waste.divide(BigDecimal.valueOf(streak.length()), 6, RoundingMode.HALF_EVEN);
        BigDecimal monthly = waste.multiply(Support.DAYS_PER_MONTH)
                .divide(BigDecimal.valueOf(clusters.days()), 6, RoundingMode.HALF_EVEN);
        double avgCpu = streak.hours().stream().mapToDouble(HourlyUtilisation::avgCpuPercent).average().orElse(0);
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("idleHours", String.valueOf(streak.length()));
        figures.put("averageCpuPercent", Support.fmt(avgCpu));
        figures.put("maxP95CpuPercent", Support.fmt(
                streak.hours().stream().mapToDouble(HourlyUtilisation::p95CpuPercent).max().orElse(0)));
        figures.put("hourStatistic", throughout ? "p95" : "average");
        figures.put("runningMinutes", Support.fmt(streak.runningMinutes()));
        figures.put("cpuThresholdPercent", Support.fmt(cpuThreshold));
        figures.put("hourlyCost", Support.fmt(hourly));
        figures.put("waste", Support.fmt(waste));
        figures.put("costSource", used.isEmpty() ? "average hourly cost in the look-back" : "usage rows of the idle hours");
        figures.put("lookBackDays", Support.fmt(clusters.days()));
        figures.put("autoTerminationMinutes", String.valueOf(v.autoTerminationMinutes()));
        String currency = clusters.costs.currency(streak.key()).getCurrencyCode();
        String summary = "All-purpose cluster " + v.clusterId() + " ran " + streak.length() + " consecutive hours with CPU under "
                + Support.fmt(cpuThreshold) + " % (average " + Support.fmt(avgCpu) + " %) from " + streak.start()
                + ", wasting about " + Support.fmt(waste) + " " + currency;
        List<SeriesPoint> series = new ArrayList<>();
        Instant from = streak.start().minus(Duration.ofHours(6));
        Instant to = streak.end().plus(Duration.ofHours(6));
        for (HourlyUtilisation u : clusters.utilisation.get(streak.key())) {
            if (!u.hour().isBefore(from) && u.hour().isBefore(to)) {
                series.add(new SeriesPoint(u.hour(), BigDecimal.valueOf(u.avgCpuPercent()), streak.hours().contains(u)));
            }
        }
        List<LedgerRowRef> rows = new ArrayList<>();
        rows.add(Clusters.versionRow(v));
        streak.hours().forEach(u -> rows.add(Clusters.utilisationRow(u)));
        rows.addAll(Clusters.usageRows(used));
        int h = streak.length();
        Severity severity = h >= criticalHours ? Severity.CRITICAL : h >= highHours ? Severity.HIGH
                : h >= mediumHours ? Severity.MEDIUM : Severity.LOW;
        return Insight.of(context.accountId(), InsightType.IDLE_CLUSTER, severity,
                new Subject(SubjectKind.CLUSTER, v.clusterId(), v.workspaceId()),
                new TimeWindow(streak.start(), streak.end()), new Money(monthly, clusters.costs.currency(streak.key())),
                new Evidence(summary, figures, series, rows), ID, parameters, context.asOf());
    }
}
