package dev.lakesentry.detectors;

import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import dev.lakesentry.api.spi.PluginConfig;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * LakeSentry's default spend anomaly detector: robust, seasonal and self-correcting. Per daily cost
 * series it expects each day to cost the median of the same weekday in the baseline (the overall
 * median when a weekday has too few points), measures spread as the scaled median absolute deviation
 * of the residuals (with floors), keeps past anomalies out of the baseline (days flagged by its earlier
 * insights, then iterative trimming), flags recent days whose robust score and dollar increase pass
 * the thresholds, and treats a rise that has persisted for {@code shiftDays}, or that recurs on the
 * same weekday for {@code weekdayShiftWeeks} weeks, as the new normal. See
 * the module README for the method, the settings and the severity cut-offs.
 *
 * @since 0.1.0
 */
public final class SpendAnomalyDetector implements Detector {

    /** The detector's id. */
    public static final String ID = "lakesentry.spend-anomaly";

    /** Makes the median absolute deviation a consistent estimator of a normal standard deviation. */
    static final double MAD_SCALE = 1.4826;

    private final int baselineDays;
    private final int recentDays;
    private final int minBaselinePoints;
    private final double threshold;
    private final BigDecimal minIncrease;
    private final BigDecimal minDailyCost;
    private final double relativeScaleFloor;
    private final BigDecimal absoluteScaleFloor;
    private final int minLikeWeekdays;
    private final int trimIterations;
    private final int shiftDays;
    private final double shiftFraction;
    private final int weekdayShiftWeeks;
    private final boolean usePreviousInsights;
    private final Set<SpendSeries.Dimension> dimensions;
    private final int maxEvidenceRows;
    private final Map<String, String> parameters;

    /** With the default settings. */
    public SpendAnomalyDetector() {
        this(PluginConfig.empty());
    }

    /**
     * With the given settings (see the module README).
     *
     * @throws dev.lakesentry.api.ConfigurationException naming the key when a setting is invalid or unknown
     */
    public SpendAnomalyDetector(PluginConfig config) {
        Settings s = new Settings(ID, config);
        baselineDays = s.integer("baselineDays", 35, 7);
        recentDays = s.integer("recentDays", 2, 1);
        minBaselinePoints = s.integer("minBaselinePoints", 10, 3);
        threshold = s.number("threshold", 3.5, 0.5, 1000);
        minIncrease = s.money("minIncrease", "50");
        minDailyCost = s.money("minDailyCost", "10");
        relativeScaleFloor = s.number("relativeScaleFloor", 0.10, 0, 10);
        absoluteScaleFloor = s.money("absoluteScaleFloor", "5");
        minLikeWeekdays = s.integer("minLikeWeekdays", 3, 1);
        trimIterations = s.integer("trimIterations", 5, 0);
        shiftDays = s.integer("shiftDays", 7, 2);
        shiftFraction = s.number("shiftFraction", 0.7, 0.1, 1);
        weekdayShiftWeeks = s.integer("weekdayShiftWeeks", 2, 1);
        usePreviousInsights = s.flag("usePreviousInsights", true);
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
        LocalDate poolStart = recentStart.minusDays(baselineDays);
        List<Insight> previous = usePreviousInsights ? Support.previousInsights(context) : List.of();
        List<Insight> out = new ArrayList<>();
        for (SpendSeries.Series series : SpendSeries.build(context, dimensions, poolStart, lastDay)) {
            Insight insight = examine(context, series, poolStart, recentStart, lastDay, previous);
            if (insight != null) {
                out.add(insight);
            }
        }
        return Support.ordered(out);
    }

    private Insight examine(DetectionContext context, SpendSeries.Series series, LocalDate poolStart,
                            LocalDate recentStart, LocalDate lastDay, List<Insight> previous) {
        LocalDate first = series.firstDay().isAfter(poolStart) ? series.firstDay() : poolStart;
        Set<LocalDate> excluded = previouslyFlagged(series, previous);
        List<LocalDate> pool = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(recentStart); d = d.plusDays(1)) {
            if (!excluded.contains(d)) {
                pool.add(d);
            }
        }
        int excludedCount = (int) excluded.stream().filter(d -> !d.isBefore(first) && d.isBefore(recentStart)).count();
        if (pool.size() < minBaselinePoints) {
            return null;
        }
        // A rise that has lasted shiftDays (most days high against the baseline before it, the first one
        // too) is the new normal: the baseline restarts at the earliest such day.
        LocalDate shiftStart = null;
        for (LocalDate k = lastDay.minusDays(shiftDays - 1L); !k.isBefore(first); k = k.minusDays(1)) {
            LocalDate start = k;
            List<LocalDate> before = pool.stream().filter(d -> d.isBefore(start)).toList();
            if (before.size() < minBaselinePoints) {
                break;
            }
            Model prior = fitTrimmed(series, before);
            if (!isHigh(prior, series, k)) {
                continue;
            }
            int high = 0;
            int length = 0;
            for (LocalDate d = k; !d.isAfter(lastDay); d = d.plusDays(1)) {
                length++;
                high += isHigh(prior, series, d) ? 1 : 0;
            }
            if ((double) high / length >= shiftFraction) {
                shiftStart = k;
            }
        }
        Model model;
        if (shiftStart != null) {
            List<LocalDate> newPool = new ArrayList<>();
            for (LocalDate d = shiftStart; d.isBefore(recentStart); d = d.plusDays(1)) {
                newPool.add(d);
            }
            if (newPool.size() < Math.max(3, shiftDays - recentDays)) {
                return null;
            }
            model = fitTrimmed(series, newPool);
        } else {
            model = fitTrimmed(series, pool);
        }
        SortedMap<LocalDate, SpendFinding.Day> flagged = new TreeMap<>();
        for (LocalDate d = recentStart; !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (isHigh(model, series, d) && !repeatsWeekly(model, series, d, first)) {
                double e = model.expected(d);
                flagged.put(d, new SpendFinding.Day(series.cost(d), BigDecimal.valueOf(e),
                        (series.cost(d).doubleValue() - e) / model.scale(d)));
            }
        }
        if (flagged.isEmpty()) {
            return null;
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("baselineFrom", model.days.get(0).toString());
        figures.put("baselineTo", model.days.get(model.days.size() - 1).toString());
        figures.put("baselinePoints", String.valueOf(model.days.size()));
        figures.put("trimmedPoints", String.valueOf(model.trimmed));
        figures.put("excludedAsPastAnomalies", String.valueOf(excludedCount));
        figures.put("baselineMedian", Support.fmt(model.median));
        figures.put("robustScale", Support.fmt(model.mad));
        figures.put("weekdaySeasonality", String.valueOf(!model.weekdayMedians.isEmpty()));
        if (shiftStart != null) {
            figures.put("levelShiftSince", shiftStart.toString());
        }
        return SpendFinding.insight(context, this, series, poolStart, lastDay, flagged, figures, "robust z =",
                maxEvidenceRows);
    }

    private Set<LocalDate> previouslyFlagged(SpendSeries.Series series, List<Insight> previous) {
        Set<LocalDate> days = new TreeSet<>();
        for (Insight i : previous) {
            if (i.type().equals(InsightType.SPEND_ANOMALY) && i.detectorId().equals(ID)
                    && i.subject().equals(series.subject())) {
                for (SeriesPoint p : i.evidence().series()) {
                    if (p.flagged()) {
                        days.add(LocalDate.ofInstant(p.at(), ZoneOffset.UTC));
                    }
                }
            }
        }
        return days;
    }

    /**
     * Whether the rise on {@code d} was there on the same weekday in each of the
     * {@code weekdayShiftWeeks - 1} weeks before: a rise that recurs every week on that weekday (spend
     * that now runs every weekend, say) is that weekday's new normal, as a lasting rise on every day is.
     */
    private boolean repeatsWeekly(Model model, SpendSeries.Series series, LocalDate d, LocalDate first) {
        if (weekdayShiftWeeks < 2) {
            return false;
        }
        for (int w = 1; w < weekdayShiftWeeks; w++) {
            LocalDate earlier = d.minusWeeks(w);
            if (earlier.isBefore(first) || !isHigh(model, series, earlier)) {
                return false;
            }
        }
        return true;
    }

    private boolean isHigh(Model model, SpendSeries.Series series, LocalDate d) {
        double x = series.cost(d).doubleValue();
        double excess = x - model.expected(d);
        return excess / model.scale(d) >= threshold && excess >= minIncrease.doubleValue()
                && x >= minDailyCost.doubleValue();
    }

    private Model fitTrimmed(SpendSeries.Series series, List<LocalDate> pool) {
        List<LocalDate> kept = new ArrayList<>(pool);
        Model model = fit(series, kept, 0);
        for (int i = 0; i < trimIterations; i++) {
            List<LocalDate> next = new ArrayList<>();
            for (LocalDate d : kept) {
                double r = Math.abs(series.cost(d).doubleValue() - model.expected(d)) / model.scale(d);
                if (r <= threshold) {
                    next.add(d);
                }
            }
            if (next.size() == kept.size() || next.size() < minBaselinePoints) {
                break;
            }
            kept = next;
            model = fit(series, kept, pool.size() - kept.size());
        }
        return model;
    }

    private Model fit(SpendSeries.Series series, List<LocalDate> days, int trimmed) {
        Median median = new Median();
        double[] all = days.stream().mapToDouble(d -> series.cost(d).doubleValue()).toArray();
        double overall = median.evaluate(all);
        Map<DayOfWeek, Double> weekday = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, List<Double>> byDay = new EnumMap<>(DayOfWeek.class);
        for (LocalDate d : days) {
            byDay.computeIfAbsent(d.getDayOfWeek(), k -> new ArrayList<>()).add(series.cost(d).doubleValue());
        }
        boolean everyWeekday = byDay.size() == 7 && byDay.values().stream().allMatch(l -> l.size() >= minLikeWeekdays);
        if (everyWeekday) {
            byDay.forEach((k, v) -> weekday.put(k, median.evaluate(v.stream().mapToDouble(Double::doubleValue).toArray())));
        }
        Model partial = new Model(days, overall, weekday, 0, trimmed);
        double[] residuals = days.stream().mapToDouble(d -> series.cost(d).doubleValue() - partial.expected(d)).toArray();
        double centre = median.evaluate(residuals);
        double[] deviations = new double[residuals.length];
        for (int i = 0; i < residuals.length; i++) {
            deviations[i] = Math.abs(residuals[i] - centre);
        }
        return new Model(days, overall, weekday, MAD_SCALE * median.evaluate(deviations), trimmed);
    }

    /** A fitted baseline: expected cost per weekday (or overall) and the robust spread. */
    private final class Model {
        final List<LocalDate> days;
        final double median;
        final Map<DayOfWeek, Double> weekdayMedians;
        final double mad;
        final int trimmed;

        Model(List<LocalDate> days, double median, Map<DayOfWeek, Double> weekdayMedians, double mad, int trimmed) {
            this.days = days;
            this.median = median;
            this.weekdayMedians = weekdayMedians;
            this.mad = mad;
            this.trimmed = trimmed;
        }

        double expected(LocalDate d) {
            return weekdayMedians.getOrDefault(d.getDayOfWeek(), median);
        }

        double scale(LocalDate d) {
            return Math.max(mad, Math.max(relativeScaleFloor * Math.abs(expected(d)), absoluteScaleFloor.doubleValue()));
        }
    }
}
