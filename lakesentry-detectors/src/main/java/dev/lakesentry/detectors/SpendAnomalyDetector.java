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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * LakeSentry's default spend anomaly detector: robust, seasonal and self-correcting. Per daily cost
 * series, on the log scale by default (ln(cost + {@code logOffset}): spend noise is multiplicative, so
 * scores are ratios), it expects each day to cost the median of its seasonal group in the baseline (no grouping,
 * weekdays against weekends, or each weekday: whichever predicts the baseline's own days best when
 * each is left out), measures spread on those leave-one-out residuals (the larger of the scaled
 * median absolute deviation and a 90th-percentile estimate, with floors; on the log scale per class of
 * day, weekdays or weekends, whose relative noise differs), keeps past anomalies out of the baseline (days flagged by its earlier
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

    /** The quantile of absolute residuals the tail spread reads (nearest rank). */
    static final double TAIL_QUANTILE = 0.9;

    /** The same quantile of the absolute value of a standard normal variable. */
    static final double TAIL_Z = 1.6449;

    /** Points a seasonal group needs before its own spread is used beside the pooled one. */
    static final int MIN_GROUP_SCALE_POINTS = 10;

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
    private final boolean logScale;
    private final double logOffset;
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
        minBaselinePoints = s.integer("minBaselinePoints", 14, 3);
        threshold = s.number("threshold", 3.5, 0.5, 1000);
        minIncrease = s.money("minIncrease", "50");
        minDailyCost = s.money("minDailyCost", "10");
        relativeScaleFloor = s.number("relativeScaleFloor", 0.15, 0, 10);
        absoluteScaleFloor = s.money("absoluteScaleFloor", "5");
        minLikeWeekdays = s.integer("minLikeWeekdays", 3, 1);
        trimIterations = s.integer("trimIterations", 5, 0);
        shiftDays = s.integer("shiftDays", 7, 2);
        shiftFraction = s.number("shiftFraction", 0.7, 0.1, 1);
        weekdayShiftWeeks = s.integer("weekdayShiftWeeks", 2, 1);
        logScale = s.choice("costScale", "log", "log", "linear").equals("log");
        BigDecimal offset = s.money("logOffset", "10");
        if (offset.signum() <= 0) {
            throw s.invalid("logOffset", offset.toPlainString(), "an amount above 0");
        }
        logOffset = offset.doubleValue();
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
                flagged.put(d, new SpendFinding.Day(series.cost(d), BigDecimal.valueOf(model.expectedCost(d)),
                        model.score(series, d)));
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
        figures.put("baselineMedian", Support.fmt(toCost(model.median)));
        figures.put("robustScale", Support.fmt(model.mad));
        figures.put("costScale", logScale ? "log" : "linear");
        figures.put("seasonality", model.shape.setting());
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
            // The earlier week needs to have risen at least half as far (on the model's scale; the same
            // weekday has the same expected value and spread): the dollar minimum decides whether a rise is
            // worth an alert, not whether it is the weekly pattern (a weekly refresh $47 over the median one
            // week and $60 the next is one pattern), and the earlier rises widen the spread they are judged by.
            if (earlier.isBefore(first) || model.score(series, earlier) < model.score(series, d) / 2) {
                return false;
            }
        }
        return true;
    }

    private boolean isHigh(Model model, SpendSeries.Series series, LocalDate d) {
        double x = series.cost(d).doubleValue();
        return model.score(series, d) >= threshold && x - model.expectedCost(d) >= minIncrease.doubleValue()
                && x >= minDailyCost.doubleValue();
    }

    /** A day's cost on the scale the model works on: ln(cost + {@code logOffset}) or the cost itself. */
    private double onScale(double cost) {
        return logScale ? Math.log(Math.max(cost, 0) + logOffset) : cost;
    }

    /** The inverse of {@link #onScale}. */
    private double toCost(double value) {
        return logScale ? Math.exp(value) - logOffset : value;
    }

    private Model fitTrimmed(SpendSeries.Series series, List<LocalDate> pool) {
        List<LocalDate> kept = new ArrayList<>(pool);
        Model model = fit(series, kept, 0);
        for (int i = 0; i < trimIterations; i++) {
            List<LocalDate> next = new ArrayList<>();
            for (LocalDate d : kept) {
                double r = Math.abs(model.score(series, d));
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

    /**
     * Fits the baseline on {@code days}: for each seasonal shape the data supports (flat; weekdays against
     * weekends; each weekday on its own, when every group has at least {@code minLikeWeekdays} points) the
     * expected cost of a day is the median of its group, and the spread is {@link #spread} of the
     * <em>leave-one-out</em> residuals (each day against the median of its group without it). The shape
     * with the smallest such spread wins, the simplest on a tie. Leaving the day out makes
     * the spread a prediction error: with five points per weekday, residuals against a median that
     * includes the day itself are too small (one in five is exactly zero), and a noisy series looked far
     * more regular than it is.
     */
    private Model fit(SpendSeries.Series series, List<LocalDate> days, int trimmed) {
        double[] x = new double[days.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = onScale(series.cost(days.get(i)).doubleValue());
        }
        double overall = new Median().evaluate(x);
        Model best = null;
        for (Seasonality shape : Seasonality.values()) {
            Model m = fitShape(shape, days, x, overall, trimmed);
            if (m != null && (best == null || m.mad < best.mad)) {
                best = m;
            }
        }
        return best;
    }

    private Model fitShape(Seasonality shape, List<LocalDate> days, double[] x, double overall, int trimmed) {
        Map<Integer, List<Double>> groups = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            groups.computeIfAbsent(shape.group(days.get(i)), k -> new ArrayList<>()).add(x[i]);
        }
        int minPoints = shape == Seasonality.NONE ? 2 : Math.max(2, minLikeWeekdays);
        if (groups.size() != shape.groups() || groups.values().stream().anyMatch(g -> g.size() < minPoints)) {
            return null;
        }
        Map<Integer, double[]> sorted = new TreeMap<>();
        Map<Integer, Double> medians = new TreeMap<>();
        groups.forEach((k, v) -> {
            double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            sorted.put(k, a);
            medians.put(k, median(a, -1));
        });
        double[] residuals = new double[x.length];
        Map<Integer, List<Double>> scaleGroupResiduals = new TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double[] g = sorted.get(shape.group(days.get(i)));
            residuals[i] = x[i] - median(g, Arrays.binarySearch(g, x[i]));
            scaleGroupResiduals.computeIfAbsent(scaleGroup(shape, days.get(i)), k -> new ArrayList<>()).add(residuals[i]);
        }
        // Each scale group's own spread and size: on the log scale the spread as pooled (its class has ten
        // or more points when it is used alone), on the linear scale the MAD only (it can only widen).
        Map<Integer, double[]> groupScales = new TreeMap<>();
        scaleGroupResiduals.forEach((k, v) -> {
            double[] r = v.stream().mapToDouble(Double::doubleValue).toArray();
            groupScales.put(k, new double[] {logScale ? spread(r) : madScale(r), r.length});
        });
        return new Model(days, overall, shape, medians, spread(residuals), groupScales, trimmed);
    }

    /**
     * The group whose own spread may judge a day: its class, weekday or weekend, on the log scale (quiet
     * days vary relatively more); its seasonal group on the linear scale (busy weekdays vary more in money).
     */
    private int scaleGroup(Seasonality shape, LocalDate d) {
        return logScale ? Seasonality.WEEKEND.group(d) : shape.group(d);
    }

    /**
     * The spread of residuals: the larger of 1.4826 × their median absolute deviation and their 90th
     * percentile absolute deviation ÷ 1.6449. Both estimate the standard deviation of normal residuals;
     * the second follows a heavy upper tail (a warehouse whose ordinary weeks have a burst day or two)
     * that the median ignores, while a tenth of the days, and never fewer than the two largest, can
     * still be anomalies without moving it: with the 14 to 19 points of a young series (or the ten of a
     * class) the plain 90th percentile is the second-largest deviation, so the first two days of a ramp
     * in the pool widened the spread enough to hide the ramp's peak.
     */
    static double spread(double[] values) {
        double[] deviations = absoluteDeviations(values);
        int rank = Math.min((int) Math.ceil(TAIL_QUANTILE * deviations.length), deviations.length - 2) - 1;
        return Math.max(MAD_SCALE * median(deviations, -1), deviations[Math.max(0, rank)] / TAIL_Z);
    }

    /**
     * 1.4826 × the median absolute deviation alone: the spread of one seasonal group, whose ten or so points
     * are too few for a 90th percentile (two high days among ten would set it).
     */
    static double madScale(double[] values) {
        return MAD_SCALE * median(absoluteDeviations(values), -1);
    }

    /** |value − median| of each value, sorted. */
    private static double[] absoluteDeviations(double[] values) {
        double[] r = values.clone();
        Arrays.sort(r);
        double centre = median(r, -1);
        double[] deviations = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            deviations[i] = Math.abs(r[i] - centre);
        }
        Arrays.sort(deviations);
        return deviations;
    }

    /** The median of sorted {@code a}, leaving out index {@code skip} (none when negative). */
    static double median(double[] a, int skip) {
        int n = skip < 0 ? a.length : a.length - 1;
        if (n % 2 == 1) {
            return at(a, n / 2, skip);
        }
        return (at(a, n / 2 - 1, skip) + at(a, n / 2, skip)) / 2;
    }

    private static double at(double[] a, int i, int skip) {
        return skip >= 0 && i >= skip ? a[i + 1] : a[i];
    }

    /** The seasonal shapes the baseline can take: the groups whose days are expected to cost alike. */
    enum Seasonality {
        NONE(1), WEEKEND(2), WEEKDAY(7);

        private final int groups;

        Seasonality(int groups) {
            this.groups = groups;
        }

        int groups() {
            return groups;
        }

        int group(LocalDate d) {
            DayOfWeek w = d.getDayOfWeek();
            return switch (this) {
                case NONE -> 0;
                case WEEKEND -> w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY ? 1 : 0;
                case WEEKDAY -> w.getValue();
            };
        }

        String setting() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A fitted baseline: expected cost per seasonal group and the robust spread. */
    private final class Model {
        final List<LocalDate> days;
        final double median;
        final Seasonality shape;
        final Map<Integer, Double> groupMedians;
        final double mad;
        final Map<Integer, double[]> groupScales;
        final int trimmed;

        Model(List<LocalDate> days, double median, Seasonality shape, Map<Integer, Double> groupMedians, double mad,
              Map<Integer, double[]> groupScales, int trimmed) {
            this.days = days;
            this.median = median;
            this.shape = shape;
            this.groupMedians = groupMedians;
            this.mad = mad;
            this.groupScales = groupScales;
            this.trimmed = trimmed;
        }

        /** The expected value of a day on the model's scale. */
        double expected(LocalDate d) {
            return groupMedians.get(shape.group(d));
        }

        /** The expected cost of a day (medians commute with the monotone log, so this is the group's median cost). */
        double expectedCost(LocalDate d) {
            return toCost(expected(d));
        }

        /** The robust score of a day: its distance from the expected value in spreads, on the model's scale. */
        double score(SpendSeries.Series series, LocalDate d) {
            return (onScale(series.cost(d).doubleValue()) - expected(d)) / scale(d);
        }

        /**
         * The spread a day is judged against, floored as configured. On the log scale the spread is
         * relative and quiet days (weekends) vary relatively more than busy ones: a day is judged against
         * its class's own spread when the class has {@value SpendAnomalyDetector#MIN_GROUP_SCALE_POINTS}
         * points or more, else against the larger of that and the pooled spread (a few points cannot say
         * the class is steadier than the rest). On the linear scale, against the pooled spread, widened by
         * its seasonal group's own when that group has as many points (weekdays of a query-driven warehouse
         * vary far more in money than its quiet weekends).
         */
        double scale(LocalDate d) {
            double[] own = groupScales.get(scaleGroup(shape, d));
            boolean large = own != null && own[1] >= MIN_GROUP_SCALE_POINTS;
            if (logScale) {
                double spread = own == null ? mad : large ? own[0] : Math.max(mad, own[0]);
                // The same floors on the log scale: a relative spread r is ln(1 + r); an absolute amount a
                // at expected cost e is ln(1 + a / (e + offset)).
                return Math.max(spread, Math.max(Math.log1p(relativeScaleFloor),
                        Math.log1p(absoluteScaleFloor.doubleValue() / Math.exp(expected(d)))));
            }
            double spread = large && groupScales.size() > 1 ? Math.max(mad, own[0]) : mad;
            return Math.max(spread, Math.max(relativeScaleFloor * Math.abs(expected(d)), absoluteScaleFloor.doubleValue()));
        }
    }
}
