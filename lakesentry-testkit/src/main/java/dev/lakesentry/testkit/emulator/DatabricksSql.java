package dev.lakesentry.testkit.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical translation of Databricks SQL into H2 SQL: not a parser. One left-to-right scan that knows string
 * literals, quoted identifiers and comments, and outside them only
 * <ul>
 *   <li>replaces named parameters {@code :name} by typed JDBC markers {@code CAST(? AS type)};</li>
 *   <li>turns back-quoted identifiers into H2's double-quoted ones and double-quoted strings into single-quoted;</li>
 *   <li>writes {@code INTERVAL 4 HOURS} as H2's {@code INTERVAL '4' HOUR} (weeks become days);</li>
 *   <li>replaces the clock functions of {@link DatabricksFunctions#CLOCK_FUNCTIONS} by literals of the given time.</li>
 * </ul>
 * Everything else (three-part names, the aliased functions, H2's own functions) passes through unchanged.
 */
final class DatabricksSql {

    /** The translated text and the parameter names in the order of their JDBC markers. */
    record Translation(String sql, List<String> parameterOrder) {
        Translation {
            parameterOrder = List.copyOf(parameterOrder);
        }
    }

    /** A named parameter in the text that the request did not bind. */
    static final class UnboundParameterException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnboundParameterException(String name) {
            super("[UNBOUND_SQL_PARAMETER] Found the unbound parameter: " + name
                    + ". Please fix `args` and provide a mapping of the parameter to a SQL literal.");
        }
    }

    private static final Pattern INTERVAL = Pattern.compile(
            "INTERVAL\\s+'?\\s*(-?\\d+)\\s*'?\\s+(YEAR|MONTH|WEEK|DAY|HOUR|MINUTE|SECOND)S?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMPTY_PARENS = Pattern.compile("\\s*\\(\\s*\\)");

    private DatabricksSql() {
    }

    static Translation translate(String sql, Map<String, SqlParameter> parameters, Instant now) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        List<String> order = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                i = copyStringLiteral(sql, i, out);
            } else if (c == '`') {
                int end = sql.indexOf('`', i + 1);
                end = end < 0 ? n : end;
                out.append('"').append(sql, i + 1, end).append('"');
                i = Math.min(n, end + 1);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.append(sql, i, end);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = identifierEnd(sql, i + 1);
                String name = sql.substring(i + 1, end);
                SqlParameter p = parameters.get(name);
                if (p == null) {
                    throw new UnboundParameterException(name);
                }
                out.append("CAST(? AS ").append(p.h2Type()).append(')');
                order.add(name);
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = identifierEnd(sql, i);
                i = word(sql, i, end, now, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return new Translation(out.toString(), order);
    }

    private static int word(String sql, int start, int end, Instant now, StringBuilder out) {
        String word = sql.substring(start, end).toLowerCase(Locale.ROOT);
        if (word.equals("interval")) {
            Matcher m = INTERVAL.matcher(sql).region(start, sql.length());
            if (m.lookingAt()) {
                long amount = Long.parseLong(m.group(1));
                String unit = m.group(2).toUpperCase(Locale.ROOT);
                if (unit.equals("WEEK")) {
                    amount *= 7;
                    unit = "DAY";
                }
                out.append("INTERVAL '").append(amount).append("' ").append(unit);
                return m.end();
            }
        }
        if (DatabricksFunctions.CLOCK_FUNCTIONS.contains(word)) {
            Matcher parens = EMPTY_PARENS.matcher(sql).region(end, sql.length());
            boolean hasParens = parens.lookingAt();
            if (hasParens || !word.equals("now")) {
                if (word.equals("current_date")) {
                    out.append("DATE '").append(now.atOffset(ZoneOffset.UTC).toLocalDate()).append('\'');
                } else {
                    out.append("TIMESTAMP WITH TIME ZONE '").append(now.atOffset(ZoneOffset.UTC)).append('\'');
                }
                return hasParens ? parens.end() : end;
            }
        }
        out.append(sql, start, end);
        return end;
    }

    private static int identifierEnd(String sql, int start) {
        int i = start + 1;
        while (i < sql.length() && Character.isJavaIdentifierPart(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Copies a Databricks string literal ('…' or "…", backslash escapes) as an H2 single-quoted literal. */
    private static int copyStringLiteral(String sql, int start, StringBuilder out) {
        char quote = sql.charAt(start);
        out.append('\'');
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && i + 1 < sql.length()) {
                char escaped = sql.charAt(i + 1);
                appendLiteralChar(escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped, out);
                i += 2;
            } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                appendLiteralChar(quote, out);
                i += 2;
            } else if (c == quote) {
                out.append('\'');
                return i + 1;
            } else {
                appendLiteralChar(c, out);
                i++;
            }
        }
        out.append('\'');
        return i;
    }

    private static void appendLiteralChar(char c, StringBuilder out) {
        if (c == '\'') {
            out.append("''");
        } else {
            out.append(c);
        }
    }
}
