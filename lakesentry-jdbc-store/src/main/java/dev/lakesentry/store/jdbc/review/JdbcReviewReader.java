package dev.lakesentry.store.jdbc.review;

import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.InsightReviewAction;
import dev.lakesentry.api.review.PlanDecision;
import dev.lakesentry.api.review.PlanReview;
import dev.lakesentry.api.review.Reviewer;
import dev.lakesentry.api.store.ReviewReader;
import dev.lakesentry.store.jdbc.internal.Binds;
import dev.lakesentry.store.jdbc.internal.Db;
import java.util.List;

/**
 * Reads review events, oldest first (ties in the order they were appended).
 *
 * @since 0.1.0
 */
public final class JdbcReviewReader implements ReviewReader {
    private final Db db;
    private final Binds b;

    /** A reader over the store's pool; use {@code JdbcStore.reviewReader()}. */
    public JdbcReviewReader(Db db) {
        this.db = db;
        this.b = new Binds(db.dialect());
    }

    @Override
    public List<InsightReview> insightReviews(String accountId) {
        return db.withHandle("review_insight_review", accountId, h -> h.createQuery(db.sql(JdbcReviewReader.class,
                        "select_insight_review"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> new InsightReview(rs.getString("review_id"), rs.getString("account_id"),
                        rs.getString("insight_id"), InsightReviewAction.valueOf(rs.getString("review_action")),
                        new Reviewer(rs.getString("reviewer")), b.ts(rs, "event_time"), b.ts(rs, "snooze_until"),
                        rs.getString("note")))
                .list());
    }

    @Override
    public List<PlanReview> planReviews(String accountId) {
        return db.withHandle("review_plan_review", accountId, h -> h.createQuery(db.sql(JdbcReviewReader.class,
                        "select_plan_review"))
                .bind("account_id", accountId)
                .map((rs, ctx) -> new PlanReview(rs.getString("review_id"), rs.getString("account_id"),
                        rs.getString("plan_id"), PlanDecision.valueOf(rs.getString("decision")),
                        new Reviewer(rs.getString("reviewer")), b.ts(rs, "event_time"), rs.getString("note")))
                .list());
    }
}
