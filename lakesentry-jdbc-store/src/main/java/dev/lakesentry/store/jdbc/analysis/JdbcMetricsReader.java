package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.ledger.WorkUnitRef;
import dev.lakesentry.api.ledger.WorkUnitType;
import dev.lakesentry.api.metrics.Badge;
import dev.lakesentry.api.metrics.Confidence;
import dev.lakesentry.api.metrics.CostAllocation;
import dev.lakesentry.api.metrics.CostDimension;
import dev.lakesentry.api.metrics.DailyCost;
import dev.lakesentry.api.metrics.OwnerKind;
import dev.lakesentry.api.metrics.SignificanceScore;
import dev.lakesentry.api.store.MetricsReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the metrics layer, one account at a time.
 *
 * @since 0.1.0
 */
public final class JdbcMetricsReader implements MetricsReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.metricsReader()}. */
    public JdbcMetricsReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public List<CostAllocation> allocations(String accountId, LocalDate from, LocalDate to) {
        return db.withHandle("metric_cost_allocation", accountId, h -> h.createQuery(db.sql(JdbcMetricsReader.class,
                        "select_cost_allocation"))
                .bind("account_id", accountId).bind("from_day", b.date(from)).bind("to_day", b.date(to))
                .map((rs, ctx) -> new CostAllocation(rs.getString("account_id"), b.date(rs, "usage_date"),
                        rs.getString("record_id"), OwnerKind.valueOf(rs.getString("owner_kind")),
                        rs.getString("owner_name"), Binds.decimal(rs, "share_fraction"),
                        new Money(Binds.decimal(rs, "amount"), Currency.getInstance(rs.getString("currency"))),
                        rs.getString("rule_id"), Confidence.valueOf(rs.getString("confidence"))))
                .list());
    }

    @Override
    public List<DailyCost> dailyCosts(String accountId, CostDimension dimension, LocalDate from, LocalDate to) {
        return db.withHandle("metric_daily_cost", accountId, h -> h.createQuery(db.sql(JdbcMetricsReader.class,
                        "select_daily_cost"))
                .bind("account_id", accountId).bind("dimension", dimension.name())
                .bind("from_day", b.date(from)).bind("to_day", b.date(to))
                .map((rs, ctx) -> new DailyCost(rs.getString("account_id"), b.date(rs, "usage_day"),
                        CostDimension.valueOf(rs.getString("dimension")), rs.getString("dim_key"),
                        new Money(Binds.decimal(rs, "cost"), Currency.getInstance(rs.getString("currency"))),
                        Binds.decimal(rs, "quantity"), rs.getLong("unpriced_rows")))
                .list());
    }

    @Override
    public List<SignificanceScore> latestScores(String accountId) {
        return db.withHandle("metric_significance_score", accountId, h -> h.createQuery(db.sql(JdbcMetricsReader.class,
                        "select_significance_score"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> new SignificanceScore(rs.getString("account_id"),
                        new WorkUnitRef(WorkUnitType.valueOf(rs.getString("work_unit_type")), rs.getString("workspace_id"),
                                rs.getString("external_id")),
                        b.ts(rs, "as_of"), rs.getDouble("score"),
                        new Money(Binds.decimal(rs, "cost"), Currency.getInstance(rs.getString("currency"))),
                        components(rs.getString("components_json")), badges(rs.getString("badges"))))
                .list());
    }

    @Override
    public OptionalLong attributedThroughSequence(String accountId) {
        return OptionalLong.of(db.withHandle("metric_attribution_mark", accountId, h -> h.createQuery(
                        db.sql(JdbcMetricsReader.class, "select_attribution_mark"))
                .bind("account_id", accountId)
                .mapTo(Long.class).findOne().orElse(0L)));
    }

    private static Map<String, Double> components(String json) {
        Map<String, Double> out = new LinkedHashMap<>();
        Json.parseObject(json).forEach((k, v) -> out.put(k, v instanceof BigDecimal d ? d.doubleValue()
                : ((Number) v).doubleValue()));
        return out;
    }

    private static Set<Badge> badges(String text) {
        Set<Badge> out = EnumSet.noneOf(Badge.class);
        if (text != null && !text.isEmpty()) {
            for (String b : text.split(",")) {
                out.add(Badge.valueOf(b));
            }
        }
        return out;
    }
}
