package dev.lakesentry.api.push;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The canonical form of a push's records and its SHA-256 checksum, defined once so that every
 * producer (the collector, the import service, the test kit) and every consumer (ingestion) agrees.
 *
 * <p>The canonical form is compact JSON text, encoded as UTF-8:
 * <ul>
 *   <li>the records form one JSON array, in push order;</li>
 *   <li>object keys are sorted by their UTF-16 code units ({@link String#compareTo}); a key whose value
 *       is {@code null} is written (absent and null are different);</li>
 *   <li>no white space outside strings;</li>
 *   <li>strings escape {@code "} and {@code \} with a backslash, {@code \b \f \n \r \t} by their short
 *       escapes, other characters below U+0020 as {@code \}{@code u00xx} (lower-case hex); every other
 *       character is written as itself;</li>
 *   <li>numbers are written in plain decimal notation with trailing fractional zeros removed
 *       ({@code 4.250} → {@code 4.25}, {@code 1E+3} → {@code 1000}, {@code -0.0} → {@code 0}); doubles
 *       go through {@link BigDecimal#valueOf(double)} first;</li>
 *   <li>{@code true}, {@code false} and {@code null} as in JSON.</li>
 * </ul>
 * The checksum is the lower-case hex SHA-256 of those bytes.
 *
 * @since 0.1.0
 */
public final class CanonicalRecords {
    private CanonicalRecords() {
    }

    /** The canonical JSON text of the records. */
    public static String canonicalJson(List<SourceRecord> records) {
        StringBuilder sb = new StringBuilder(records.size() * 256);
        sb.append('[');
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            write(sb, records.get(i).values());
        }
        return sb.append(']').toString();
    }

    /** The canonical JSON text of one JSON-like value (as allowed in {@link SourceRecord}). */
    public static String canonicalJson(Object value) {
        if (value instanceof RecordValues record) {
            return record.canonicalJson();
        }
        return write(value);
    }

    /** Writes the canonical text, never from a record's kept text. */
    static String write(Object value) {
        // Sized for a typical system-table record, so the builder rarely grows (each growth copies it).
        StringBuilder sb = new StringBuilder(1024);
        write(sb, value);
        return sb.toString();
    }

    /**
     * The lower-case hex SHA-256 checksum of the records' canonical form. Large pushes are written record by
     * record on several cores and digested in order, so the result is the same as digesting
     * {@link #canonicalJson(List)} in one piece.
     */
    public static String checksum(List<SourceRecord> records) {
        MessageDigest digest = sha256();
        java.util.stream.Stream<String> parts = records.stream().map(r -> canonicalJson((Object) r.values()));
        if (records.size() >= PARALLEL_THRESHOLD) {
            parts = parts.parallel();
        }
        List<String> json = parts.toList();
        digest.update((byte) '[');
        for (int i = 0; i < json.size(); i++) {
            if (i > 0) {
                digest.update((byte) ',');
            }
            digest.update(json.get(i).getBytes(StandardCharsets.UTF_8));
        }
        digest.update((byte) ']');
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Pushes at least this large are written on several cores. */
    private static final int PARALLEL_THRESHOLD = 2_000;

    /** Whether the text looks like a checksum: 64 lower-case hex digits. */
    public static boolean isChecksum(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            writeString(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof RecordValues record) {
            sb.append(record.canonicalJson());
        } else if (v instanceof Map<?, ?> m) {
            String[] keys = new String[m.size()];
            int k = 0;
            for (Object key : m.keySet()) {
                keys[k++] = (String) key;
            }
            Arrays.sort(keys);
            sb.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                writeString(sb, keys[i]);
                sb.append(':');
                write(sb, m.get(keys[i]));
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
        } else if (v instanceof Number n) {
            sb.append(plain(n));
        } else {
            throw new IllegalArgumentException("Cannot write a " + v.getClass().getName() + " in canonical JSON");
        }
    }

    private static String plain(Number n) {
        BigDecimal d;
        if (n instanceof BigDecimal bd) {
            d = bd;
        } else if (n instanceof BigInteger bi) {
            d = new BigDecimal(bi);
        } else if (n instanceof Double || n instanceof Float) {
            double x = n.doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("Canonical JSON has no form for " + x);
            }
            d = BigDecimal.valueOf(x);
        } else {
            d = BigDecimal.valueOf(n.longValue());
        }
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length()) {
            char c = s.charAt(plain);
            if (c < 0x20 || c == '"' || c == '\\') {
                break;
            }
            plain++;
        }
        // Most strings need no escape: copy them in one piece, then escape from the first special on.
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
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
