package dev.lakesentry.api.store;

import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.PlanReview;
import java.util.List;

/**
 * Reads review events, oldest first, scoped to one account.
 *
 * @since 0.1.0
 */
public interface ReviewReader {

    List<InsightReview> insightReviews(String accountId);

    List<PlanReview> planReviews(String accountId);
}
