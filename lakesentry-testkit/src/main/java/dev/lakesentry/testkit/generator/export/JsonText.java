package dev.lakesentry.testkit.generator.export;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON text of row values with stable formatting: object keys in insertion order (the
 * table's column order for rows), integers as plain digits, doubles rounded to at most six decimals
 * (always with a fraction, {@code 4.0}), decimals in plain notation.
 * The same values always give the same bytes, on every JDK.
 *
 * @since 0.1.0
 */
public final class JsonText {
    private JsonText() {
    }

    /** The JSON text of one value. */
    public static String of(Object value) {
        StringBuilder sb = new StringBuilder(64);
        write(sb, value);
        return sb.toString();
    }

    /** Appends the JSON text of one value. */
    public static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                string(sb, (String) e.getKey());
                sb.append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof Double || v instanceof Float) {
            sb.append(number(((Number) v).doubleValue()));
        } else if (v instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            sb.append(v);
        } else {
            throw new IllegalArgumentException("Cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    /**
     * A double's stable text: rounded to six decimals (IEEE arithmetic, the same on every JDK), trailing
     * zeros removed, at least one decimal.
     */
    public static String number(double d) {
        if (Math.abs(d) >= 1e12) {
            String s = new BigDecimal(d).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
            return s.indexOf('.') < 0 ? s + ".0" : s;
        }
        long micros = Math.round(d * 1_000_000.0);
        StringBuilder sb = new StringBuilder(24);
        if (micros < 0) {
            sb.append('-');
            micros = -micros;
        }
        sb.append(micros / 1_000_000).append('.');
        long frac = micros % 1_000_000;
        if (frac == 0) {
            return sb.append('0').toString();
        }
        String f = Long.toString(1_000_000 + frac).substring(1);
        int end = f.length();
        while (f.charAt(end - 1) == '0') {
            end--;
        }
        return sb.append(f, 0, end).toString();
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
