package dev.lakesentry.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.SourceRecord;
import dev.lakesentry.api.push.SystemTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-memory H2 database holding the system tables under their Databricks names.
 *
 * <p>The database is named {@code system} (its JDBC URL is {@code jdbc:h2:mem:<unique>/system}), so H2 accepts the
 * three-part name {@code system.billing.usage} as catalog {@code system}, schema {@code billing}, table
 * {@code usage}; identifiers are folded to lower case like Databricks' case-insensitive names. Scalar columns are
 * typed, MAP/STRUCT/ARRAY columns hold JSON text. One connection serves every statement, one at a time.
 */
final class SystemTablesDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemTablesDatabase.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Pattern QUERY_START = Pattern.compile("^\\s*(?:--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*\\(*\\s*(SELECT|WITH|VALUES|TABLE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Connection connection;
    private final ObjectMapper json;

    SystemTablesDatabase(ObjectMapper json) {
        this.json = json;
        String url = "jdbc:h2:mem:lakesentry-emulator-" + INSTANCES.incrementAndGet()
                + "/system;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try {
            connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("SET TIME ZONE 'UTC'");
                for (DatabricksFunctions.Alias alias : DatabricksFunctions.ALIASES) {
                    s.execute("CREATE ALIAS " + alias.name() + " FOR \"" + DatabricksFunctions.class.getName() + "."
                            + alias.method() + "\"");
                }
                Set<String> schemas = new LinkedHashSet<>();
                for (SystemTable table : SystemTable.values()) {
                    String schema = schemaOf(table);
                    if (schemas.add(schema)) {
                        s.execute("CREATE SCHEMA " + quote(schema));
                    }
                    s.execute(createTable(table));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the emulator's H2 database: " + e.getMessage(), e);
        }
    }

    private static String schemaOf(SystemTable table) {
        return table.fullName().split("\\.")[1];
    }

    private static String tableOf(SystemTable table) {
        return table.fullName().split("\\.")[2];
    }

    private static String qualified(SystemTable table) {
        return quote(schemaOf(table)) + "." + quote(tableOf(table));
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }

    private static String createTable(SystemTable table) {
        return table.columns().stream()
                .map(c -> quote(c.name()) + " " + h2Type(c.type()))
                .collect(Collectors.joining(", ", "CREATE TABLE " + qualified(table) + " (", ")"));
    }

    private static String h2Type(ColumnType type) {
        return switch (type) {
            case STRING, MAP, STRUCT, ARRAY -> "VARCHAR";
            case LONG -> "BIGINT";
            case INT -> "INTEGER";
            case DOUBLE -> "DOUBLE PRECISION";
            case DECIMAL -> "DECIMAL(38,18)";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    /** Appends rows to a table. Columns the table does not declare are ignored; missing ones are null. */
    synchronized void insert(SystemTable table, Collection<SourceRecord> records) {
        List<Column> columns = table.columns();
        String sql = columns.stream().map(c -> "?").collect(Collectors.joining(", ",
                "INSERT INTO " + qualified(table) + " VALUES (", ")"));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int row = 0;
            for (SourceRecord record : records) {
                for (int i = 0; i < columns.size(); i++) {
                    Column column = columns.get(i);
                    Object value = record.values().get(column.name());
                    try {
                        ps.setObject(i + 1, toSql(column.type(), value));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("Row " + row + " of " + table.fullName() + ", column "
                                + column.name() + " (" + column.type() + "): " + e.getMessage(), e);
                    }
                }
                ps.addBatch();
                row++;
            }
            ps.executeBatch();
            LOG.debug("Loaded {} rows into {}", row, table.fullName());
        } catch (SQLException e) {
            throw new IllegalArgumentException("Could not load rows into " + table.fullName() + ": " + e.getMessage(), e);
        }
    }

    private Object toSql(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> value instanceof Map || value instanceof List ? writeJson(value)
                    : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            case MAP, STRUCT, ARRAY -> value instanceof String s ? s : writeJson(value);
            case LONG, INT -> SqlValues.integral(value);
            case DOUBLE -> SqlValues.floating(value);
            case DECIMAL -> SqlValues.decimal(value);
            case BOOLEAN -> SqlValues.bool(value);
            case DATE -> SqlValues.date(value);
            case TIMESTAMP -> SqlValues.timestamp(value);
        };
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Value cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    /** Removes every row of a table. */
    synchronized void truncate(SystemTable table) {
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE TABLE " + qualified(table));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not truncate " + table.fullName() + ": " + e.getMessage(), e);
        }
    }

    /** The number of rows in a table. */
    synchronized long count(SystemTable table) {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + qualified(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count " + table.fullName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs one Databricks query.
     *
     * @param sql        the Databricks SQL text
     * @param parameters the named parameters by name
     * @param now        the instant {@code current_timestamp()} stands for
     * @param rowLimit   the maximum number of rows, or 0 for no limit
     * @throws SQLException                                 when H2 refuses the statement
     * @throws DatabricksSql.UnboundParameterException      when the text uses a parameter that is not bound
     * @throws IllegalArgumentException                     when the statement is not a query
     */
    synchronized QueryResult query(String sql, Map<String, SqlParameter> parameters, Instant now, long rowLimit)
            throws SQLException {
        if (!QUERY_START.matcher(sql).lookingAt()) {
            throw new IllegalArgumentException("[UNSUPPORTED_FEATURE] The Databricks emulator runs queries only "
                    + "(SELECT, WITH, VALUES); the system tables are read-only.");
        }
        DatabricksSql.Translation translation = DatabricksSql.translate(sql, parameters, now);
        LOG.debug("Running {}", translation.sql());
        try (PreparedStatement ps = connection.prepareStatement(translation.sql())) {
            List<String> order = translation.parameterOrder();
            for (int i = 0; i < order.size(); i++) {
                ps.setObject(i + 1, parameters.get(order.get(i)).javaValue());
            }
            if (rowLimit > 0) {
                ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, rowLimit + 1));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<QueryResult.ResultColumn> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(describe(md, i));
                }
                List<List<String>> rows = new ArrayList<>();
                boolean truncated = false;
                while (rs.next()) {
                    if (rowLimit > 0 && rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(render(rs, md, i));
                    }
                    rows.add(row);
                }
                return new QueryResult(columns, rows, truncated);
            }
        }
    }

    private static QueryResult.ResultColumn describe(ResultSetMetaData md, int i) throws SQLException {
        String label = md.getColumnLabel(i);
        Optional<Column> origin = originColumn(md, i);
        if (origin.isPresent()) {
            ColumnType type = origin.get().type();
            return switch (type) {
                case STRING -> column(label, "STRING", "STRING");
                case LONG -> column(label, "LONG", "BIGINT");
                case INT -> column(label, "INT", "INT");
                case DOUBLE -> column(label, "DOUBLE", "DOUBLE");
                case DECIMAL -> new QueryResult.ResultColumn(label, "DECIMAL", "DECIMAL(38,18)", 38, 18);
                case BOOLEAN -> column(label, "BOOLEAN", "BOOLEAN");
                case DATE -> column(label, "DATE", "DATE");
                case TIMESTAMP -> column(label, "TIMESTAMP", "TIMESTAMP");
                case MAP -> column(label, "MAP", "MAP<STRING, STRING>");
                case STRUCT -> column(label, "STRUCT", "STRUCT");
                case ARRAY -> column(label, "ARRAY", "ARRAY<STRING>");
            };
        }
        return switch (md.getColumnType(i)) {
            case Types.BIGINT -> column(label, "LONG", "BIGINT");
            case Types.INTEGER -> column(label, "INT", "INT");
            case Types.SMALLINT -> column(label, "SHORT", "SMALLINT");
            case Types.TINYINT -> column(label, "BYTE", "TINYINT");
            case Types.DOUBLE, Types.FLOAT -> column(label, "DOUBLE", "DOUBLE");
            case Types.REAL -> column(label, "FLOAT", "FLOAT");
            case Types.DECIMAL, Types.NUMERIC -> {
                int precision = Math.min(38, md.getPrecision(i));
                int scale = Math.min(precision, md.getScale(i));
                yield new QueryResult.ResultColumn(label, "DECIMAL", "DECIMAL(" + precision + "," + scale + ")",
                        precision, scale);
            }
            case Types.BOOLEAN -> column(label, "BOOLEAN", "BOOLEAN");
            case Types.DATE -> column(label, "DATE", "DATE");
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> column(label, "TIMESTAMP", "TIMESTAMP");
            case Types.NULL -> column(label, "NULL", "VOID");
            default -> column(label, "STRING", "STRING");
        };
    }

    private static QueryResult.ResultColumn column(String name, String typeName, String typeText) {
        return new QueryResult.ResultColumn(name, typeName, typeText, null, null);
    }

    /** The system-table column a result column reads directly, when H2 reports one. */
    private static Optional<Column> originColumn(ResultSetMetaData md, int i) throws SQLException {
        String schema = md.getSchemaName(i);
        String table = md.getTableName(i);
        if (schema == null || schema.isEmpty() || table == null || table.isEmpty()) {
            return Optional.empty();
        }
        String column = md.getColumnName(i).toLowerCase(Locale.ROOT);
        return SystemTable.byFullName("system." + schema + "." + table).flatMap(t -> t.column(column));
    }

    private static String render(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        return switch (md.getColumnType(i)) {
            case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
                OffsetDateTime ts = rs.getObject(i, OffsetDateTime.class);
                yield ts == null ? null : SqlValues.TIMESTAMP_TEXT.format(ts.withOffsetSameInstant(ZoneOffset.UTC));
            }
            case Types.DATE -> {
                LocalDate d = rs.getObject(i, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal d = rs.getBigDecimal(i);
                yield d == null ? null : d.toPlainString();
            }
            case Types.DOUBLE, Types.FLOAT -> {
                double d = rs.getDouble(i);
                yield rs.wasNull() ? null : Double.toString(d);
            }
            case Types.REAL -> {
                float f = rs.getFloat(i);
                yield rs.wasNull() ? null : Float.toString(f);
            }
            case Types.BOOLEAN -> {
                boolean b = rs.getBoolean(i);
                yield rs.wasNull() ? null : Boolean.toString(b);
            }
            default -> rs.getString(i);
        };
    }

    @Override
    public synchronized void close() {
        try (Statement s = connection.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            LOG.debug("H2 shutdown of the emulator database failed: {}", e.getMessage());
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the emulator database connection failed: {}", e.getMessage());
        }
    }
}
