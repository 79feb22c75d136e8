package dev.lakesentry.testkit.emulator;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Databricks named statement parameter ({@code {"name","value","type"}}), with the H2 type it is cast to and
 * its Java value. A missing type means STRING, as in Databricks.
 */
record SqlParameter(String name, String value, String type) {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    SqlParameter {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A statement parameter has no name");
        }
        type = type == null || type.isBlank() ? "STRING" : type.trim().toUpperCase(Locale.ROOT);
        h2Type(type);
    }

    /** The H2 type the parameter marker is cast to, so H2 knows it in expressions like {@code ? - INTERVAL}. */
    String h2Type() {
        return h2Type(type);
    }

    private static String h2Type(String type) {
        Matcher m = DECIMAL.matcher(type);
        if (m.matches()) {
            return "DECIMAL(" + m.group(1) + "," + (m.group(2) == null ? "0" : m.group(2)) + ")";
        }
        return switch (type) {
            case "STRING", "VARCHAR", "CHAR" -> "VARCHAR";
            case "DATE" -> "DATE";
            case "TIMESTAMP", "TIMESTAMP_LTZ", "TIMESTAMP_NTZ" -> "TIMESTAMP WITH TIME ZONE";
            case "INT", "INTEGER" -> "INTEGER";
            case "BIGINT", "LONG" -> "BIGINT";
            case "SMALLINT", "SHORT" -> "SMALLINT";
            case "TINYINT", "BYTE" -> "TINYINT";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "FLOAT", "REAL" -> "REAL";
            case "DECIMAL", "NUMERIC" -> "DECIMAL(10,0)";
            case "BOOLEAN" -> "BOOLEAN";
            default -> throw new IllegalArgumentException("Statement parameter type '" + type
                    + "' is not supported; use STRING, DATE, TIMESTAMP, INT, BIGINT, SMALLINT, TINYINT, DOUBLE, FLOAT, "
                    + "DECIMAL(p,s) or BOOLEAN");
        };
    }

    /** The value as the Java object bound to the JDBC marker; null stays null. */
    Object javaValue() {
        if (value == null) {
            return null;
        }
        String h2 = h2Type();
        try {
            if (h2.startsWith("DECIMAL")) {
                return SqlValues.decimal(value);
            }
            return switch (h2) {
                case "DATE" -> SqlValues.date(value);
                case "TIMESTAMP WITH TIME ZONE" -> SqlValues.timestamp(value);
                case "INTEGER", "SMALLINT", "TINYINT", "BIGINT" -> SqlValues.integral(value);
                case "DOUBLE PRECISION", "REAL" -> SqlValues.floating(value);
                case "BOOLEAN" -> SqlValues.bool(value);
                default -> value;
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Statement parameter '" + name + "' of type " + type
                    + " has a value that does not parse: '" + value + "'", e);
        }
    }
}
