package dev.lakesentry.api.review;

import dev.lakesentry.api.internal.Checks;
import java.time.Instant;

/**
 * An append-only review event on an insight.
 *
 * @param id          unique id of the event
 * @param accountId   the account
 * @param insightId   the insight
 * @param action      acknowledge, snooze, dismiss or reopen
 * @param by          who
 * @param at          when
 * @param snoozeUntil for a snooze, until when; otherwise {@code null}
 * @param note        an optional note
 * @since 0.1.0
 */
public record InsightReview(String id, String accountId, String insightId, InsightReviewAction action, Reviewer by,
                            Instant at, Instant snoozeUntil, String note) {
    public InsightReview {
        Checks.notBlank(id, "InsightReview", "id");
        Checks.notBlank(accountId, "InsightReview", "accountId");
        Checks.notBlank(insightId, "InsightReview", "insightId");
        Checks.notNull(action, "InsightReview", "action");
        Checks.notNull(by, "InsightReview", "by");
        Checks.notNull(at, "InsightReview", "at");
        if ((action == InsightReviewAction.SNOOZE) != (snoozeUntil != null)) {
            throw new IllegalArgumentException("InsightReview.snoozeUntil must be set for SNOOZE and only for SNOOZE, was "
                    + snoozeUntil + " for " + action);
        }
        if (snoozeUntil != null && !snoozeUntil.isAfter(at)) {
            throw new IllegalArgumentException("InsightReview.snoozeUntil (" + snoozeUntil + ") must be after at (" + at + ")");
        }
    }
}
