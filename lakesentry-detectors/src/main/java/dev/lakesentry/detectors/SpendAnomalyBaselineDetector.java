package dev.lakesentry.detectors;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Spend anomalies by the published LakeSentry method, kept for comparison: per daily cost series, the
 * mean and standard deviation of the {@code baselineDays} days before the recent window (days with
 * rows, at least {@code minPoints}); a recent day is flagged when its z-score is at least
 * {@code zThreshold} or its cost at least {@code ratioThreshold} times the mean, and the whole recent
 * window when its average is; only when the mean is at least {@code minBaseline} and the increase at
 * least {@code minIncrease}. A series with zero standard deviation never flags. See the module README.
 *
 * @since 0.1.0
 */
public final class SpendAnomalyBaselineDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.spend-anomaly-baseline";

    private final int baselineDays;
    private final int recentDays;
    private final int minPoints;
    private final double zThreshold;
    private final double ratioThreshold;
    private final BigDecimal minBaseline;
    private final BigDecimal minIncrease;
    private final Set<SpendSeries.Dimension> dimensions;
    private final int maxEvidenceRows;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public SpendAnomalyBaselineDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public SpendAnomalyBaselineDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        baselineDays = s.integer("baselineDays", 30, 2);
        recentDays = s.integer("recentDays", 2, 1);
        minPoints = s.integer("minPoints", 5, 2);
        zThreshold = s.number("zThreshold", 2.0, 0, 1000);
        ratioThreshold = s.number("ratioThreshold", 2.5, 1, 1000);
        minBaseline = s.money("minBaseline", "10");
        minIncrease = s.money("minIncrease", "50");
        dimensions = SpendSeries.Dimension.parse(ID, s.text("dimensions", "work-unit,workspace,sku,team"));
        maxEvidenceRows = s.integer("maxEvidenceRows", 100, 1);
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
        LocalDate recentStart = lastDay.minusDays(recentDays - 1L);
        LocalDate baseStart = recentStart.minusDays(baselineDays);
        List<Insight> out = new ArrayList<>();
        for (SpendSeries.Series series : SpendSeries.build(context, dimensions, baseStart, lastDay)) {
            DescriptiveStatistics stats = new DescriptiveStatistics();
            series.costs().subMap(baseStart, recentStart).values().forEach(v -> stats.addValue(v.doubleValue()));
            if (stats.getN() < minPoints) {
                continue;
            }
            double mean = stats.getMean();
            double sd = stats.getStandardDeviation();
            if (!(sd > 0) || mean < minBaseline.doubleValue()) {
                continue;
            }
            BigDecimal meanMoney = BigDecimal.valueOf(mean);
            SortedMap<LocalDate, SpendFinding.Day> flagged = new TreeMap<>();
            double recentSum = 0;
            for (LocalDate d = recentStart; !d.isAfter(lastDay); d = d.plusDays(1)) {
                double x = series.cost(d).doubleValue();
                recentSum += x;
                double z = (x - mean) / sd;
                boolean unusual = z >= zThreshold || x >= ratioThreshold * mean;
                if (unusual && x - mean >= minIncrease.doubleValue()) {
                    flagged.put(d, new SpendFinding.Day(series.cost(d), meanMoney, z));
                }
            }
            double recentAverage = recentSum / recentDays;
            if (flagged.isEmpty() && recentAverage >= ratioThreshold * mean
                    && recentAverage - mean >= minIncrease.doubleValue()) {
                for (LocalDate d = recentStart; !d.isAfter(lastDay); d = d.plusDays(1)) {
                    double x = series.cost(d).doubleValue();
                    if (x > mean) {
                        flagged.put(d, new SpendFinding.Day(series.cost(d), meanMoney, (x - mean) / sd));
                    }
                }
            }
            if (flagged.isEmpty()) {
                continue;
            }
            Map<String, String> figures = new LinkedHashMap<>();
            figures.put("baselineFrom", baseStart.toString());
            figures.put("baselineTo", recentStart.minusDays(1).toString());
            figures.put("baselinePoints", String.valueOf(stats.getN()));
            figures.put("baselineMean", Support.fmt(mean));
            figures.put("baselineStdDev", Support.fmt(sd));
            figures.put("recentAverage", Support.fmt(recentAverage));
            figures.put("recentRatio", Support.fmt(recentAverage / mean));
            out.add(SpendFinding.insight(context, this, series, baseStart, lastDay, flagged, figures, "z =",
                    maxEvidenceRows));
        }
        return Support.ordered(out);
    }
}
