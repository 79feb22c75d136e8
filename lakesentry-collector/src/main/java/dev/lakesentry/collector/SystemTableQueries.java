package dev.lakesentry.collector;

import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.ExtractionMode;
import dev.lakesentry.api.push.SystemTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every query the collector sends, kept in this one place. For each table the SELECT lists exactly the
 * columns of {@link SystemTable#columns()}: timestamps as {@code unix_millis(col)} (epoch milliseconds,
 * independent of the warehouse session time zone), MAP/STRUCT/ARRAY columns as {@code to_json(col)} (JSON
 * text, independent of how JSON_ARRAY renders nested values), every other column as it is, each under its
 * own name. Incremental tables add a WHERE on the watermark column with the named parameter
 * {@code :watermark_from} (a DATE for {@code ingestion_date}, epoch milliseconds through
 * {@code timestamp_millis(...)} for timestamps) and order by the watermark and the natural key, so batches
 * are cut deterministically. For example, for {@code system.compute.warehouse_events}:
 *
 * <pre>
 * SELECT account_id, workspace_id, warehouse_id, event_type, cluster_count, unix_millis(event_time) AS event_time
 * FROM system.compute.warehouse_events
 * WHERE event_time &gt;= timestamp_millis(:watermark_from)
 * ORDER BY event_time, workspace_id, warehouse_id, event_type
 * </pre>
 *
 * @since 0.1.0
 */
public final class SystemTableQueries {

    /** The name of the watermark parameter. */
    public static final String WATERMARK_PARAMETER = "watermark_from";

    private SystemTableQueries() {
    }

    /**
     * A named statement parameter as the Statement Execution API takes it.
     *
     * @param name  the name used as {@code :name} in the text
     * @param type  the Databricks SQL type, e.g. {@code DATE} or {@code BIGINT}
     * @param value the value as text
     */
    public record Parameter(String name, String type, String value) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * One query for one table.
     *
     * @param table      the table read
     * @param sql        the statement text
     * @param parameters its named parameters
     * @param from       the lower watermark bound read (inclusive), or {@code null} for a full read
     */
    public record Query(SystemTable table, String sql, List<Parameter> parameters, Instant from) {
        public Query {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(sql, "sql");
            parameters = List.copyOf(parameters);
        }
    }

    /** The SELECT list of a table, e.g. {@code record_id, ..., unix_millis(usage_start_time) AS usage_start_time, ...}. */
    public static String selectList(SystemTable table) {
        return table.columns().stream().map(SystemTableQueries::expression).collect(Collectors.joining(", "));
    }

    /**
     * The whole table: snapshot tables every run, incremental tables on their first load (rows without a
     * watermark value, which no later read could place, are left out).
     */
    public static Query full(SystemTable table) {
        String where = table.watermarkColumn().map(c -> " WHERE " + c + " IS NOT NULL").orElse("");
        return new Query(table, "SELECT " + selectList(table) + " FROM " + table.fullName() + where + orderBy(table),
                List.of(), null);
    }

    /**
     * The rows of an incremental table whose watermark is at or after {@code from}. For a DATE watermark
     * {@code from} is taken back to the start of its UTC day, and the query's {@link Query#from()} says so.
     *
     * @throws IllegalArgumentException for a snapshot table
     */
    public static Query since(SystemTable table, Instant from) {
        Objects.requireNonNull(from, "from");
        if (table.mode() != ExtractionMode.INCREMENTAL) {
            throw new IllegalArgumentException(table.fullName() + " is read as a snapshot; it has no watermark");
        }
        String column = table.watermarkColumn().orElseThrow();
        ColumnType type = table.column(column).orElseThrow().type();
        String where;
        Parameter parameter;
        Instant bound;
        if (type == ColumnType.DATE) {
            LocalDate day = from.atOffset(ZoneOffset.UTC).toLocalDate();
            bound = day.atStartOfDay().toInstant(ZoneOffset.UTC);
            where = column + " >= :" + WATERMARK_PARAMETER;
            parameter = new Parameter(WATERMARK_PARAMETER, "DATE", day.toString());
        } else {
            bound = from;
            where = column + " >= timestamp_millis(:" + WATERMARK_PARAMETER + ")";
            parameter = new Parameter(WATERMARK_PARAMETER, "BIGINT", Long.toString(from.toEpochMilli()));
        }
        return new Query(table, "SELECT " + selectList(table) + " FROM " + table.fullName() + " WHERE " + where
                + orderBy(table), List.of(parameter), bound);
    }

    private static String orderBy(SystemTable table) {
        List<String> keys = new ArrayList<>();
        table.watermarkColumn().ifPresent(keys::add);
        table.naturalKey().stream().filter(k -> !keys.contains(k)).forEach(keys::add);
        return " ORDER BY " + String.join(", ", keys);
    }

    private static String expression(Column c) {
        if (c.type() == ColumnType.TIMESTAMP) {
            return "unix_millis(" + c.name() + ") AS " + c.name();
        }
        if (c.type().isNested()) {
            return "to_json(" + c.name() + ") AS " + c.name();
        }
        return c.name();
    }
}
