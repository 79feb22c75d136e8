package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.spi.DetectionContext;
import dev.lakesentry.api.spi.Detector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * Turns the flagged days of a spend series into an insight: shared by both spend detectors so their
 * insights look alike and compare side by side.
 */
final class SpendFinding {

    /**
     * One flagged day: its cost, the cost expected and the score that flagged it. The expected cost is a
     * model's estimate (a double), so it is kept to six decimal places, the scale of estimated amounts.
     */
    record Day(BigDecimal cost, BigDecimal expected, double score) {
        Day {
            expected = expected.setScale(6, RoundingMode.HALF_EVEN);
        }

        BigDecimal excess() {
            return Support.atLeastZero(cost.subtract(expected));
        }
    }

    private SpendFinding() {
    }

    /**
     * The severity of a spend anomaly: the lower of the score band (low below 3, medium from 3, high
     * from 5, critical from 8) and the band of the largest daily excess (low below 200, medium from 200,
     * high from 1000, critical from 5000, in the series' currency).
     */
    static Severity severity(double score, BigDecimal largestDailyExcess) {
        return Support.lower(Support.bands(score, 3, 5, 8), Support.bands(largestDailyExcess.doubleValue(), 200, 1000, 5000));
    }

    static Insight insight(DetectionContext context, Detector detector, SpendSeries.Series series, LocalDate from,
                           LocalDate to, SortedMap<LocalDate, Day> flagged, Map<String, String> figures,
                           String method, int maxRows) {
        BigDecimal excess = BigDecimal.ZERO;
        BigDecimal largest = BigDecimal.ZERO;
        double score = 0;
        LocalDate worst = flagged.firstKey();
        for (Map.Entry<LocalDate, Day> e : flagged.entrySet()) {
            Day d = e.getValue();
            excess = excess.add(d.excess());
            if (d.excess().compareTo(largest) > 0) {
                largest = d.excess();
                worst = e.getKey();
            }
            score = Math.max(score, d.score());
        }
        Day w = flagged.get(worst);
        String currency = series.currency().getCurrencyCode();
        String summary = series.subject().kind() + " " + series.subject().id() + " cost " + Support.fmt(w.cost())
                + " " + currency + " on " + worst + " against " + Support.fmt(w.expected()) + " " + currency
                + " expected (" + method + " " + Support.fmt(score) + "); " + flagged.size()
                + " day(s) flagged, excess " + Support.fmt(excess) + " " + currency;
        Map<String, String> all = new LinkedHashMap<>();
        all.put("dimension", series.dimension().setting);
        all.put("source", series.fromMetrics() ? "metric_daily_cost" : ResourceCosts.USAGE_TABLE);
        all.put("currency", currency);
        all.putAll(figures);
        all.put("flaggedDays", String.join(",", flagged.keySet().stream().map(LocalDate::toString).toList()));
        all.put("worstDay", worst.toString());
        all.put("worstDayCost", Support.fmt(w.cost()));
        all.put("worstDayExpected", Support.fmt(w.expected()));
        all.put("score", Support.fmt(score));
        all.put("excess", Support.fmt(excess));
        Evidence evidence = new Evidence(summary, all, SpendSeries.points(series, from, to, flagged.keySet()),
                SpendSeries.rowsBehind(context, series, flagged.keySet(), maxRows));
        TimeWindow window = new TimeWindow(Support.startOf(flagged.firstKey()), Support.startOf(flagged.lastKey().plusDays(1)));
        return Insight.of(context.accountId(), InsightType.SPEND_ANOMALY, severity(score, largest), series.subject(),
                window, new Money(excess, series.currency()), evidence, detector.id(), detector.parameters(),
                context.asOf());
    }
}
