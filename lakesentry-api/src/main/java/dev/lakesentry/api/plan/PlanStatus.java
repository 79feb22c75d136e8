package dev.lakesentry.api.plan;

/**
 * A plan's status, derived from review events and the action log, never stored by overwriting.
 *
 * @since 0.1.0
 */
public enum PlanStatus {
    PENDING, APPROVED, REJECTED, EXPIRED, EXECUTED, FAILED, SKIPPED_STALE, ROLLED_BACK
}
