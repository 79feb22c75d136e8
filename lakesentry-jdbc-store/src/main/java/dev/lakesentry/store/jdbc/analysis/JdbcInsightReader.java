package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.Money;
import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.InsightType;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.insight.Severity;
import dev.lakesentry.api.insight.Subject;
import dev.lakesentry.api.insight.SubjectKind;
import dev.lakesentry.api.insight.TimeWindow;
import dev.lakesentry.api.store.InsightReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads insights, one account at a time, by id.
 *
 * @since 0.1.0
 */
public final class JdbcInsightReader implements InsightReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.insightReader()}. */
    public JdbcInsightReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public Optional<Insight> insight(String accountId, String insightId) {
        return db.withHandle("insight_record", insightId, h -> h.createQuery(db.sql(JdbcInsightReader.class,
                        "select_one_insight"))
                .bind("account_id", accountId).bind("id", insightId)
                .map((rs, ctx) -> insight(rs))
                .findOne());
    }

    @Override
    public List<Insight> insights(String accountId) {
        return db.withHandle("insight_record", accountId, h -> h.createQuery(db.sql(JdbcInsightReader.class, "select_insight"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> insight(rs))
                .list());
    }

    private Insight insight(ResultSet rs) throws SQLException {
        return new Insight(rs.getString("insight_id"), rs.getString("account_id"), new InsightType(rs.getString("insight_type")),
                Severity.valueOf(rs.getString("severity")),
                new Subject(SubjectKind.valueOf(rs.getString("subject_kind")), rs.getString("subject_id"),
                        rs.getString("subject_workspace_id")),
                new TimeWindow(b.ts(rs, "window_start"), b.ts(rs, "window_end")),
                new Money(Binds.decimal(rs, "impact_amount"), Currency.getInstance(rs.getString("impact_currency"))),
                evidence(rs.getString("evidence_json")), rs.getString("detector_id"),
                Json.parseStringMap(rs.getString("detector_params_json")), b.ts(rs, "detected_at"));
    }

    @SuppressWarnings("unchecked")
    static Evidence evidence(String json) {
        Map<String, Object> m = Json.parseObject(json);
        List<SeriesPoint> series = new ArrayList<>();
        for (Object o : (List<Object>) m.get("series")) {
            Map<String, Object> p = (Map<String, Object>) o;
            series.add(new SeriesPoint(Instant.parse((String) p.get("at")), new BigDecimal((String) p.get("value")),
                    (Boolean) p.get("flagged")));
        }
        List<LedgerRowRef> rows = new ArrayList<>();
        for (Object o : (List<Object>) m.get("rows")) {
            Map<String, Object> r = (Map<String, Object>) o;
            rows.add(new LedgerRowRef((String) r.get("table"), (String) r.get("key")));
        }
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) m.get("figures")).forEach((k, v) -> figures.put(k, (String) v));
        return new Evidence((String) m.get("summary"), figures, series, rows);
    }

    @Override
    public Optional<java.time.Instant> latestRun(String accountId, String detectorId) {
        return db.withHandle("insight_detection_run", accountId, h -> h.createQuery(db.sql(JdbcInsightReader.class,
                        "select_detection_run"))
                .bind("account_id", accountId).bind("detector_id", detectorId)
                .map((rs, ctx) -> new dev.lakesentry.store.jdbc.internal.Binds(db.dialect()).ts(rs, "as_of"))
                .findOne());
    }
}
