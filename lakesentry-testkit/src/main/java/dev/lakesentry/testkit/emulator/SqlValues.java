package dev.lakesentry.testkit.emulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Conversions between Databricks text values and Java values, used for loaded rows, parameters and results. */
final class SqlValues {

    /** How Databricks renders a timestamp in a JSON_ARRAY result: ISO-8601, milliseconds, UTC. */
    static final DateTimeFormatter TIMESTAMP_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SqlValues() {
    }

    /**
     * A timestamp from its text: ISO instant or offset date-time, a local date-time (with {@code T} or a space,
     * taken as UTC), or a bare date (midnight UTC); or from epoch milliseconds.
     */
    static OffsetDateTime timestamp(Object value) {
        if (value instanceof Number n) {
            return OffsetDateTime.ofInstant(Instant.ofEpochMilli(n.longValue()), ZoneOffset.UTC);
        }
        String text = value.toString().trim();
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notOffset) {
            String local = text.replace(' ', 'T');
            try {
                return LocalDateTime.parse(local).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new IllegalArgumentException("'" + text + "' is not a timestamp; use ISO-8601 such as "
                            + "2025-03-04T10:00:00.000Z or epoch milliseconds");
                }
            }
        }
    }

    /** A date from its text ({@code 2025-03-04}, or a timestamp whose UTC date is taken). */
    static LocalDate date(Object value) {
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notDate) {
            return timestamp(value).toLocalDate();
        }
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(value.toString().trim());
    }

    static long integral(Object value) {
        if (value instanceof Number n && !(value instanceof BigDecimal) && !(value instanceof Double)
                && !(value instanceof Float)) {
            return n.longValue();
        }
        return new BigDecimal(value.toString().trim()).longValueExact();
    }

    static double floating(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return Double.parseDouble(value.toString().trim());
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true")) {
            return true;
        }
        if (text.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("'" + value + "' is not a boolean; use true or false");
    }
}
