package dev.lakesentry.core.ingest;

import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.UtcTimestamps;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Parses one column value of a system-table record by its Databricks type, accepting the forms the
 * collector and exported files produce. Returns the parsed value, or throws {@link BadValue} with what
 * was expected.
 */
final class Values {
    private Values() {
    }

    /** A value that does not parse as its column's type; the message says what was expected. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String expected) {
            super(expected, null, false, false);
        }
    }

    static Object parse(ColumnType type, Object v) throws BadValue {
        switch (type) {
            case STRING:
                if (v instanceof String || v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
                    return v.toString();
                }
                if (v instanceof BigDecimal d && d.scale() <= 0) {
                    return d.toPlainString();
                }
                throw new BadValue("expected text");
            case LONG:
            case INT:
                return integral(type, v);
            case DOUBLE:
                return finiteDouble(v);
            case DECIMAL:
                return decimal(v);
            case BOOLEAN:
                if (v instanceof Boolean b) {
                    return b;
                }
                if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.valueOf(s);
                }
                throw new BadValue("expected true or false");
            case DATE:
                if (v instanceof String s) {
                    try {
                        String t = s.trim();
                        LocalDate fast = t.length() == 10 ? UtcTimestamps.parseDate(t) : null;
                        return fast != null ? fast : LocalDate.parse(t);
                    } catch (DateTimeException e) {
                        throw new BadValue("expected a date like 2025-03-04");
                    }
                }
                throw new BadValue("expected a date like 2025-03-04");
            case TIMESTAMP:
                return timestamp(v);
            case MAP:
            case STRUCT:
                if (v instanceof Map) {
                    return v;
                }
                throw new BadValue("expected a JSON object");
            case ARRAY:
                if (v instanceof List) {
                    return v;
                }
                throw new BadValue("expected a JSON array");
            default:
                throw new BadValue("unsupported column type " + type);
        }
    }

    /** Timestamps arrive as ISO-8601 text with a zone (…Z or an offset) or as epoch milliseconds. */
    static Instant timestamp(Object v) throws BadValue {
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return Instant.ofEpochMilli(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            try {
                return Instant.ofEpochMilli(d.longValueExact());
            } catch (ArithmeticException e) {
                throw new BadValue("expected a UTC timestamp (ISO-8601 or epoch milliseconds)");
            }
        }
        if (v instanceof String s) {
            String t = s.trim();
            try {
                Instant fast = UtcTimestamps.parseCommonForm(t, false);
                if (fast != null) {
                    return fast;
                }
            } catch (DateTimeException e) {
                throw new BadValue("expected a UTC timestamp like 2025-03-04T10:00:00.000Z or epoch milliseconds");
            }
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                try {
                    return OffsetDateTime.parse(t).toInstant();
                } catch (DateTimeParseException e2) {
                    if (t.matches("-?\\d{1,15}")) {
                        return Instant.ofEpochMilli(Long.parseLong(t));
                    }
                    throw new BadValue("expected a UTC timestamp like 2025-03-04T10:00:00.000Z or epoch milliseconds");
                }
            }
        }
        throw new BadValue("expected a UTC timestamp like 2025-03-04T10:00:00.000Z or epoch milliseconds");
    }

    static BigDecimal decimal(Object v) throws BadValue {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            return new BigDecimal(v.toString());
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.length() > 80) {
                throw new BadValue("expected a decimal number of at most 80 characters");
            }
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException e) {
                throw new BadValue("expected a decimal number like 4.25");
            }
        }
        throw new BadValue("expected a decimal number like 4.25");
    }

    private static Object integral(ColumnType type, Object v) throws BadValue {
        BigDecimal d;
        try {
            d = decimal(v);
        } catch (BadValue e) {
            throw new BadValue("expected a whole number");
        }
        try {
            long l = d.longValueExact();
            if (type == ColumnType.INT && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                throw new BadValue("expected a whole number that fits in 32 bits");
            }
            return l;
        } catch (ArithmeticException e) {
            throw new BadValue("expected a whole number");
        }
    }

    private static double finiteDouble(Object v) throws BadValue {
        double d;
        if (v instanceof Number n) {
            d = n.doubleValue();
        } else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new BadValue("expected a number");
            }
        } else {
            throw new BadValue("expected a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new BadValue("expected a finite number");
        }
        return d;
    }

    /** The UTC day of a timestamp. */
    static LocalDate utcDay(Instant t) {
        return t.atOffset(ZoneOffset.UTC).toLocalDate();
    }
}
