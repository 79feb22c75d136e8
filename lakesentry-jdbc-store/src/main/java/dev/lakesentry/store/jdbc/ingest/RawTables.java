package dev.lakesentry.store.jdbc.ingest;

import dev.lakesentry.api.push.Column;
import dev.lakesentry.api.push.ColumnType;
import dev.lakesentry.api.push.SystemTable;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw layer's tables: one per {@link SystemTable}, named {@code raw_} and the table's full name without
 * {@code system.} ({@code raw_billing_usage}, {@code raw_query_history}). Each row holds the push's account,
 * extraction id and sequence, its position in the push, one typed column per scalar column of the table
 * (nested ones stay in the JSON only, except the few nested fields the ledger reads, listed here: ids from
 * the metadata structs as text, tags and compute ids as canonical JSON text), and the
 * full record as canonical JSON text.
 *
 * @since 0.1.0
 */
public final class RawTables {
    /** The columns every raw table starts with, before the typed ones. */
    public static final List<String> LEADING_COLUMNS = List.of("account_id", "extraction_id", "extraction_seq", "row_pos");
    /** The column holding the original record, always last. */
    public static final String RECORD_COLUMN = "record_json";

    private static final Map<SystemTable, List<RawColumn>> EXTRACTED = new EnumMap<>(SystemTable.class);

    static {
        EXTRACTED.put(SystemTable.BILLING_USAGE, List.of(
                nested("cluster_id", ColumnType.STRING, "usage_metadata", "cluster_id"),
                nested("warehouse_id", ColumnType.STRING, "usage_metadata", "warehouse_id"),
                nested("job_id", ColumnType.STRING, "usage_metadata", "job_id"),
                nested("job_run_id", ColumnType.STRING, "usage_metadata", "job_run_id"),
                nested("dlt_pipeline_id", ColumnType.STRING, "usage_metadata", "dlt_pipeline_id"),
                nested("endpoint_id", ColumnType.STRING, "usage_metadata", "endpoint_id"),
                nested("notebook_id", ColumnType.STRING, "usage_metadata", "notebook_id"),
                nested("run_as", ColumnType.STRING, "identity_metadata", "run_as"),
                nested("owned_by", ColumnType.STRING, "identity_metadata", "owned_by"),
                nested("is_serverless", ColumnType.BOOLEAN, "product_features", "is_serverless"),
                nested("custom_tags_json", ColumnType.MAP, "custom_tags")));
        EXTRACTED.put(SystemTable.CLUSTERS, List.of(nested("tags_json", ColumnType.MAP, "tags")));
        EXTRACTED.put(SystemTable.WAREHOUSES, List.of(nested("tags_json", ColumnType.MAP, "tags")));
        EXTRACTED.put(SystemTable.JOBS, List.of(nested("tags_json", ColumnType.MAP, "tags")));
        EXTRACTED.put(SystemTable.PIPELINES, List.of(nested("tags_json", ColumnType.MAP, "tags")));
        EXTRACTED.put(SystemTable.JOB_RUN_TIMELINE, List.of(nested("compute_ids_json", ColumnType.ARRAY, "compute_ids")));
        EXTRACTED.put(SystemTable.JOB_TASK_RUN_TIMELINE, List.of(nested("compute_ids_json", ColumnType.ARRAY, "compute_ids")));
        EXTRACTED.put(SystemTable.LIST_PRICES, List.of(
                nested("price_default", ColumnType.DECIMAL, "pricing", "default"),
                nested("price_promotional", ColumnType.DECIMAL, "pricing", "promotional", "default"),
                nested("price_effective_list", ColumnType.DECIMAL, "pricing", "effective_list", "default")));
        EXTRACTED.put(SystemTable.QUERY_HISTORY, List.of(
                nested("compute_type", ColumnType.STRING, "compute", "type"),
                nested("compute_warehouse_id", ColumnType.STRING, "compute", "warehouse_id"),
                nested("compute_cluster_id", ColumnType.STRING, "compute", "cluster_id"),
                nested("source_job_id", ColumnType.STRING, "query_source", "job_info", "job_id"),
                nested("source_job_run_id", ColumnType.STRING, "query_source", "job_info", "job_run_id"),
                nested("source_job_task_run_id", ColumnType.STRING, "query_source", "job_info", "job_task_run_id")));
    }

    private RawTables() {
    }

    /**
     * A typed column of a raw table.
     *
     * @param name     the column name
     * @param type     the value's type
     * @param required whether the column is NOT NULL
     * @param path     the source column, then keys into its nested value
     */
    public record RawColumn(String name, ColumnType type, boolean required, List<String> path) {
        public RawColumn {
            path = List.copyOf(path);
        }

        /** The JDBC type, for binding NULLs. */
        public int sqlType() {
            return switch (type) {
                case LONG -> Types.BIGINT;
                case INT -> Types.INTEGER;
                case DOUBLE -> Types.DOUBLE;
                case DECIMAL -> Types.DECIMAL;
                case BOOLEAN -> Types.BOOLEAN;
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                default -> Types.VARCHAR;
            };
        }
    }

    private static RawColumn nested(String name, ColumnType type, String... path) {
        return new RawColumn(name, type, false, List.of(path));
    }

    /** The raw table of a system table, e.g. {@code raw_billing_usage}. */
    public static String tableName(SystemTable table) {
        return "raw_" + baseName(table);
    }

    /** The table's name without prefix, e.g. {@code billing_usage}; names its {@code append_*.sql} files. */
    public static String baseName(SystemTable table) {
        return table.fullName().substring("system.".length()).replace('.', '_').toLowerCase(Locale.ROOT);
    }

    /** The typed columns, in table order: the table's scalar columns, then the extracted nested fields. */
    public static List<RawColumn> typedColumns(SystemTable table) {
        List<RawColumn> out = new ArrayList<>();
        for (Column c : table.columns()) {
            if (!c.type().isNested() && !c.name().equals("account_id")) {
                out.add(new RawColumn(c.name(), c.type(), c.required(), List.of(c.name())));
            }
        }
        out.addAll(EXTRACTED.getOrDefault(table, List.of()));
        return List.copyOf(out);
    }

    /** Every column of the raw table, in the order of its append statements. */
    public static List<String> allColumns(SystemTable table) {
        List<String> out = new ArrayList<>(LEADING_COLUMNS);
        typedColumns(table).forEach(c -> out.add(c.name()));
        out.add(RECORD_COLUMN);
        return List.copyOf(out);
    }
}
