package dev.lakesentry.api.plan;

/**
 * The outcome of one execution attempt, as the action log records it.
 *
 * @since 0.1.0
 */
public enum ActionOutcome {
    /** Written before the API call. */
    STARTED,
    /** Dry run: the changes that would be made. */
    DRY_RUN,
    SUCCEEDED,
    FAILED,
    /** Live state no longer matches the plan; nothing was changed. */
    SKIPPED_STALE,
    /** Refused before any call (protected resource, blast radius, not approved…). */
    REFUSED,
    /** A rollback restored the pre-image. */
    ROLLED_BACK
}
