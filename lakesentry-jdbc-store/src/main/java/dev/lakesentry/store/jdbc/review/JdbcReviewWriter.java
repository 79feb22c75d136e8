package dev.lakesentry.store.jdbc.review;

import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.store.ReviewWriter;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import dev.lakesentry.store.jdbc.internal.WriterSupport;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Appends review events. Append-only: there is no update and no delete, and the database refuses both.
 *
 * @since 0.1.0
 */
public final class JdbcReviewWriter extends WriterSupport<ReviewWriter> implements ReviewWriter {
    private final Binds b;

    /** A writer over the store's pool; use {@code JdbcStore.reviewWriter()}. */
    public JdbcReviewWriter(Db db) {
        this(db, null);
    }

    private JdbcReviewWriter(Db db, Handle bound) {
        super(db, bound);
        this.b = new Binds(db.dialect());
    }

    @Override
    protected ReviewWriter bindTo(Handle handle) {
        return new JdbcReviewWriter(db, handle);
    }

    @Override
    public void append(InsightReview r) {
        Objects.requireNonNull(r, "review");
        write("review_insight_review", r.id(), h -> h.createUpdate(db.sql(JdbcReviewWriter.class, "insert_insight_review"))
                .bind("review_id", r.id()).bind("account_id", r.accountId()).bind("insight_id", r.insightId())
                .bind("review_action", r.action().name()).bind("reviewer", r.by().name())
                .bind("event_time", b.ts(r.at())).bind("snooze_until", b.ts(r.snoozeUntil())).bind("note", r.note())
                .execute());
    }

    @Override
    public void append(PlanReview r) {
        Objects.requireNonNull(r, "review");
        write("review_plan_review", r.id(), h -> h.createUpdate(db.sql(JdbcReviewWriter.class, "insert_plan_review"))
                .bind("review_id", r.id()).bind("account_id", r.accountId()).bind("plan_id", r.planId())
                .bind("decision", r.decision().name()).bind("reviewer", r.by().name())
                .bind("event_time", b.ts(r.at())).bind("note", r.note())
                .execute());
    }
}
