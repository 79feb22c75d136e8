package dev.lakesentry.store.jdbc.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.Argument;

/**
 * Not API. Jdbi arguments and result readers that keep values exact: instants in UTC at microsecond
 * precision (what every supported database stores), dates without a zone, decimals in canonical form.
 */
public final class Binds {
    private final Dialect dialect;

    public Binds(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Instants are kept to the microsecond, the finest precision PostgreSQL and MariaDB store. */
    public static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    /** An argument binding the instant in UTC (or NULL). */
    public Argument ts(Instant value) {
        Instant v = micros(value);
        return (position, statement, ctx) -> dialect.setInstant(statement, position, v);
    }

    /** An argument binding the date (or NULL). */
    public Argument date(LocalDate value) {
        return (position, statement, ctx) -> dialect.setDate(statement, position, value);
    }

    public Instant ts(ResultSet rs, String column) throws SQLException {
        return dialect.getInstant(rs, column);
    }

    public LocalDate date(ResultSet rs, String column) throws SQLException {
        return dialect.getDate(rs, column);
    }

    /** Fractional digits the schema's {@code DECIMAL(38,18)} columns hold. */
    public static final int DECIMAL_SCALE = 18;
    /** Integer digits the schema's {@code DECIMAL(38,18)} columns hold. */
    public static final int DECIMAL_INTEGER_DIGITS = 20;

    /**
     * The decimal, if the schema's {@code DECIMAL(38,18)} holds it exactly; otherwise an exception naming the
     * value, because a database would round it silently (or refuse it with a less helpful message).
     */
    public static BigDecimal exact(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        int scale = Math.max(s.scale(), 0);
        int integerDigits = s.precision() - s.scale();
        if (scale > DECIMAL_SCALE || integerDigits > DECIMAL_INTEGER_DIGITS) {
            throw new IllegalArgumentException("Decimal " + d.toPlainString() + " does not fit DECIMAL(38,18) exactly (at most "
                    + DECIMAL_INTEGER_DIGITS + " integer and " + DECIMAL_SCALE + " fractional digits); the store refuses to round it");
        }
        return d;
    }

    /** A decimal without trailing zeros and with a scale of at least zero ({@code 1.50} → {@code 1.5}). */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        return canonical(rs.getBigDecimal(column));
    }

    /** The canonical form of a decimal: no trailing fractional zeros, never a negative scale. */
    public static BigDecimal canonical(BigDecimal d) {
        if (d == null) {
            return null;
        }
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0, RoundingMode.UNNECESSARY) : s;
    }

    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * The named arguments of a partition: {@code account_id}, the days {@code from_day}..{@code to_day} and
     * the half-open instants {@code from_time}..{@code to_time} (start of the first day to start of the day
     * after the last, UTC).
     */
    public java.util.Map<String, Object> partition(dev.lakesentry.api.stage.Partition p) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("account_id", p.accountId());
        m.put("from_day", date(p.from()));
        m.put("to_day", date(p.to()));
        m.put("from_time", ts(p.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        m.put("to_time", ts(p.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
        return m;
    }
}
