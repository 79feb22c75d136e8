package dev.lakesentry.store.jdbc.transform;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.PriceStatus;
import dev.lakesentry.api.ledger.PrincipalKind;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.RecordType;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.ledger.Workspace;
import dev.lakesentry.api.store.LedgerReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * Reads the ledger, one account at a time, in the order of each table's natural key.
 *
 * @since 0.1.0
 */
public final class JdbcLedgerReader implements LedgerReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.ledgerReader()}. */
    public JdbcLedgerReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    private <T> List<T> all(String entity, String accountId, RowMapper<T> mapper) {
        return db.withHandle("ledger_" + entity, accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_" + entity))
                .bind("account_id", accountId)
                .map(mapper)
                .list());
    }

    private <T> List<T> days(String entity, String accountId, LocalDate from, LocalDate to, RowMapper<T> mapper) {
        return db.withHandle("ledger_" + entity, accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_" + entity))
                .bind("account_id", accountId).bind("from_day", b.date(from)).bind("to_day", b.date(to))
                .map(mapper)
                .list());
    }

    private <T> List<T> times(String entity, String accountId, Instant from, Instant to, RowMapper<T> mapper) {
        return db.withHandle("ledger_" + entity, accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_" + entity))
                .bind("account_id", accountId).bind("from_time", b.ts(from)).bind("to_time", b.ts(to))
                .map(mapper)
                .list());
    }

    @Override
    public List<Workspace> workspaces(String accountId) {
        return all("workspace", accountId, (rs, ctx) -> new Workspace(rs.getString("account_id"),
                rs.getString("workspace_id"), rs.getString("workspace_name"), rs.getString("workspace_url"),
                rs.getString("status"), b.ts(rs, "create_time")));
    }

    @Override
    public List<WarehouseVersion> warehouses(String accountId) {
        return all("warehouse_version", accountId, (rs, ctx) -> new WarehouseVersion(rs.getString("account_id"),
                rs.getString("workspace_id"), rs.getString("warehouse_id"), rs.getString("warehouse_name"),
                rs.getString("warehouse_type"), rs.getString("warehouse_size"), Binds.intOrNull(rs, "min_clusters"),
                Binds.intOrNull(rs, "max_clusters"), Binds.intOrNull(rs, "auto_stop_minutes"),
                Json.parseStringMap(rs.getString("tags_json")), b.ts(rs, "valid_from"), b.ts(rs, "valid_to"),
                b.ts(rs, "delete_time")));
    }

    @Override
    public List<SkuPrice> skuPrices(String accountId) {
        return all("sku_price", accountId, (rs, ctx) -> new SkuPrice(rs.getString("account_id"), rs.getString("sku_name"),
                rs.getString("cloud"), Currency.getInstance(rs.getString("currency_code")), rs.getString("usage_unit"),
                b.ts(rs, "price_start"), b.ts(rs, "price_end"), Binds.decimal(rs, "unit_price"),
                Binds.decimal(rs, "default_price")));
    }

    @Override
    public List<NodeType> nodeTypes(String accountId) {
        return all("node_type", accountId, (rs, ctx) -> new NodeType(rs.getString("account_id"), rs.getString("node_type"),
                rs.getDouble("core_count"), rs.getLong("memory_mb"), rs.getLong("gpu_count")));
    }

    @Override
    public List<Identity> identities(String accountId) {
        return all("identity", accountId, (rs, ctx) -> new Identity(rs.getString("account_id"), rs.getString("principal"),
                PrincipalKind.valueOf(rs.getString("principal_kind")), rs.getString("team")));
    }

    @Override
    public List<ClusterVersion> clusters(String accountId) {
        return all("cluster_version", accountId, (rs, ctx) -> new ClusterVersion(rs.getString("account_id"),
                rs.getString("workspace_id"), rs.getString("cluster_id"), rs.getString("cluster_name"),
                rs.getString("owner_name"), b.ts(rs, "valid_from"), b.ts(rs, "valid_to"),
                Binds.longOrNull(rs, "worker_count"), Binds.longOrNull(rs, "min_autoscale_workers"),
                Binds.longOrNull(rs, "max_autoscale_workers"), rs.getString("driver_node_type"),
                rs.getString("worker_node_type"), Binds.longOrNull(rs, "auto_termination_minutes"),
                rs.getString("cluster_source"), Json.parseStringMap(rs.getString("tags_json")),
                b.ts(rs, "create_time"), b.ts(rs, "delete_time")));
    }

    @Override
    public List<WorkUnit> workUnits(String accountId) {
        return all("work_unit", accountId, (rs, ctx) -> new WorkUnit(rs.getString("account_id"),
                ref(rs, "work_unit_type", "workspace_id", "external_id"), rs.getString("unit_name"),
                rs.getString("owner_name"), Json.parseStringMap(rs.getString("tags_json")), b.ts(rs, "first_seen"),
                b.ts(rs, "deleted_at")));
    }

    @Override
    public List<WorkUnitRun> runs(String accountId, Instant from, Instant to) {
        return times("work_unit_run", accountId, from, to, (rs, ctx) -> new WorkUnitRun(rs.getString("account_id"),
                ref(rs, "work_unit_type", "workspace_id", "external_id"), rs.getString("run_id"),
                b.ts(rs, "start_time"), b.ts(rs, "end_time"), rs.getString("result_state"),
                rs.getString("trigger_type"), rs.getInt("attempt"), Json.parseStringList(rs.getString("compute_ids_json"))));
    }

    @Override
    public List<UsageLineItem> usage(String accountId, LocalDate from, LocalDate to) {
        return days("usage_line_item", accountId, from, to, this::usageItem);
    }

    private UsageLineItem usageItem(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        String currency = rs.getString("list_cost_currency");
        Money cost = currency == null ? null : new Money(Binds.decimal(rs, "list_cost"), Currency.getInstance(currency));
        return new UsageLineItem(rs.getString("account_id"), rs.getString("record_id"), rs.getString("workspace_id"),
                b.date(rs, "usage_date"), b.ts(rs, "usage_start_time"), b.ts(rs, "usage_end_time"),
                rs.getString("sku_name"), rs.getString("cloud"), rs.getString("usage_unit"), Binds.decimal(rs, "quantity"),
                RecordType.valueOf(rs.getString("record_type")), b.date(rs, "ingestion_date"), rs.getString("product"),
                refOrNull(rs, "work_unit_type", "work_unit_workspace_id", "work_unit_external_id"),
                rs.getString("cluster_id"), rs.getString("warehouse_id"), rs.getString("job_id"),
                rs.getString("job_run_id"), rs.getString("pipeline_id"), rs.getString("endpoint_id"),
                rs.getString("notebook_id"), rs.getString("run_as"), rs.getString("owned_by"),
                Json.parseStringMap(rs.getString("custom_tags_json")), rs.getBoolean("serverless"),
                Binds.decimal(rs, "unit_price"), cost, PriceStatus.valueOf(rs.getString("price_status")),
                rs.getBoolean("provisional"));
    }

    @Override
    public List<WarehouseUptime> warehouseUptime(String accountId, Instant from, Instant to) {
        return times("warehouse_uptime", accountId, from, to, (rs, ctx) -> new WarehouseUptime(rs.getString("account_id"),
                rs.getString("workspace_id"), rs.getString("warehouse_id"), b.ts(rs, "start_time"),
                b.ts(rs, "end_time"), rs.getInt("cluster_count")));
    }

    @Override
    public List<QueryRecord> queries(String accountId, Instant from, Instant to) {
        return times("query", accountId, from, to, (rs, ctx) -> new QueryRecord(rs.getString("account_id"),
                rs.getString("workspace_id"), rs.getString("statement_id"), rs.getString("warehouse_id"),
                rs.getString("executed_by"), rs.getString("execution_status"), b.ts(rs, "start_time"),
                b.ts(rs, "end_time"), Duration.ofNanos(rs.getLong("total_duration_nanos")), rs.getLong("read_bytes"),
                refOrNull(rs, "work_unit_type", "work_unit_workspace_id", "work_unit_external_id")));
    }

    @Override
    public List<HourlyUtilisation> utilisation(String accountId, Instant from, Instant to) {
        return times("hourly_utilisation", accountId, from, to, (rs, ctx) -> new HourlyUtilisation(
                rs.getString("account_id"), rs.getString("workspace_id"), rs.getString("cluster_id"),
                b.ts(rs, "hour_start"), rs.getDouble("avg_cpu_percent"), rs.getDouble("p95_cpu_percent"),
                rs.getDouble("avg_memory_percent"), rs.getInt("node_count"), rs.getInt("samples")));
    }

    @Override
    public List<ServingDailyRequests> servingRequests(String accountId, LocalDate from, LocalDate to) {
        return days("serving_daily_requests", accountId, from, to, (rs, ctx) -> new ServingDailyRequests(
                rs.getString("account_id"), rs.getString("workspace_id"), rs.getString("endpoint_id"),
                b.date(rs, "usage_day"), rs.getLong("requests"), rs.getLong("input_tokens"), rs.getLong("output_tokens")));
    }

    @Override
    public Optional<LocalDate> earliestServingRequestDay(String accountId, LocalDate onOrBefore) {
        return db.withHandle("ledger_serving_daily_requests", accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_earliest_serving_request_day"))
                .bind("account_id", accountId)
                .bind("to_day", b.date(onOrBefore))
                .map((rs, ctx) -> Optional.ofNullable(b.date(rs, "earliest")))
                .one());
    }

    @Override
    public long builtThroughSequence(String accountId) {
        return db.withHandle("ledger_build_mark", accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_build_mark"))
                .bind("account_id", accountId)
                .mapTo(Long.class).findOne().orElse(0L));
    }

    @Override
    public Optional<Instant> latestUsageTime(String accountId) {
        return db.withHandle("ledger_usage_line_item", accountId, h -> h.createQuery(db.sql(JdbcLedgerReader.class,
                        "select_latest_usage_time"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> Optional.ofNullable(b.ts(rs, "latest")))
                .one());
    }

    private static WorkUnitRef ref(ResultSet rs, String type, String workspace, String id) throws SQLException {
        return new WorkUnitRef(WorkUnitType.valueOf(rs.getString(type)), rs.getString(workspace), rs.getString(id));
    }

    private static WorkUnitRef refOrNull(ResultSet rs, String type, String workspace, String id) throws SQLException {
        return rs.getString(type) == null ? null : ref(rs, type, workspace, id);
    }
}
