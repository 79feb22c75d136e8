package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.ledger.WorkUnitRun;
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

/**
 * Job failure-rate jumps: per job, the share of failed runs among the finished runs (skipped and
 * cancelled runs left out) that started in the {@code recent} window against the {@code baseline}
 * window before it; flagged when it rose by at least {@code minIncreasePoints} percentage points, with
 * at least {@code minRecentRuns} recent and {@code minBaselineRuns} baseline runs. Severity by the rise:
 * low below 25 points, medium from 25, high from 40, critical from 60.
 *
 * @since 0.1.0
 */
public final class JobFailureRateDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.job-failure-rate";

    private final Duration baseline;
    private final Duration recent;
    private final int minBaselineRuns;
    private final int minRecentRuns;
    private final double minIncreasePoints;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public JobFailureRateDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public JobFailureRateDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        baseline = s.duration("baseline", Duration.ofDays(30), Duration.ofHours(1));
        recent = s.duration("recent", Duration.ofDays(7), Duration.ofMinutes(1));
        minBaselineRuns = s.integer("minBaselineRuns", 5, 1);
        minRecentRuns = s.integer("minRecentRuns", 3, 1);
        minIncreasePoints = s.number("minIncreasePoints", 15, 0, 100);
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
        Instant recentFrom = asOf.minus(recent);
        Instant from = recentFrom.minus(baseline);
        Map<String, List<WorkUnitRun>> byJob = JobRuns.byJob(context, from, asOf);
        if (byJob.isEmpty()) {
            return List.of();
        }
        ResourceCosts costs = JobRuns.costs(context, from, asOf);
        List<Insight> out = new ArrayList<>();
        byJob.forEach((key, all) -> {
            List<WorkUnitRun> counted = all.stream().filter(JobFailureRateDetector::counts).toList();
            List<WorkUnitRun> base = counted.stream().filter(r -> r.start().isBefore(recentFrom)).toList();
            List<WorkUnitRun> now = counted.stream().filter(r -> !r.start().isBefore(recentFrom)).toList();
            if (base.size() < minBaselineRuns || now.size() < minRecentRuns) {
                return;
            }
            double baseRate = base.stream().filter(WorkUnitRun::failed).count() / (double) base.size();
            List<WorkUnitRun> failedNow = now.stream().filter(WorkUnitRun::failed).toList();
            double nowRate = failedNow.size() / (double) now.size();
            double points = (nowRate - baseRate) * 100;
            if (points < minIncreasePoints || failedNow.isEmpty()) {
                return;
            }
            double costPerRun = ResourceCosts.sum(costs.rows(key)).doubleValue() / all.size();
            double runsPerMonth = all.size() * 30.0 / Math.max(1.0, Duration.between(from, asOf).toHours() / 24.0);
            BigDecimal monthly = Support.atLeastZero(BigDecimal.valueOf(costPerRun * (nowRate - baseRate) * runsPerMonth)
                    .setScale(6, RoundingMode.HALF_EVEN));
            Instant start = failedNow.stream().map(WorkUnitRun::start).min(Instant::compareTo).orElseThrow();
            Instant end = failedNow.stream().map(WorkUnitRun::end).max(Instant::compareTo).orElseThrow();
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("baselineRuns", String.valueOf(base.size()));
            figures.put("baselineFailureRate", Support.fmt(baseRate * 100));
            figures.put("recentRuns", String.valueOf(now.size()));
            figures.put("recentFailures", String.valueOf(failedNow.size()));
            figures.put("recentFailureRate", Support.fmt(nowRate * 100));
            figures.put("increasePoints", Support.fmt(points));
            figures.put("costPerRun", Support.fmt(costPerRun));
            WorkUnitRun any = all.get(0);
            String summary = JobRuns.describe(any.workUnit()) + ": " + failedNow.size() + " of " + now.size()
                    + " recent runs failed (" + Support.fmt(nowRate * 100) + " %) against " + Support.fmt(baseRate * 100)
                    + " % of " + base.size() + " baseline runs, up " + Support.fmt(points) + " points";
            List<SeriesPoint> series = counted.stream().map(r -> new SeriesPoint(r.start(),
                    r.failed() ? BigDecimal.ONE : BigDecimal.ZERO, r.failed() && !r.start().isBefore(recentFrom))).toList();
            List<LedgerRowRef> rows = counted.stream().map(JobRuns::row).toList();
            out.add(Insight.of(context.accountId(), InsightType.JOB_FAILURE_RATE_JUMP,
                    Support.bands(points, 25, 40, 60), JobRuns.subject(any.workUnit()),
                    new TimeWindow(start, end.isAfter(asOf) ? asOf : end), new Money(monthly, costs.currency(key)),
                    new Evidence(summary, figures, series, rows), ID, parameters, asOf));
        });
        return Support.ordered(out);
    }

    private static boolean counts(WorkUnitRun r) {
        String s = r.resultState();
        return s != null && !(s.equals("SKIPPED") || s.equals("CANCELLED") || s.equals("CANCELED"));
    }
}
