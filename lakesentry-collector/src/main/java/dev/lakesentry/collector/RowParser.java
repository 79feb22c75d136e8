package dev.lakesentry.collector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.Problem;
import dev.lakesentry.api.ValidationException;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the text values of a JSON_ARRAY result into the typed JSON-like values of a {@link SourceRecord},
 * by the column types of {@link SystemTable#columns()}: timestamps as ISO-8601 UTC text with milliseconds,
 * dates and decimals as text, longs and ints as numbers, doubles as {@link BigDecimal}, booleans, and
 * nested JSON text as maps and lists. Every value that does not parse is reported with its table, row,
 * column and value.
 */
final class RowParser {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,19}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RowParser() {
    }

    /** A value that does not parse; the message says what was expected. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String expected) {
            super(expected, null, false, false);
        }
    }

    /**
     * Parses every row.
     *
     * @param columns the result's column names, in result order
     * @throws ValidationException listing every value that does not parse, or a missing column
     */
    static List<SourceRecord> parse(SystemTable table, List<String> columns, List<List<String>> rows) {
        List<Column> wanted = table.columns();
        int[] positions = new int[wanted.size()];
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            positions[i] = columns.indexOf(wanted.get(i).name());
            if (positions[i] < 0) {
                problems.add(new Problem(table.fullName(), wanted.get(i).name(), null,
                        "the result has no such column; it has " + columns));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("The result of " + table.fullName(), problems);
        }
        List<SourceRecord> out = new ArrayList<>(rows.size());
        int total = 0;
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < wanted.size(); i++) {
                Column c = wanted.get(i);
                String raw = positions[i] < row.size() ? row.get(positions[i]) : null;
                try {
                    values.put(c.name(), raw == null ? null : value(c.type(), raw));
                } catch (BadValue e) {
                    total++;
                    if (problems.size() < ValidationException.MAX_PROBLEMS) {
                        problems.add(new Problem(table.fullName() + " row " + r, c.name(), raw,
                                e.getMessage() + " (" + c.type() + ")"));
                    }
                }
            }
            if (problems.isEmpty()) {
                out.add(new SourceRecord(values));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException("Reading " + table.fullName(), problems, total);
        }
        return out;
    }

    static Object value(ColumnType type, String raw) throws BadValue {
        String t = raw.trim();
        switch (type) {
            case STRING:
                return raw;
            case LONG:
            case INT: {
                if (!WHOLE.matcher(t).matches()) {
                    throw new BadValue("expected a whole number");
                }
                try {
                    long l = Long.parseLong(t);
                    if (type == ColumnType.INT && (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE)) {
                        throw new BadValue("expected a whole number that fits in 32 bits");
                    }
                    return l;
                } catch (NumberFormatException e) {
                    throw new BadValue("expected a whole number that fits in 64 bits");
                }
            }
            case DOUBLE:
                try {
                    return new BigDecimal(t);
                } catch (NumberFormatException e) {
                    throw new BadValue("expected a finite number");
                }
            case DECIMAL:
                try {
                    return new BigDecimal(t).toPlainString();
                } catch (NumberFormatException e) {
                    throw new BadValue("expected a decimal number like 4.25");
                }
            case BOOLEAN:
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    return Boolean.valueOf(t.toLowerCase(Locale.ROOT));
                }
                throw new BadValue("expected true or false");
            case DATE:
                try {
                    return LocalDate.parse(t).toString();
                } catch (DateTimeParseException e) {
                    throw new BadValue("expected a date like 2025-03-04");
                }
            case TIMESTAMP:
                return TIMESTAMP.format(instant(t));
            case MAP:
            case STRUCT:
            case ARRAY: {
                JsonNode n;
                try {
                    n = JSON.readTree(t);
                } catch (IOException e) {
                    throw new BadValue("expected JSON text (to_json of the column)");
                }
                if (type == ColumnType.ARRAY ? !n.isArray() : !n.isObject()) {
                    throw new BadValue(type == ColumnType.ARRAY ? "expected a JSON array" : "expected a JSON object");
                }
                return json(n);
            }
            default:
                throw new BadValue("unsupported column type " + type);
        }
    }

    /** Epoch milliseconds (what {@code unix_millis} returns) or ISO-8601 text with a zone. */
    static Instant instant(String t) throws BadValue {
        if (WHOLE.matcher(t).matches()) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(t));
            } catch (NumberFormatException e) {
                throw new BadValue("expected epoch milliseconds that fit in 64 bits");
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadValue("expected epoch milliseconds (unix_millis) or a timestamp like 2025-03-04T10:00:00.000Z");
        }
    }

    private static Object json(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), json(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(json(x)));
            return l;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.asLong() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        return n.asText();
    }
}
