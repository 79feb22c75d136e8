package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.Severity;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Job duration regressions: per job, the successful runs that started in the {@code recent} window
 * before the as-of time against the successful runs of the {@code baseline} window before it (at least
 * {@code minBaselineRuns}); a recent run is flagged when its duration's z-score is at least
 * {@code zThreshold} and it ran at least {@code minIncrease} longer than the baseline mean. Severity by
 * the flagged runs' mean duration over the baseline mean: low below 1.5×, medium from 1.5×, high from
 * 2×, critical from 3×.
 *
 * @since 0.1.0
 */
public final class JobDurationRegressionDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.job-duration-regression";

    private final Duration baseline;
    private final Duration recent;
    private final int minBaselineRuns;
    private final double zThreshold;
    private final Duration minIncrease;
    private final double relativeScaleFloor;
    private final int minFlaggedRuns;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public JobDurationRegressionDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public JobDurationRegressionDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        baseline = s.duration("baseline", Duration.ofDays(30), Duration.ofHours(1));
        recent = s.duration("recent", Duration.ofDays(2), Duration.ofMinutes(1));
        minBaselineRuns = s.integer("minBaselineRuns", 5, 2);
        zThreshold = s.number("zThreshold", 2.5, 0, 1000);
        minIncrease = s.duration("minIncrease", Duration.ofMinutes(5), Duration.ZERO);
        relativeScaleFloor = s.number("relativeScaleFloor", 0.05, 0, 10);
        minFlaggedRuns = s.integer("minFlaggedRuns", 1, 1);
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
            List<WorkUnitRun> ok = all.stream().filter(r -> !r.failed() && isSuccess(r)).toList();
            List<WorkUnitRun> base = ok.stream().filter(r -> r.start().isBefore(recentFrom)).toList();
            List<WorkUnitRun> now = ok.stream().filter(r -> !r.start().isBefore(recentFrom)).toList();
            if (base.size() < minBaselineRuns || now.isEmpty()) {
                return;
            }
            DescriptiveStatistics stats = new DescriptiveStatistics();
            base.forEach(r -> stats.addValue(r.duration().toSeconds()));
            double mean = stats.getMean();
            double scale = Math.max(stats.getStandardDeviation(), Math.max(relativeScaleFloor * mean, 1.0));
            Set<WorkUnitRun> flagged = new LinkedHashSet<>();
            double maxZ = 0;
            for (WorkUnitRun r : now) {
                double secs = r.duration().toSeconds();
                double z = (secs - mean) / scale;
                if (z >= zThreshold && secs - mean >= minIncrease.toSeconds()) {
                    flagged.add(r);
                    maxZ = Math.max(maxZ, z);
                }
            }
            // A regression is the recent runs being slower; minFlaggedRuns above 1 asks for that many slow
            // runs (all of them when fewer ran) rather than one slow run.
            if (flagged.isEmpty() || flagged.size() < Math.min(minFlaggedRuns, now.size())) {
                return;
            }
            double flaggedMean = flagged.stream().mapToDouble(r -> r.duration().toSeconds()).average().orElse(mean);
            double ratio = mean > 0 ? flaggedMean / mean : Double.MAX_VALUE;
            Severity severity = Support.bands(ratio, 1.5, 2, 3);
            double perHour = JobRuns.costPerRunHour(costs, key, all);
            double runsPerMonth = all.size() * 30.0 / Math.max(1.0, Duration.between(from, asOf).toHours() / 24.0);
            double extraHoursPerRun = (flaggedMean - mean) / 3600.0;
            BigDecimal monthly = Support.atLeastZero(BigDecimal.valueOf(perHour * extraHoursPerRun * runsPerMonth)
                    .setScale(6, RoundingMode.HALF_EVEN));
            WorkUnitRun firstRun = flagged.iterator().next();
            Instant start = flagged.stream().map(WorkUnitRun::start).min(Instant::compareTo).orElse(firstRun.start());
            Instant end = flagged.stream().map(WorkUnitRun::end).max(Instant::compareTo).orElse(firstRun.end());
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("baselineRuns", String.valueOf(base.size()));
            figures.put("baselineMeanMinutes", Support.fmt(mean / 60));
            figures.put("baselineStdDevMinutes", Support.fmt(stats.getStandardDeviation() / 60));
            figures.put("recentRuns", String.valueOf(now.size()));
            figures.put("flaggedRuns", String.valueOf(flagged.size()));
            figures.put("flaggedMeanMinutes", Support.fmt(flaggedMean / 60));
            figures.put("maxZ", Support.fmt(maxZ));
            figures.put("ratio", Support.fmt(ratio));
            figures.put("costPerRunHour", Support.fmt(perHour));
            figures.put("runsPerMonth", Support.fmt(runsPerMonth));
            WorkUnitRun any = all.get(0);
            String summary = JobRuns.describe(any.workUnit()) + ": " + flagged.size() + " recent run(s) took "
                    + Support.fmt(flaggedMean / 60) + " min on average against a baseline of " + Support.fmt(mean / 60)
                    + " min over " + base.size() + " runs (z up to " + Support.fmt(maxZ) + ")";
            List<LedgerRowRef> rows = new ArrayList<>();
            flagged.forEach(r -> rows.add(JobRuns.row(r)));
            base.forEach(r -> rows.add(JobRuns.row(r)));
            Evidence evidence = new Evidence(summary, figures, JobRuns.durationPoints(ok, flagged), rows);
            out.add(Insight.of(context.accountId(), InsightType.JOB_DURATION_REGRESSION, severity,
                    JobRuns.subject(any.workUnit()), new TimeWindow(start, end.isAfter(asOf) ? asOf : end),
                    new Money(monthly, costs.currency(key)), evidence, ID, parameters, asOf));
        });
        return Support.ordered(out);
    }

    private static boolean isSuccess(WorkUnitRun r) {
        return "SUCCEEDED".equals(r.resultState()) || "SUCCESS".equals(r.resultState());
    }
}
