package dev.lakesentry.api.review;

/**
 * A decision on an action plan.
 *
 * @since 0.1.0
 */
public enum PlanDecision {
    APPROVE, REJECT
}
