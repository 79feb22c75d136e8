package dev.lakesentry.api.push;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Databricks system tables LakeSentry reads, with each table's natural key, watermark column,
 * scope, extraction mode and columns, as given by the reference
 * ({@code shared/reference/databricks-system-tables.md} §1 and §2).
 *
 * <p>Columns marked required are the natural key, the watermark and what the ledger cannot do
 * without; every other column may be null. Columns not listed here are kept in a raw row's original
 * JSON, never refused.
 *
 * @since 0.1.0
 */
public enum SystemTable {
    BILLING_USAGE("system.billing.usage", TableScope.ACCOUNT, ExtractionMode.INCREMENTAL, "ingestion_date",
            List.of("record_id"), """
            record_id STRING required
            account_id STRING required
            workspace_id STRING
            sku_name STRING required
            cloud STRING required
            usage_start_time TIMESTAMP required
            usage_end_time TIMESTAMP required
            usage_date DATE required
            custom_tags MAP
            usage_unit STRING required
            usage_quantity DECIMAL required
            usage_metadata STRUCT
            identity_metadata STRUCT
            record_type STRING required
            ingestion_date DATE required
            billing_origin_product STRING
            product_features STRUCT
            usage_type STRING
            """),
    LIST_PRICES("system.billing.list_prices", TableScope.ACCOUNT, ExtractionMode.SNAPSHOT, null,
            List.of("sku_name", "cloud", "currency_code", "usage_unit", "price_start_time"), """
            price_start_time TIMESTAMP required
            price_end_time TIMESTAMP
            account_id STRING required
            sku_name STRING required
            cloud STRING required
            currency_code STRING required
            usage_unit STRING required
            pricing STRUCT required
            """),
    CLUSTERS("system.compute.clusters", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "change_time",
            List.of("workspace_id", "cluster_id", "change_time"), """
            account_id STRING required
            workspace_id STRING required
            cluster_id STRING required
            cluster_name STRING
            owned_by STRING
            create_time TIMESTAMP
            delete_time TIMESTAMP
            driver_node_type STRING
            worker_node_type STRING
            worker_count LONG
            min_autoscale_workers LONG
            max_autoscale_workers LONG
            auto_termination_minutes LONG
            enable_elastic_disk BOOLEAN
            tags MAP
            cluster_source STRING
            init_scripts ARRAY
            aws_attributes STRUCT
            azure_attributes STRUCT
            gcp_attributes STRUCT
            driver_instance_pool_id STRING
            worker_instance_pool_id STRING
            dbr_version STRING
            change_time TIMESTAMP required
            change_date DATE
            """),
    NODE_TYPES("system.compute.node_types", TableScope.REGIONAL, ExtractionMode.SNAPSHOT, null,
            List.of("node_type"), """
            account_id STRING required
            node_type STRING required
            core_count DOUBLE
            memory_mb LONG
            gpu_count LONG
            """),
    NODE_TIMELINE("system.compute.node_timeline", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "end_time",
            List.of("cluster_id", "instance_id", "start_time"), """
            account_id STRING required
            workspace_id STRING required
            cluster_id STRING required
            instance_id STRING required
            start_time TIMESTAMP required
            end_time TIMESTAMP required
            driver BOOLEAN
            cpu_user_percent DOUBLE
            cpu_system_percent DOUBLE
            cpu_wait_percent DOUBLE
            mem_used_percent DOUBLE
            mem_swap_percent DOUBLE
            network_sent_bytes LONG
            network_received_bytes LONG
            disk_free_bytes_per_mount_point MAP
            node_type STRING
            """),
    WAREHOUSES("system.compute.warehouses", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "change_time",
            List.of("workspace_id", "warehouse_id", "change_time"), """
            warehouse_id STRING required
            workspace_id STRING required
            account_id STRING required
            warehouse_name STRING
            warehouse_type STRING
            warehouse_channel STRING
            warehouse_size STRING
            min_clusters INT
            max_clusters INT
            auto_stop_minutes INT
            tags MAP
            change_time TIMESTAMP required
            delete_time TIMESTAMP
            """),
    WAREHOUSE_EVENTS("system.compute.warehouse_events", TableScope.REGIONAL, ExtractionMode.INCREMENTAL,
            "event_time", List.of("workspace_id", "warehouse_id", "event_type", "event_time"), """
            account_id STRING required
            workspace_id STRING required
            warehouse_id STRING required
            event_type STRING required
            cluster_count INT
            event_time TIMESTAMP required
            """),
    JOBS("system.lakeflow.jobs", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "change_time",
            List.of("workspace_id", "job_id", "change_time"), """
            account_id STRING required
            workspace_id STRING required
            job_id STRING required
            name STRING
            description STRING
            creator_id STRING
            tags MAP
            change_time TIMESTAMP required
            delete_time TIMESTAMP
            run_as STRING
            trigger STRUCT
            trigger_type STRING
            """),
    JOB_RUN_TIMELINE("system.lakeflow.job_run_timeline", TableScope.REGIONAL, ExtractionMode.INCREMENTAL,
            "period_end_time", List.of("workspace_id", "run_id", "period_start_time"), """
            account_id STRING required
            workspace_id STRING required
            job_id STRING required
            run_id STRING required
            period_start_time TIMESTAMP required
            period_end_time TIMESTAMP required
            trigger_type STRING
            run_type STRING
            run_name STRING
            compute_ids ARRAY
            result_state STRING
            termination_code STRING
            job_parameters MAP
            """),
    JOB_TASK_RUN_TIMELINE("system.lakeflow.job_task_run_timeline", TableScope.REGIONAL,
            ExtractionMode.INCREMENTAL, "period_end_time", List.of("workspace_id", "run_id", "period_start_time"), """
            account_id STRING required
            workspace_id STRING required
            job_id STRING required
            run_id STRING required
            job_run_id STRING
            parent_run_id STRING
            period_start_time TIMESTAMP required
            period_end_time TIMESTAMP required
            task_key STRING
            compute_ids ARRAY
            result_state STRING
            termination_code STRING
            """),
    PIPELINES("system.lakeflow.pipelines", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "change_time",
            List.of("workspace_id", "pipeline_id", "change_time"), """
            account_id STRING required
            workspace_id STRING required
            pipeline_id STRING required
            pipeline_type STRING
            name STRING
            created_by STRING
            run_as STRING
            tags MAP
            settings STRUCT
            configuration MAP
            change_time TIMESTAMP required
            delete_time TIMESTAMP
            """),
    QUERY_HISTORY("system.query.history", TableScope.REGIONAL, ExtractionMode.INCREMENTAL, "end_time",
            List.of("statement_id"), """
            account_id STRING required
            workspace_id STRING required
            statement_id STRING required
            session_id STRING
            execution_status STRING
            compute STRUCT
            executed_by_user_id STRING
            executed_by STRING
            statement_text STRING
            statement_type STRING
            error_message STRING
            client_application STRING
            client_driver STRING
            total_duration_ms LONG
            waiting_for_compute_duration_ms LONG
            waiting_at_capacity_duration_ms LONG
            execution_duration_ms LONG
            compilation_duration_ms LONG
            total_task_duration_ms LONG
            result_fetch_duration_ms LONG
            start_time TIMESTAMP required
            end_time TIMESTAMP required
            update_time TIMESTAMP
            read_partitions LONG
            pruned_files LONG
            read_files LONG
            read_rows LONG
            produced_rows LONG
            read_bytes LONG
            spilled_local_bytes LONG
            written_bytes LONG
            shuffle_read_bytes LONG
            read_io_cache_percent INT
            from_result_cache BOOLEAN
            query_source STRUCT
            executed_as STRING
            executed_as_user_id STRING
            """),
    SERVED_ENTITIES("system.serving.served_entities", TableScope.REGIONAL, ExtractionMode.INCREMENTAL,
            "change_time", List.of("served_entity_id", "change_time"), """
            served_entity_id STRING required
            served_entity_name STRING
            entity_name STRING
            entity_type STRING
            entity_version STRING
            endpoint_id STRING required
            endpoint_name STRING
            endpoint_config_version LONG
            created_by STRING
            account_id STRING required
            workspace_id STRING required
            change_time TIMESTAMP required
            endpoint_delete_time TIMESTAMP
            """),
    ENDPOINT_USAGE("system.serving.endpoint_usage", TableScope.REGIONAL, ExtractionMode.INCREMENTAL,
            "request_time", List.of("databricks_request_id"), """
            account_id STRING required
            workspace_id STRING required
            databricks_request_id STRING required
            client_request_id STRING
            served_entity_id STRING required
            requester STRING
            request_time TIMESTAMP required
            status_code INT
            input_token_count LONG
            output_token_count LONG
            input_character_count LONG
            output_character_count LONG
            request_streaming BOOLEAN
            usage_context MAP
            """),
    WORKSPACES_LATEST("system.access.workspaces_latest", TableScope.ACCOUNT, ExtractionMode.SNAPSHOT, null,
            List.of("workspace_id"), """
            account_id STRING required
            workspace_id STRING required
            workspace_name STRING
            workspace_url STRING
            create_time TIMESTAMP
            status STRING
            """);

    private final String fullName;
    private final TableScope scope;
    private final ExtractionMode mode;
    private final String watermarkColumn;
    private final List<String> naturalKey;
    private final List<Column> columns;

    SystemTable(String fullName, TableScope scope, ExtractionMode mode, String watermarkColumn,
                List<String> naturalKey, String columnSpec) {
        this.fullName = fullName;
        this.scope = scope;
        this.mode = mode;
        this.watermarkColumn = watermarkColumn;
        this.naturalKey = List.copyOf(naturalKey);
        this.columns = parse(fullName, columnSpec);
    }

    /** The full Databricks name, e.g. {@code system.billing.usage}. */
    public String fullName() {
        return fullName;
    }

    /** Whether the table is account-wide or regional. */
    public TableScope scope() {
        return scope;
    }

    /** Whether the table is read incrementally or as a full snapshot. */
    public ExtractionMode mode() {
        return mode;
    }

    /** The column incremental extraction advances on; empty for snapshot tables. */
    public Optional<String> watermarkColumn() {
        return Optional.ofNullable(watermarkColumn);
    }

    /** The columns that identify one source row; the ledger keeps the latest extraction's copy per key. */
    public List<String> naturalKey() {
        return naturalKey;
    }

    /** The columns, in the reference's order. */
    public List<Column> columns() {
        return columns;
    }

    /** The column with this name, if the table has it. */
    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The table with this full name (case-insensitive), e.g. {@code system.billing.usage}. */
    public static Optional<SystemTable> byFullName(String fullName) {
        if (fullName == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.fullName.equalsIgnoreCase(fullName.trim())).findFirst();
    }

    private static List<Column> parse(String table, String spec) {
        List<Column> out = new ArrayList<>();
        for (String line : spec.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].equals("required"))) {
                throw new IllegalStateException("Bad column spec for " + table + ": '" + line + "'");
            }
            out.add(new Column(parts[0], ColumnType.valueOf(parts[1]), parts.length == 3));
        }
        return List.copyOf(out);
    }
}
