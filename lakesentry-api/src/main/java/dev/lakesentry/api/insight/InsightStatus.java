package dev.lakesentry.api.insight;

/**
 * The status a person sees, derived from the insight, the latest analysis run and the review events.
 *
 * @since 0.1.0
 */
public enum InsightStatus {
    OPEN, ACKNOWLEDGED, SNOOZED, DISMISSED,
    /** The latest analysis no longer finds the condition. */
    RESOLVED
}
