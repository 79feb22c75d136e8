package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.metrics.Badge;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.stage.Partition;
import dev.lakesentry.api.store.MetricsWriter;
import dev.lakesentry.store.jdbc.internal.Batches;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Writes the metrics layer: each call deletes what it covers and inserts the new rows in one transaction.
 *
 * @since 0.1.0
 */
public final class JdbcMetricsWriter extends WriterSupport<MetricsWriter> implements MetricsWriter {
    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.metricsWriter()}. */
    public JdbcMetricsWriter(Db db) {
        this(db, null);
    }

    private JdbcMetricsWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected MetricsWriter bindTo(Handle handle) {
        return new JdbcMetricsWriter(db, handle);
    }

    private String sql(String name) {
        return db.sql(JdbcMetricsWriter.class, name);
    }

    @Override
    public void replaceAllocations(Partition p, List<CostAllocation> allocations) {
        Objects.requireNonNull(p, "partition");
        List<CostAllocation> rows = List.copyOf(allocations);
        for (CostAllocation a : rows) {
            if (!a.accountId().equals(p.accountId()) || !p.contains(a.usageDate())) {
                throw new IllegalArgumentException("Allocation of record '" + a.recordId() + "' (account '" + a.accountId()
                        + "', " + a.usageDate() + ") lies outside partition " + p.accountId() + " " + p.from() + ".." + p.to());
            }
        }
        write("metric_cost_allocation", p.accountId() + " " + p.from() + ".." + p.to(), h -> {
            h.createUpdate(sql("delete_cost_allocation_in_range")).bind("account_id", p.accountId())
                    .bind("from_day", b.date(p.from())).bind("to_day", b.date(p.to())).execute();
            return Batches.insertAll(h, sql("insert_cost_allocation"), rows, (q, a) -> q
                    .bind("account_id", a.accountId()).bind("usage_date", b.date(a.usageDate()))
                    .bind("record_id", a.recordId()).bind("owner_kind", a.ownerKind().name())
                    .bind("owner_name", a.owner()).bind("share_fraction", a.share())
                    .bind("amount", a.amount().amount()).bind("currency", a.amount().currency().getCurrencyCode())
                    .bind("rule_id", a.ruleId()).bind("confidence", a.confidence().name()));
        });
    }

    @Override
    public void replaceDailyCosts(Partition p, List<DailyCost> costs) {
        Objects.requireNonNull(p, "partition");
        List<DailyCost> rows = List.copyOf(costs);
        Set<CostDimension> dimensions = EnumSet.noneOf(CostDimension.class);
        for (DailyCost c : rows) {
            if (!c.accountId().equals(p.accountId()) || !p.contains(c.day())) {
                throw new IllegalArgumentException("Daily cost " + c.dimension() + " '" + c.key() + "' (account '"
                        + c.accountId() + "', " + c.day() + ") lies outside partition " + p.accountId() + " " + p.from()
                        + ".." + p.to());
            }
            dimensions.add(c.dimension());
        }
        write("metric_daily_cost", p.accountId() + " " + p.from() + ".." + p.to(), h -> {
            for (CostDimension d : dimensions) {
                h.createUpdate(sql("delete_daily_cost_in_range")).bind("account_id", p.accountId())
                        .bind("dimension", d.name()).bind("from_day", b.date(p.from())).bind("to_day", b.date(p.to()))
                        .execute();
            }
            return Batches.insertAll(h, sql("insert_daily_cost"), rows, (q, c) -> q
                    .bind("account_id", c.accountId()).bind("usage_day", b.date(c.day()))
                    .bind("dimension", c.dimension().name()).bind("dim_key", c.key())
                    .bind("cost", c.cost().amount()).bind("currency", c.cost().currency().getCurrencyCode())
                    .bind("quantity", c.quantity()).bind("unpriced_rows", c.unpricedRows()));
        });
    }

    @Override
    public void replaceScores(String accountId, Instant asOf, List<SignificanceScore> scores) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(asOf, "asOf");
        List<SignificanceScore> rows = List.copyOf(scores);
        for (SignificanceScore s : rows) {
            if (!s.accountId().equals(accountId) || !s.asOf().equals(asOf)) {
                throw new IllegalArgumentException("Score of " + s.workUnit().key() + " (account '" + s.accountId()
                        + "', as of " + s.asOf() + ") is not of account '" + accountId + "' as of " + asOf);
            }
        }
        write("metric_significance_score", accountId, h -> {
            h.createUpdate(sql("delete_significance_score_by_account")).bind("account_id", accountId).execute();
            return Batches.insertAll(h, sql("insert_significance_score"), rows, (q, s) -> q
                    .bind("account_id", s.accountId()).bind("work_unit_type", s.workUnit().type().name())
                    .bind("workspace_id", s.workUnit().workspaceId()).bind("external_id", s.workUnit().externalId())
                    .bind("as_of", b.ts(s.asOf())).bind("score", s.score()).bind("cost", s.cost().amount())
                    .bind("currency", s.cost().currency().getCurrencyCode())
                    .bind("components_json", Batches.json(components(s.components())))
                    .bind("badges", badges(s.badges())));
        });
    }

    /** Components as JSON numbers (doubles written through {@link BigDecimal#valueOf(double)}, exact on read). */
    private static Map<String, Object> components(Map<String, Double> components) {
        Map<String, Object> out = new TreeMap<>();
        components.forEach((k, v) -> out.put(k, BigDecimal.valueOf(v)));
        return out;
    }

    static String badges(Set<Badge> badges) {
        return badges.stream().map(Badge::name).sorted().collect(Collectors.joining(","));
    }

    @Override
    public void truncate(String accountId) {
        write("metric_*", accountId, h -> {
            for (String entity : List.of("cost_allocation", "daily_cost", "significance_score", "attribution_mark")) {
                h.createUpdate(sql("delete_" + entity + "_by_account")).bind("account_id", accountId).execute();
            }
            return null;
        });
    }

    @Override
    public void markAttributedThrough(String accountId, long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("Attribution mark of account '" + accountId + "' must not be negative, was "
                    + sequence);
        }
        write("metric_attribution_mark", accountId, h -> {
            h.createUpdate(sql("delete_attribution_mark_by_account")).bind("account_id", accountId).execute();
            return h.createUpdate(sql("insert_attribution_mark")).bind("account_id", accountId)
                    .bind("extraction_seq", sequence).execute();
        });
    }
}
