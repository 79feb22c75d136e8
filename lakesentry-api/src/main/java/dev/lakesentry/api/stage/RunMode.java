package dev.lakesentry.api.stage;

/**
 * Whether a stage run recomputes only touched partitions or everything.
 *
 * @since 0.1.0
 */
public enum RunMode {
    /** Recompute the partitions that new input touched. */
    INCREMENTAL,
    /** Truncate the stage's layer for the account and replay all input. */
    REBUILD
}
