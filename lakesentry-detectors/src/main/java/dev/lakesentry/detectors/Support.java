package dev.lakesentry.detectors;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.spi.DetectionContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Small helpers the built-in detectors share: days, formatting, severity bands, ordering. */
final class Support {

    /** Days in the month a monthly estimate projects to. */
    static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30");

    private Support() {
    }

    /** The last whole UTC day before the as-of time's day: analysis never uses a partial day. */
    static LocalDate lastCompleteDay(Instant asOf) {
        return LocalDate.ofInstant(asOf, ZoneOffset.UTC).minusDays(1);
    }

    /** The start of the UTC day. */
    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** A number with two decimals, locale-independent. */
    static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** An amount with two decimals, without currency. */
    static String fmt(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Money for presentation in a summary. */
    static String fmt(Money money) {
        return fmt(money.amount()) + " " + money.currency().getCurrencyCode();
    }

    /** {@code amount × 30 / days}: a monthly projection of what {@code days} days showed. */
    static BigDecimal monthly(BigDecimal amount, long days) {
        if (days <= 0) {
            return BigDecimal.ZERO;
        }
        return amount.multiply(DAYS_PER_MONTH).divide(BigDecimal.valueOf(days), 6, RoundingMode.HALF_EVEN);
    }

    /** Never negative. */
    static BigDecimal atLeastZero(BigDecimal amount) {
        return amount.signum() < 0 ? BigDecimal.ZERO : amount;
    }

    /**
     * The severity of a value against ascending cut-offs: below {@code medium} low, then medium, high
     * and critical from each cut-off up.
     */
    static Severity bands(double value, double medium, double high, double critical) {
        if (value >= critical) {
            return Severity.CRITICAL;
        }
        if (value >= high) {
            return Severity.HIGH;
        }
        if (value >= medium) {
            return Severity.MEDIUM;
        }
        return Severity.LOW;
    }

    /** The severity of an estimated monthly amount: medium from 100, high from 500, critical from 2000. */
    static Severity moneyBands(BigDecimal monthly) {
        return bands(monthly.doubleValue(), 100, 500, 2000);
    }

    /** The lower of two severities. */
    static Severity lower(Severity a, Severity b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Insights in a fixed order: type, subject, window start, id. */
    static List<Insight> ordered(List<Insight> insights) {
        return insights.stream().sorted(Comparator.comparing((Insight i) -> i.type().value())
                .thenComparing(i -> i.subject().key()).thenComparing(i -> i.window().start())
                .thenComparing(Insight::id)).toList();
    }

    /** The context's earlier insights, or none when the context offers none. */
    static List<Insight> previousInsights(DetectionContext context) {
        try {
            return context.previousInsights().insights(context.accountId());
        } catch (UnsupportedOperationException e) {
            return List.of();
        }
    }
}
