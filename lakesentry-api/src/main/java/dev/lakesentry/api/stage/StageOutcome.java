package dev.lakesentry.api.stage;

/**
 * How a stage run ended.
 *
 * @since 0.1.0
 */
public enum StageOutcome {
    SUCCEEDED,
    /** Nothing to do: no new input. */
    NOTHING_TO_DO,
    /** Failed; the layer was left as it was. */
    FAILED,
    /** Another process held the stage lock. */
    SKIPPED_LOCKED
}
