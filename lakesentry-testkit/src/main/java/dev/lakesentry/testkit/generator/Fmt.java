package dev.lakesentry.testkit.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Value formats of the generated rows, as Databricks returns them (reference §3). */
final class Fmt {
    private Fmt() {
    }

    /** {@code 2025-03-04T10:00:00.000Z}: ISO-8601 UTC with milliseconds. */
    static String ts(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(24);
        sb.append(d.getYear()).append('-');
        pad2(sb, d.getMonthValue()).append('-');
        pad2(sb, d.getDayOfMonth()).append('T');
        pad2(sb, d.getHour()).append(':');
        pad2(sb, d.getMinute()).append(':');
        pad2(sb, d.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        if (ms < 100) {
            sb.append('0');
        }
        if (ms < 10) {
            sb.append('0');
        }
        return sb.append(ms).append('Z').toString();
    }

    private static StringBuilder pad2(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    static String date(LocalDate d) {
        return d.toString();
    }

    static LocalDate dateOf(Instant t) {
        return LocalDate.ofEpochDay(Math.floorDiv(t.getEpochSecond(), 86_400L));
    }

    /** A quantity as decimal text with 18 fractional digits, e.g. {@code 4.250000000000000000}. */
    static String dec18(BigDecimal v) {
        return v.setScale(18, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A percentage or ratio rounded to two decimals, as a double. */
    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
