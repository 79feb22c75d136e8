package dev.lakesentry.api.spi;

/**
 * What an executor did.
 *
 * @since 0.1.0
 */
public enum ExecutionStatus {
    /** Dry run: the changes were computed, nothing was changed. */
    DRY_RUN,
    SUCCEEDED,
    FAILED,
    /** Live state no longer matches the plan; nothing was changed. */
    SKIPPED_STALE
}
