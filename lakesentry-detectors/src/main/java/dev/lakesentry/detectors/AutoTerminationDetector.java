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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Auto-termination disabled or too long: all-purpose clusters whose configuration at the as-of time
 * has auto-termination off ({@code 0} or none) or above {@code maxMinutes}, not deleted, and (unless
 * {@code requireActivity} is off) that ran or were billed in the look-back (whole UTC days before the
 * as-of day). Disabled is high; above twice {@code maxMinutes} medium; otherwise low. The monthly
 * saving is the idle time beyond {@code recommendedMinutes} at the end of each idle run in the
 * look-back, at the cluster's average hourly cost, projected to 30 days.
 *
 * @since 0.1.0
 */
public final class AutoTerminationDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.auto-termination";

    private final int lookBackDays;
    private final long maxMinutes;
    private final long recommendedMinutes;
    private final double cpuThreshold;
    private final boolean requireActivity;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public AutoTerminationDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public AutoTerminationDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        lookBackDays = s.integer("lookBackDays", 7, 1);
        maxMinutes = s.integer("maxMinutes", 120, 1);
        recommendedMinutes = s.integer("recommendedMinutes", 60, 10);
        cpuThreshold = s.number("cpuThresholdPercent", 5.0, 0, 100);
        requireActivity = s.flag("requireActivity", true);
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
        LocalDate lastDay = Support.lastCompleteDay(context.asOf());
        Instant to = Support.startOf(lastDay.plusDays(1));
        Instant from = to.minus(Duration.ofDays(lookBackDays));
        Clusters clusters = new Clusters(context, from, to);
        List<Insight> out = new ArrayList<>();
        for (String key : clusters.versions.keySet()) {
            Optional<ClusterVersion> current = clusters.versionAt(key, context.asOf());
            if (current.isEmpty()) {
                continue;
            }
            ClusterVersion v = current.get();
            boolean deleted = v.deleteTime() != null && !v.deleteTime().isAfter(context.asOf());
            boolean ended = v.validTo() != null && !v.validTo().isAfter(context.asOf());
            Long minutes = v.autoTerminationMinutes();
            boolean disabled = minutes == null || minutes == 0;
            if (!v.allPurpose() || deleted || ended || (!disabled && minutes <= maxMinutes)) {
                continue;
            }
            boolean active = clusters.runningHours(key) > 0 || !clusters.costs.rows(key).isEmpty();
            if (requireActivity && !active) {
                continue;
            }
            out.add(insight(context, clusters, key, v, disabled, from, to));
        }
        return Support.ordered(out);
    }

    private Insight insight(DetectionContext context, Clusters clusters, String key, ClusterVersion v,
                            boolean disabled, Instant from, Instant to) {
        Severity severity = disabled ? Severity.HIGH
                : v.autoTerminationMinutes() > 2 * maxMinutes ? Severity.MEDIUM : Severity.LOW;
        double avoidableHours = 0;
        List<Clusters.Streak> streaks = clusters.idleStreaks(key, cpuThreshold);
        List<HourlyUtilisation> idleHours = new ArrayList<>();
        for (Clusters.Streak s : streaks) {
            avoidableHours += Math.max(0, s.length() - recommendedMinutes / 60.0);
            idleHours.addAll(s.hours());
        }
        BigDecimal hourly = clusters.averageHourlyCost(key);
        BigDecimal saving = hourly.multiply(BigDecimal.valueOf(avoidableHours));
        BigDecimal monthly = Support.monthly(saving, lookBackDays);
        String currency = clusters.costs.currency(key).getCurrencyCode();
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("autoTerminationMinutes", disabled ? "disabled" : String.valueOf(v.autoTerminationMinutes()));
        figures.put("maxMinutes", String.valueOf(maxMinutes));
        figures.put("recommendedMinutes", String.valueOf(recommendedMinutes));
        figures.put("runningHours", String.valueOf(clusters.runningHours(key)));
        figures.put("idleRuns", String.valueOf(streaks.size()));
        figures.put("avoidableIdleHours", Support.fmt(avoidableHours));
        figures.put("averageHourlyCost", Support.fmt(hourly));
        String summary = "All-purpose cluster " + v.clusterId() + " has auto-termination "
                + (disabled ? "disabled" : "set to " + v.autoTerminationMinutes() + " minutes (above " + maxMinutes + ")")
                + "; " + Support.fmt(avoidableHours) + " idle hours in the last " + lookBackDays
                + " days would have been saved at " + recommendedMinutes + " minutes, about " + Support.fmt(monthly)
                + " " + currency + " a month";
        List<SeriesPoint> series = new ArrayList<>();
        for (HourlyUtilisation u : clusters.utilisation.getOrDefault(key, List.of())) {
            series.add(new SeriesPoint(u.hour(), BigDecimal.valueOf(u.avgCpuPercent()), idleHours.contains(u)));
        }
        List<LedgerRowRef> rows = new ArrayList<>();
        rows.add(Clusters.versionRow(v));
        idleHours.forEach(u -> rows.add(Clusters.utilisationRow(u)));
        return Insight.of(context.accountId(), InsightType.AUTO_TERMINATION_DISABLED, severity,
                new Subject(SubjectKind.CLUSTER, v.clusterId(), v.workspaceId()), new TimeWindow(from, to),
                new Money(monthly, clusters.costs.currency(key)), new Evidence(summary, figures, series, rows), ID,
                parameters, context.asOf());
    }
}
