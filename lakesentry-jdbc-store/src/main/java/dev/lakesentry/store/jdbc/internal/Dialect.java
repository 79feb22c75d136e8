package dev.lakesentry.store.jdbc.internal;

import com.zaxxer.hikari.HikariConfig;
import dev.lakesentry.api.stage.StageName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Not API. Everything that differs between databases, in one small subclass per database: column types
 * (as Flyway placeholders), how an instant is bound and read, how a unique violation is recognised, the raw
 * bulk load and the stage lock. SQL that differs (upserts, sequences) lives in {@code name.<id>.sql} files
 * next to the default {@code name.sql}.
 */
public abstract class Dialect {

    /** Rows per multi-row INSERT, capped so a statement stays under every driver's parameter limit. */
    private static final int MAX_PARAMS_PER_STATEMENT = 16_000;
    /** Rows per JDBC batch execution. */
    private static final int BATCH_ROWS = 5_000;

    /** The short id used in migration folders and SQL file variants, e.g. {@code postgresql}. */
    public abstract String id();

    /** Whether this dialect serves the JDBC URL. */
    public abstract boolean accepts(String jdbcUrl);

    /** Column types by placeholder name, for the migrations ({@code timestamp}, {@code decimal}, …). */
    public abstract Map<String, String> placeholders();

    /** Pool settings this database needs. */
    public void configure(HikariConfig config) {
        // most databases need nothing beyond the defaults
    }

    /** Makes every pooled connection work in the schema (on MariaDB, the database). */
    public void useSchema(HikariConfig config, String schema) {
        config.setSchema(schema);
    }

    /** The Flyway locations: the shared migrations and this dialect's own. */
    public List<String> migrationLocations() {
        return List.of("classpath:dev/lakesentry/store/jdbc/migration/common",
                "classpath:dev/lakesentry/store/jdbc/migration/" + id());
    }

    /** Binds an instant (or SQL NULL) so that it is stored as that instant in UTC. */
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    /** Reads an instant written by {@link #setInstant}, or null. */
    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** Binds a date (or SQL NULL). */
    public void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Reads a date, or null. */
    public LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /**
     * Brings the planner's statistics of the raw tables up to date where a bulk load has made them stale, so the
     * transformation's joins are planned for the rows that are there. A fresh table that was filled in one
     * transaction has no statistics yet on some databases, and a plan made for a few dozen rows (a nested loop
     * over millions) can take hours. The default does nothing: H2 re-analyses by itself every few thousand
     * changed rows, and InnoDB recalculates its persistent statistics after a tenth of a table changed.
     *
     * @return the tables analysed
     */
    public List<String> refreshRawStatistics(Connection connection) throws SQLException {
        return List.of();
    }

    /** Whether the exception reports a unique or primary key violation. */
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Appends rows to a raw table on the caller's connection and transaction.
     *
     * @param insertHead the statement head up to and including {@code VALUES}, from {@code append_<table>.sql}
     * @param copySql    the dialect's own bulk statement from {@code append_<table>.<id>.sql}, or null
     * @param sqlTypes   the {@link Types} of each column, for NULLs
     * @param rows       the rows, each an array of column values in the statement's order
     */
    public final void bulkAppend(Connection connection, String insertHead, String copySql, int[] sqlTypes,
                                 List<Object[]> rows) throws SQLException {
        bulkAppend(connection, insertHead, copySql, sqlTypes, List.of(rows).iterator());
    }

    /**
     * Appends rows that arrive in blocks, so a caller can still be converting later blocks while earlier ones
     * are sent. {@code Iterator.next()} may block until its block is ready and may throw an unchecked exception,
     * which leaves the caller's transaction to be rolled back.
     *
     * @param blocks the rows in order, block by block
     */
    public void bulkAppend(Connection connection, String insertHead, String copySql, int[] sqlTypes,
                           Iterator<List<Object[]>> blocks) throws SQLException {
        batchInsert(connection, insertHead, sqlTypes, blocks);
    }

    /**
     * A JDBC batch of the one-row INSERT. Measured faster than multi-row INSERTs on H2 (no statement parsing
     * per chunk) and on MariaDB (the driver sends a batch with the bulk protocol); see docs/benchmarks.md.
     */
    protected final void batchInsert(Connection connection, String insertHead, int[] sqlTypes,
                                     Iterator<List<Object[]>> blocks) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(valuesSql(insertHead, sqlTypes.length, 1))) {
            int pending = 0;
            while (blocks.hasNext()) {
                for (Object[] row : blocks.next()) {
                    for (int c = 0; c < sqlTypes.length; c++) {
                        setValue(ps, c + 1, sqlTypes[c], row[c]);
                    }
                    ps.addBatch();
                    if (++pending == BATCH_ROWS) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Multi-row INSERT statements of up to a few hundred rows each. */
    protected final void multiRowInsert(Connection connection, String insertHead, int[] sqlTypes, List<Object[]> rows)
            throws SQLException {
        int columns = sqlTypes.length;
        int perStatement = Math.max(1, Math.min(500, MAX_PARAMS_PER_STATEMENT / columns));
        int full = rows.size() / perStatement;
        if (full > 0) {
            try (PreparedStatement ps = connection.prepareStatement(valuesSql(insertHead, columns, perStatement))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bindRows(ps, sqlTypes, rows, chunk * perStatement, perStatement);
                    ps.executeUpdate();
                }
            }
        }
        int rest = rows.size() - full * perStatement;
        if (rest > 0) {
            try (PreparedStatement ps = connection.prepareStatement(valuesSql(insertHead, columns, rest))) {
                bindRows(ps, sqlTypes, rows, full * perStatement, rest);
                ps.executeUpdate();
            }
        }
    }

    private void bindRows(PreparedStatement ps, int[] sqlTypes, List<Object[]> rows, int from, int count)
            throws SQLException {
        int p = 1;
        for (int r = from; r < from + count; r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < sqlTypes.length; c++) {
                setValue(ps, p++, sqlTypes[c], row[c]);
            }
        }
    }

    /** Binds one value of a raw row by its Java type. */
    public final void setValue(PreparedStatement ps, int index, int sqlType, Object value) throws SQLException {
        if (value == null) {
            if (sqlType == Types.TIMESTAMP_WITH_TIMEZONE) {
                setInstant(ps, index, null);
            } else {
                ps.setNull(index, sqlType);
            }
        } else if (value instanceof String s) {
            ps.setString(index, s);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof Integer i) {
            ps.setInt(index, i);
        } else if (value instanceof Double d) {
            ps.setDouble(index, d);
        } else if (value instanceof java.math.BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof LocalDate d) {
            setDate(ps, index, d);
        } else if (value instanceof Instant t) {
            setInstant(ps, index, t);
        } else {
            throw new IllegalArgumentException("No binding for a " + value.getClass().getName());
        }
    }

    private static String valuesSql(String head, int columns, int rows) {
        StringBuilder tuple = new StringBuilder(columns * 2 + 2).append('(');
        for (int c = 0; c < columns; c++) {
            tuple.append(c == 0 ? "?" : ",?");
        }
        tuple.append(')');
        StringBuilder sb = new StringBuilder(head.length() + rows * (tuple.length() + 1)).append(head).append(' ');
        for (int r = 0; r < rows; r++) {
            if (r > 0) {
                sb.append(',');
            }
            sb.append(tuple);
        }
        return sb.toString();
    }

    /**
     * Takes the stage lock on a connection dedicated to the lease, if it is free. The lock must be bound to
     * that connection's session (or transaction), so a crashed holder's lock goes with its connection.
     *
     * @param namespace tells stores sharing one server apart (the schema or database name)
     * @return true when the lock was taken
     */
    public abstract boolean tryLock(Connection connection, String namespace, String accountId, StageName stage)
            throws SQLException;

    /** Releases a lock taken by {@link #tryLock} on the same connection. */
    public abstract void unlock(Connection connection, String namespace, String accountId, StageName stage)
            throws SQLException;

    /** The namespace of the connection's store: its current schema or database. */
    public String namespace(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        return schema != null ? schema : Optional.ofNullable(connection.getCatalog()).orElse("");
    }

    /** A stable lock name of at most 64 characters for an account and stage. */
    protected static String lockName(String namespace, String accountId, StageName stage) {
        String text = namespace + "|" + accountId + "|" + stage.name();
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "lakesentry." + java.util.HexFormat.of().formatHex(hash, 0, 20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }

    /** The dialect that serves the URL. */
    public static Dialect forUrl(String jdbcUrl) {
        for (Dialect d : List.of(new H2Dialect(), new PostgresDialect(), new MariaDbDialect())) {
            if (d.accepts(jdbcUrl)) {
                return d;
            }
        }
        throw new dev.lakesentry.api.ConfigurationException("No LakeSentry store dialect serves the JDBC URL '"
                + Urls.mask(jdbcUrl) + "': use jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
    }

    @Override
    public String toString() {
        return id();
    }
}
