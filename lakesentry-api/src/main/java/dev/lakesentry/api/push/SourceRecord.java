package dev.lakesentry.api.push;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a system table as the collector read it: Databricks column names mapped to JSON-like
 * values. Allowed values are {@code null}, {@link String}, {@link Boolean}, integral numbers,
 * {@link BigDecimal}, finite doubles, and nested {@link Map}s (string keys) and {@link List}s of the
 * same. The values are deep-copied and unmodifiable.
 *
 * @param values the columns and their values, in the producer's order
 * @since 0.1.0
 */
public record SourceRecord(Map<String, Object> values) {

    public SourceRecord {
        if (values == null) {
            throw new IllegalArgumentException("SourceRecord.values must not be null");
        }
        // Already a record's values: immutable, so shared as they are (with their canonical text, once written).
        values = values instanceof RecordValues ? values : new RecordValues(copyEntries(values, ""));
    }

    /** A record of the given columns and values. */
    public static SourceRecord of(Map<String, ?> values) {
        @SuppressWarnings("unchecked")
        Map<String, Object> v = (Map<String, Object>) values;
        return new SourceRecord(v);
    }

    /** The value of a column, or empty when it is absent or null. */
    public Optional<Object> get(String column) {
        return Optional.ofNullable(values.get(column));
    }

    /** The value of a column as text: strings as they are, numbers in plain notation; empty when null. */
    public Optional<String> text(String column) {
        Object v = values.get(column);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof BigDecimal d) {
            return Optional.of(d.toPlainString());
        }
        if (v instanceof Map || v instanceof List) {
            return Optional.of(CanonicalRecords.canonicalJson(v));
        }
        return Optional.of(v.toString());
    }

    private static Map<String, Object> copyMap(Map<?, ?> map, String path) {
        return Collections.unmodifiableMap(copyEntries(map, path));
    }

    private static Map<String, Object> copyEntries(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException("SourceRecord key at '" + path + "' must be a string, was " + e.getKey());
            }
            copy.put(key, copyValue(e.getValue(), path.isEmpty() ? key : path + "." + key));
        }
        return copy;
    }

    private static Object copyValue(Object v, String path) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof BigDecimal
                || v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("SourceRecord value at '" + path + "' must be finite, was " + d);
            }
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return copyMap(m, path);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                out.add(copyValue(l.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(out);
        }
        throw new IllegalArgumentException("SourceRecord value at '" + path + "' has unsupported type "
                + v.getClass().getName() + "; use String, Boolean, a number, Map or List");
    }
}
