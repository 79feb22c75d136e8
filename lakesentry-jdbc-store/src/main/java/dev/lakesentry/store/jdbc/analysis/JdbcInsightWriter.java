package dev.lakesentry.store.jdbc.analysis;

import dev.lakesentry.api.insight.Evidence;
import dev.lakesentry.api.insight.Insight;
import dev.lakesentry.api.insight.LedgerRowRef;
import dev.lakesentry.api.insight.SeriesPoint;
import dev.lakesentry.api.store.InsightWriter;
import dev.lakesentry.store.jdbc.internal.Batches;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * Writes insights with the dialect's upsert ({@code MERGE} on H2, {@code ON CONFLICT} on PostgreSQL,
 * {@code ON DUPLICATE KEY} on MariaDB), keyed by the derived insight id.
 *
 * @since 0.1.0
 */
public final class JdbcInsightWriter extends WriterSupport<InsightWriter> implements InsightWriter {
    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.insightWriter()}. */
    public JdbcInsightWriter(Db db) {
        this(db, null);
    }

    private JdbcInsightWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected InsightWriter bindTo(Handle handle) {
        return new JdbcInsightWriter(db, handle);
    }

    @Override
    public void upsert(List<Insight> insights) {
        List<Insight> rows = List.copyOf(insights);
        String key = rows.isEmpty() ? null : rows.get(0).id() + (rows.size() > 1 ? " (+" + (rows.size() - 1) + ")" : "");
        write("insight_record", key, h -> Batches.insertAll(h, db.sql(JdbcInsightWriter.class, "upsert_insight"), rows,
                (q, i) -> q.bind("insight_id", i.id()).bind("account_id", i.accountId())
                        .bind("insight_type", i.type().value()).bind("severity", i.severity().name())
                        .bind("subject_kind", i.subject().kind().name()).bind("subject_id", i.subject().id())
                        .bind("subject_workspace_id", i.subject().workspaceId())
                        .bind("window_start", b.ts(i.window().start())).bind("window_end", b.ts(i.window().end()))
                        .bind("impact_amount", i.estimatedMonthlyImpact().amount())
                        .bind("impact_currency", i.estimatedMonthlyImpact().currency().getCurrencyCode())
                        .bind("evidence_json", Batches.json(evidence(i.evidence())))
                        .bind("detector_id", i.detectorId())
                        .bind("detector_params_json", Batches.json(i.detectorParameters()))
                        .bind("detected_at", b.ts(i.detectedAt()))));
    }

    /** Evidence as JSON; decimals as text so their scale survives, instants in ISO-8601. */
    static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", e.summary());
        out.put("figures", e.figures());
        List<Object> series = new ArrayList<>();
        for (SeriesPoint p : e.series()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", Binds.micros(p.at()).toString());
            m.put("value", p.value().toString());
            m.put("flagged", p.flagged());
            series.add(m);
        }
        out.put("series", series);
        List<Object> rows = new ArrayList<>();
        for (LedgerRowRef r : e.rows()) {
            rows.add(Map.of("table", r.table(), "key", r.key()));
        }
        out.put("rows", rows);
        return out;
    }

    @Override
    public void truncate(String accountId) {
        write("insight_record", accountId, h -> h.createUpdate(db.sql(JdbcInsightWriter.class, "delete_insight_by_account"))
                .bind("account_id", accountId).execute());
    }

    @Override
    public void recordRun(String accountId, String detectorId, java.time.Instant asOf) {
        write("insight_detection_run", accountId + "/" + detectorId, h -> {
            h.createUpdate(db.sql(JdbcInsightWriter.class, "delete_detection_run")).bind("account_id", accountId)
                    .bind("detector_id", detectorId).execute();
            return h.createUpdate(db.sql(JdbcInsightWriter.class, "insert_detection_run")).bind("account_id", accountId)
                    .bind("detector_id", detectorId).bind("as_of", b.ts(asOf)).execute();
        });
    }
}
