package dev.lakesentry.api.store;

import dev.lakesentry.api.review.InsightReview;
import dev.lakesentry.api.review.PlanReview;

/**
 * Appends review events. Append-only: there is no update and no delete.
 *
 * @since 0.1.0
 */
public interface ReviewWriter extends Transactional<ReviewWriter> {

    void append(InsightReview review);

    void append(PlanReview review);
}
