package dev.lakesentry.api.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Not API: may change in any release.
 *
 * Argument checks shared by the API's records, so every record words its refusals the same way:
 * the record, the field, the value and what is expected.
 */
public final class Checks {
    private Checks() {
    }

    public static <T> T notNull(T value, String record, String field) {
        if (value == null) {
            throw new IllegalArgumentException(record + "." + field + " must not be null");
        }
        return value;
    }

    public static String notBlank(String value, String record, String field) {
        notNull(value, record, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(record + "." + field + " must not be blank, was '" + value + "'");
        }
        return value;
    }

    public static long notNegative(long value, String record, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(record + "." + field + " must not be negative, was " + value);
        }
        return value;
    }

    public static BigDecimal notNegative(BigDecimal value, String record, String field) {
        notNull(value, record, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(
                    record + "." + field + " must not be negative, was " + value.toPlainString());
        }
        return value;
    }

    public static double percent(double value, String record, String field) {
        if (Double.isNaN(value) || value < 0 || value > 100) {
            throw new IllegalArgumentException(record + "." + field + " must be a percentage from 0 to 100, was " + value);
        }
        return value;
    }

    public static void ordered(Instant start, Instant end, String record, String startField, String endField) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException(record + "." + endField + " (" + end + ") must not be before "
                    + record + "." + startField + " (" + start + ")");
        }
    }

    /** An unmodifiable copy that keeps insertion order and rejects null keys and values. */
    public static Map<String, String> stringMap(Map<String, String> map, String record, String field) {
        if (map == null) {
            return Map.of();
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (k == null || v == null) {
                throw new IllegalArgumentException(record + "." + field + " must not hold null keys or values, had "
                        + k + "=" + v);
            }
            copy.put(k, v);
        });
        return Collections.unmodifiableMap(copy);
    }

    public static <T> List<T> list(List<T> list, String record, String field) {
        if (list == null) {
            return List.of();
        }
        for (T t : list) {
            if (t == null) {
                throw new IllegalArgumentException(record + "." + field + " must not hold null elements");
            }
        }
        return List.copyOf(list);
    }

    public static <T> T requireNonNullElse(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
