package dev.lakesentry.api.review;

/**
 * What a person did to an insight.
 *
 * @since 0.1.0
 */
public enum InsightReviewAction {
    ACKNOWLEDGE, SNOOZE, DISMISS, REOPEN
}
