package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.UtcTimestamps;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a source record's JSON-like values into the typed values of raw columns. Values arrive as the
 * Statement Execution API sends them (strings, nested values as JSON text) or already typed; both work.
 */
final class RawValues {
    private RawValues() {
    }

    /** The value at the column's path, converted to its type, or null. */
    static Object extract(Map<String, Object> values, RawTables.RawColumn column) {
        return extract(values, column, null);
    }

    /**
     * The value at the column's path, converted to its type, or null. Nested values that arrive as JSON text
     * (as the Statement Execution API sends structs and maps) are parsed once per record: {@code parsed}, when
     * given, keeps the parsed text by top-level field for the record's other columns.
     */
    static Object extract(Map<String, Object> values, RawTables.RawColumn column, Map<String, Object> parsed) {
        List<String> path = column.path();
        Object v = values.get(path.get(0));
        for (int i = 1; i < path.size() && v != null; i++) {
            if (v instanceof String s && (s.startsWith("{") || s.startsWith("["))) {
                if (i == 1 && parsed != null) {
                    v = parsed.computeIfAbsent(path.get(0), k -> Json.parse(s));
                } else {
                    v = Json.parse(s);
                }
            }
            v = v instanceof Map<?, ?> m ? m.get(path.get(i)) : null;
        }
        return convert(v, column.type());
    }

    static Object convert(Object v, ColumnType type) {
        if (v == null) {
            return null;
        }
        return switch (type) {
            case STRING -> v instanceof String s ? s : text(v);
            case LONG -> integral(v).longValueExact();
            case INT -> integral(v).intValueExact();
            case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
            case DECIMAL -> Binds.exact(decimal(v));
            case BOOLEAN -> bool(v);
            case DATE -> date(v.toString().trim());
            case TIMESTAMP -> Binds.micros(instant(v.toString().trim()));
            default -> text(v);
        };
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Map || v instanceof List) {
            return dev.lakesentry.api.push.CanonicalRecords.canonicalJson(v);
        }
        return v.toString();
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(v.toString().trim());
    }

    private static BigDecimal integral(Object v) {
        return decimal(v).stripTrailingZeros();
    }

    private static Boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true")) {
            return Boolean.TRUE;
        }
        if (s.equals("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("not a boolean");
    }

    private static LocalDate date(String s) {
        LocalDate fast = UtcTimestamps.parseDate(s);
        return fast != null ? fast : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    /** ISO-8601 with or without offset ({@code Z}, {@code +00:00}) and with a space or a T; no offset means UTC. */
    static Instant instant(String s) {
        Instant fast = UtcTimestamps.parseCommonForm(s, true);
        if (fast != null) {
            return fast;
        }
        String t = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (t.endsWith("Z") || t.endsWith("z")) {
            return Instant.parse(t.substring(0, t.length() - 1) + "Z");
        }
        int tee = t.indexOf('T');
        if (t.lastIndexOf('+') > tee || t.lastIndexOf('-') > tee) {
            return OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
}
