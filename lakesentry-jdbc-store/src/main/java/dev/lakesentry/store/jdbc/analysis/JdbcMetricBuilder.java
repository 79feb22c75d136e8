package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.MetricBuilder;
import dev.lakesentry.api.store.MetricStep;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * The analysis stage's set-based rollups: each step deletes the partition's rows of its metric and
 * writes them again with one {@code INSERT … SELECT … GROUP BY} over the ledger (or, for team costs, over
 * the allocations), so re-running a partition gives the same rows.
 *
 * @since 0.1.0
 */
public final class JdbcMetricBuilder extends WriterSupport<MetricBuilder> implements MetricBuilder {
    private static final List<String> COST_DIMENSIONS = List.of("WORKSPACE", "SKU", "PRODUCT", "WORK_UNIT");

    private final Binds b;

    /** A builder over the store's pool; use {@code JdbcStore.metricBuilder()}. */
    public JdbcMetricBuilder(Db db) {
        this(db, null);
    }

    private JdbcMetricBuilder(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected MetricBuilder bindTo(Handle handle) {
        return new JdbcMetricBuilder(db, handle);
    }

    private String sql(String name) {
        return db.sql(JdbcMetricBuilder.class, name);
    }

    @Override
    public long run(MetricStep step, Partition partition) {
        Objects.requireNonNull(step, "step");
        Map<String, Object> bounds = bounds(Objects.requireNonNull(partition, "partition"));
        return write("metric_" + step.name().toLowerCase(java.util.Locale.ROOT), partition.accountId(), h -> switch (step) {
            case DAILY_COST -> {
                long n = 0;
                for (String dimension : COST_DIMENSIONS) {
                    h.createUpdate(sql("delete_daily_cost_in_range")).bindMap(bounds).bind("dimension", dimension).execute();
                    n += h.createUpdate(sql("rollup_daily_cost_" + dimension.toLowerCase(java.util.Locale.ROOT)))
                            .bindMap(bounds).execute();
                }
                yield n;
            }
            case DAILY_TEAM_COST -> {
                h.createUpdate(sql("delete_daily_cost_in_range")).bindMap(bounds).bind("dimension", "TEAM").execute();
                yield (long) h.createUpdate(sql("rollup_daily_cost_team")).bindMap(bounds).execute();
            }
            case CLUSTER_UTILISATION -> {
                h.createUpdate(sql("delete_cluster_daily_in_range")).bindMap(bounds).execute();
                yield (long) h.createUpdate(sql("rollup_cluster_daily")).bindMap(bounds).execute();
            }
            case QUERY_ANALYTICS -> {
                h.createUpdate(sql("delete_warehouse_query_daily_in_range")).bindMap(bounds).execute();
                yield (long) h.createUpdate(sql("rollup_warehouse_query_daily")).bindMap(bounds).execute();
            }
        });
    }

    private Map<String, Object> bounds(Partition p) {
        return b.partition(p);
    }
}
