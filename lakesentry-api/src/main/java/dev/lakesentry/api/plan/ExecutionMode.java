package dev.lakesentry.api.plan;

/**
 * How the execution stage runs an action type.
 *
 * @since 0.1.0
 */
public enum ExecutionMode {
    /** The default: nothing runs. */
    READ_ONLY,
    /** For each target, the exact field changes are computed against live state; nothing changes. */
    DRY_RUN,
    /** Changes are applied. */
    APPLY
}
