package dev.lakesentry.store.jdbc.transform;

import dev.lakesentry.api.ledger.ClusterVersion;
import dev.lakesentry.api.ledger.HourlyUtilisation;
import dev.lakesentry.api.ledger.Identity;
import dev.lakesentry.api.ledger.NodeType;
import dev.lakesentry.api.ledger.QueryRecord;
import dev.lakesentry.api.ledger.ServingDailyRequests;
import dev.lakesentry.api.ledger.SkuPrice;
import dev.lakesentry.api.ledger.UsageLineItem;
import dev.lakesentry.api.ledger.WarehouseUptime;
import dev.lakesentry.api.ledger.WarehouseVersion;
import dev.lakesentry.api.ledger.WorkUnit;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitRun;
import dev.lakesentry.api.ledger.Workspace;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.LedgerActivity;
import dev.lakesentry.api.store.LedgerReference;
import dev.lakesentry.api.store.LedgerWriter;
import dev.lakesentry.store.jdbc.internal.Batches;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Writes ledger rows computed in Java. Each call deletes what it covers and inserts the new rows in one
 * transaction, so re-running a partition is idempotent and a failure leaves the old rows in place.
 *
 * @since 0.1.0
 */
public final class JdbcLedgerWriter extends WriterSupport<LedgerWriter> implements LedgerWriter {
    /** The undated ledger entities, in the order {@link LedgerReference} lists them. */
    static final List<String> REFERENCE = List.of("workspace", "warehouse_version", "sku_price", "node_type", "identity",
            "cluster_version", "work_unit");
    /** The dated ledger entities, in the order {@link LedgerActivity} lists them. */
    static final List<String> ACTIVITY = List.of("usage_line_item", "work_unit_run", "warehouse_uptime", "query",
            "hourly_utilisation", "serving_daily_requests");

    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.ledgerWriter()}. */
    public JdbcLedgerWriter(Db db) {
        this(db, null);
    }

    private JdbcLedgerWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected LedgerWriter bindTo(Handle handle) {
        return new JdbcLedgerWriter(db, handle);
    }

    private String sql(String name) {
        return db.sql(JdbcLedgerWriter.class, name);
    }

    @Override
    public void replaceReference(String accountId, LedgerReference r) {
        Objects.requireNonNull(r, "reference");
        requireAccount(accountId, r.workspaces(), Workspace::accountId, "workspace");
        requireAccount(accountId, r.warehouses(), WarehouseVersion::accountId, "warehouse");
        requireAccount(accountId, r.skuPrices(), SkuPrice::accountId, "SKU price");
        requireAccount(accountId, r.nodeTypes(), NodeType::accountId, "node type");
        requireAccount(accountId, r.identities(), Identity::accountId, "identity");
        requireAccount(accountId, r.clusters(), ClusterVersion::accountId, "cluster");
        requireAccount(accountId, r.workUnits(), WorkUnit::accountId, "work unit");
        write("ledger_workspace", accountId, h -> {
            for (String entity : REFERENCE) {
                h.createUpdate(sql("delete_" + entity + "_by_account")).bind("account_id", accountId).execute();
            }
            Batches.insertAll(h, sql("insert_workspace"), r.workspaces(), (q, w) -> q
                    .bind("account_id", w.accountId()).bind("workspace_id", w.workspaceId())
                    .bind("workspace_name", w.name()).bind("workspace_url", w.url()).bind("status", w.status())
                    .bind("create_time", b.ts(w.createTime())));
            Batches.insertAll(h, sql("insert_warehouse_version"), r.warehouses(), (q, w) -> q
                    .bind("account_id", w.accountId()).bind("workspace_id", w.workspaceId())
                    .bind("warehouse_id", w.warehouseId()).bind("warehouse_name", w.name())
                    .bind("warehouse_type", w.warehouseType()).bind("warehouse_size", w.size())
                    .bind("min_clusters", w.minClusters()).bind("max_clusters", w.maxClusters())
                    .bind("auto_stop_minutes", w.autoStopMinutes()).bind("tags_json", Batches.json(w.tags()))
                    .bind("valid_from", b.ts(w.validFrom())).bind("valid_to", b.ts(w.validTo()))
                    .bind("delete_time", b.ts(w.deleteTime())));
            Batches.insertAll(h, sql("insert_sku_price"), r.skuPrices(), (q, p) -> q
                    .bind("account_id", p.accountId()).bind("sku_name", p.skuName()).bind("cloud", p.cloud())
                    .bind("currency_code", p.currency().getCurrencyCode()).bind("usage_unit", p.usageUnit())
                    .bind("price_start", b.ts(p.priceStart())).bind("price_end", b.ts(p.priceEnd()))
                    .bind("unit_price", p.unitPrice()).bind("default_price", p.defaultPrice()));
            Batches.insertAll(h, sql("insert_node_type"), r.nodeTypes(), (q, n) -> q
                    .bind("account_id", n.accountId()).bind("node_type", n.nodeType()).bind("core_count", n.coreCount())
                    .bind("memory_mb", n.memoryMb()).bind("gpu_count", n.gpuCount()));
            Batches.insertAll(h, sql("insert_identity"), r.identities(), (q, i) -> q
                    .bind("account_id", i.accountId()).bind("principal", i.principal())
                    .bind("principal_kind", i.kind().name()).bind("team", i.team()));
            Batches.insertAll(h, sql("insert_cluster_version"), r.clusters(), (q, c) -> q
                    .bind("account_id", c.accountId()).bind("workspace_id", c.workspaceId())
                    .bind("cluster_id", c.clusterId()).bind("cluster_name", c.clusterName())
                    .bind("owner_name", c.owner()).bind("valid_from", b.ts(c.validFrom()))
                    .bind("valid_to", b.ts(c.validTo())).bind("worker_count", c.workerCount())
                    .bind("min_autoscale_workers", c.minAutoscaleWorkers())
                    .bind("max_autoscale_workers", c.maxAutoscaleWorkers())
                    .bind("driver_node_type", c.driverNodeType()).bind("worker_node_type", c.workerNodeType())
                    .bind("auto_termination_minutes", c.autoTerminationMinutes())
                    .bind("cluster_source", c.clusterSource()).bind("tags_json", Batches.json(c.tags()))
                    .bind("create_time", b.ts(c.createTime())).bind("delete_time", b.ts(c.deleteTime())));
            Batches.insertAll(h, sql("insert_work_unit"), r.workUnits(), (q, w) -> ref(q, w.ref(), "")
                    .bind("account_id", w.accountId()).bind("unit_name", w.name()).bind("owner_name", w.owner())
                    .bind("tags_json", Batches.json(w.tags())).bind("first_seen", b.ts(w.firstSeen()))
                    .bind("deleted_at", b.ts(w.deletedAt())));
            return null;
        });
    }

    @Override
    public void replacePartition(Partition p, LedgerActivity a) {
        Objects.requireNonNull(p, "partition");
        Objects.requireNonNull(a, "activity");
        for (UsageLineItem u : a.usage()) {
            requireIn(p, u.accountId(), u.usageDate(), "usage line item '" + u.recordId() + "'");
        }
        for (WorkUnitRun r : a.runs()) {
            requireIn(p, r.accountId(), day(r.start()), "run '" + r.runId() + "'");
        }
        for (WarehouseUptime u : a.warehouseUptime()) {
            requireIn(p, u.accountId(), day(u.start()), "uptime of warehouse '" + u.warehouseId() + "' at " + u.start());
        }
        for (QueryRecord q : a.queries()) {
            requireIn(p, q.accountId(), day(q.start()), "query '" + q.statementId() + "'");
        }
        for (HourlyUtilisation u : a.utilisation()) {
            requireIn(p, u.accountId(), day(u.hour()), "utilisation of cluster '" + u.clusterId() + "' at " + u.hour());
        }
        for (ServingDailyRequests s : a.servingRequests()) {
            requireIn(p, s.accountId(), s.day(), "serving requests of endpoint '" + s.endpointId() + "' on " + s.day());
        }
        Instant fromTime = p.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant toTime = p.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        write("ledger_usage_line_item", p.accountId() + " " + p.from() + ".." + p.to(), h -> {
            for (String entity : ACTIVITY) {
                h.createUpdate(sql("delete_" + entity + "_in_range")).bind("account_id", p.accountId())
                        .bind("from_day", b.date(p.from())).bind("to_day", b.date(p.to()))
                        .bind("from_time", b.ts(fromTime)).bind("to_time", b.ts(toTime))
                        .execute();
            }
            Batches.insertAll(h, sql("insert_usage_line_item"), a.usage(), this::bindUsage);
            Batches.insertAll(h, sql("insert_work_unit_run"), a.runs(), (q, r) -> ref(q, r.workUnit(), "")
                    .bind("account_id", r.accountId()).bind("run_id", r.runId())
                    .bind("start_time", b.ts(r.start())).bind("end_time", b.ts(r.end()))
                    .bind("result_state", r.resultState()).bind("trigger_type", r.triggerType())
                    .bind("attempt", r.attempt()).bind("compute_ids_json", Batches.json(r.computeIds())));
            Batches.insertAll(h, sql("insert_warehouse_uptime"), a.warehouseUptime(), (q, u) -> q
                    .bind("account_id", u.accountId()).bind("workspace_id", u.workspaceId())
                    .bind("warehouse_id", u.warehouseId()).bind("start_time", b.ts(u.start()))
                    .bind("end_time", b.ts(u.end())).bind("cluster_count", u.clusterCount()));
            Batches.insertAll(h, sql("insert_query"), a.queries(), (q, r) -> refOrNull(q, r.workUnit(), "work_unit_")
                    .bind("account_id", r.accountId()).bind("workspace_id", r.workspaceId())
                    .bind("statement_id", r.statementId()).bind("warehouse_id", r.warehouseId())
                    .bind("executed_by", r.executedBy()).bind("execution_status", r.executionStatus())
                    .bind("start_time", b.ts(r.start())).bind("end_time", b.ts(r.end()))
                    .bind("total_duration_nanos", r.totalDuration().toNanos()).bind("read_bytes", r.readBytes()));
            Batches.insertAll(h, sql("insert_hourly_utilisation"), a.utilisation(), (q, u) -> q
                    .bind("account_id", u.accountId()).bind("workspace_id", u.workspaceId())
                    .bind("cluster_id", u.clusterId()).bind("hour_start", b.ts(u.hour()))
                    .bind("avg_cpu_percent", u.avgCpuPercent()).bind("p95_cpu_percent", u.p95CpuPercent())
                    .bind("avg_memory_percent", u.avgMemoryPercent()).bind("node_count", u.nodeCount())
                    .bind("samples", u.samples()));
            Batches.insertAll(h, sql("insert_serving_daily_requests"), a.servingRequests(), (q, s) -> q
                    .bind("account_id", s.accountId()).bind("workspace_id", s.workspaceId())
                    .bind("endpoint_id", s.endpointId()).bind("usage_day", b.date(s.day()))
                    .bind("requests", s.requests()).bind("input_tokens", s.inputTokens())
                    .bind("output_tokens", s.outputTokens()));
            return null;
        });
    }

    private void bindUsage(PreparedBatch q, UsageLineItem u) {
        refOrNull(q, u.workUnit(), "work_unit_")
                .bind("account_id", u.accountId()).bind("record_id", u.recordId()).bind("workspace_id", u.workspaceId())
                .bind("usage_date", b.date(u.usageDate())).bind("usage_start_time", b.ts(u.usageStart()))
                .bind("usage_end_time", b.ts(u.usageEnd())).bind("sku_name", u.skuName()).bind("cloud", u.cloud())
                .bind("usage_unit", u.usageUnit()).bind("quantity", u.quantity())
                .bind("record_type", u.recordType().name()).bind("ingestion_date", b.date(u.ingestionDate()))
                .bind("product", u.product()).bind("cluster_id", u.clusterId()).bind("warehouse_id", u.warehouseId())
                .bind("job_id", u.jobId()).bind("job_run_id", u.jobRunId()).bind("pipeline_id", u.pipelineId())
                .bind("endpoint_id", u.endpointId()).bind("notebook_id", u.notebookId()).bind("run_as", u.runAs())
                .bind("owned_by", u.ownedBy()).bind("custom_tags_json", Batches.json(u.customTags()))
                .bind("serverless", u.serverless()).bind("unit_price", u.unitPrice())
                .bind("list_cost", u.listCost() == null ? null : u.listCost().amount())
                .bind("list_cost_currency", u.listCost() == null ? null : u.listCost().currency().getCurrencyCode())
                .bind("price_status", u.priceStatus().name()).bind("provisional", u.provisional());
    }

    /** Binds a work unit reference as {@code work_unit_type}, {@code workspace_id}, {@code external_id}. */
    private static PreparedBatch ref(PreparedBatch q, WorkUnitRef ref, String prefix) {
        return q.bind("work_unit_type", ref.type().name()).bind(prefix + "workspace_id", ref.workspaceId())
                .bind(prefix + "external_id", ref.externalId());
    }

    private static PreparedBatch refOrNull(PreparedBatch q, WorkUnitRef ref, String prefix) {
        return q.bind("work_unit_type", ref == null ? null : ref.type().name())
                .bind(prefix + "workspace_id", ref == null ? null : ref.workspaceId())
                .bind(prefix + "external_id", ref == null ? null : ref.externalId());
    }

    @Override
    public void truncate(String accountId) {
        write("ledger_*", accountId, h -> {
            for (String entity : ACTIVITY) {
                h.createUpdate(sql("delete_" + entity + "_by_account")).bind("account_id", accountId).execute();
            }
            for (String entity : REFERENCE) {
                h.createUpdate(sql("delete_" + entity + "_by_account")).bind("account_id", accountId).execute();
            }
            return null;
        });
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    private static void requireIn(Partition p, String accountId, LocalDate day, String what) {
        if (!p.accountId().equals(accountId) || !p.contains(day)) {
            throw new IllegalArgumentException("Ledger " + what + " of account '" + accountId + "' on " + day
                    + " lies outside partition " + p.accountId() + " " + p.from() + ".." + p.to());
        }
    }

    private static <T> void requireAccount(String accountId, List<T> rows, java.util.function.Function<T, String> account,
                                           String what) {
        Objects.requireNonNull(accountId, "accountId");
        for (T row : rows) {
            if (!accountId.equals(account.apply(row))) {
                throw new IllegalArgumentException("Ledger " + what + " " + row + " belongs to account '"
                        + account.apply(row) + "', not '" + accountId + "'");
            }
        }
    }
}
